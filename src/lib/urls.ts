/**
 * Every internal address of the site, in one place. `base` is the path the site is served under
 * (from `url` in site.yaml), with or without a trailing slash; every address ends in `/`.
 */
export function siteUrls(base: string) {
  const root = base.endsWith('/') ? base : `${base}/`;
  const at = (...parts: (string | number)[]) => root + parts.map((p) => `${p}/`).join('');
  const paged = (path: string[], page: number) => (page <= 1 ? at(...path) : at(...path, page));
  return {
    home: () => root,
    goals: () => at('goals'),
    goal: (id: string) => at('goals', id),
    goalItems: (id: string, page = 1) => paged(['goals', id, 'items'], page),
    items: (page = 1) => paged(['items'], page),
    // Item ids are `<cycle>/<slug>`, so the address mirrors the file's path.
    item: (id: string) => at('items', id),
    people: (page = 1) => paged(['people'], page),
    person: (id: string) => at('people', id),
    teams: () => at('teams'),
    team: (id: string) => at('teams', id),
    cycles: () => at('cycles'),
    cycle: (id: string) => at('cycles', id),
    cycleItems: (id: string, page = 1) => paged(['cycles', id, 'items'], page),
    coverage: (id: string, page = 1) => paged(['cycles', id, 'coverage'], page),
    learnings: (page = 1) => paged(['learnings'], page),
    unplanned: (page = 1) => paged(['unplanned'], page),
    tags: () => at('tags'),
    tag: (tag: string, page = 1) => paged(['tags', tag], page),
    map: () => at('map'),
    mapOf: (cycle: string) => at('map', cycle),
    about: () => at('about'),
  };
}

export type SiteUrls = ReturnType<typeof siteUrls>;

/** Links into the content repository: propose an edit of a file, or add a new one. */
export function repoUrls(repo: string, branch: string) {
  const root = repo.replace(/\/+$/, '');
  return {
    edit: (collection: string, id: string) => `${root}/edit/${branch}/content/${collection}/${id}.md`,
    submit: () => `${root}/blob/${branch}/docs/submitting.md`,
    newItem: (cycle: string) => `${root}/new/${branch}/content/accomplishments/${cycle}`,
  };
}
