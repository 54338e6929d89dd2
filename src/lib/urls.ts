/** The folder of the people index's later pages; person ids have addresses of their own. */
export const PEOPLE_PAGE = 'page';

/**
 * Every internal address of the site, in one place. `base` is the path the site is served under
 * (from `url` in site.yaml), with or without a trailing slash; every page address ends in `/`.
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
    // Under `page/`, because a person's id may be a number: `/people/2/` is the person `2`.
    people: (page = 1) => (page <= 1 ? at('people') : at('people', PEOPLE_PAGE, page)),
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
    search: () => at('search'),
    // The draft form; `goal` picks that goal when a goal's page opens it.
    write: (goal?: string) => (goal === undefined ? at('write') : `${at('write')}?goal=${encodeURIComponent(goal)}`),
    // Files, not pages: no trailing slash. A card's `file` comes from src/lib/cards.ts.
    card: (file: string) => `${root}og/${file}`,
    feed: () => `${root}rss.xml`,
    // Written by @astrojs/sitemap, in public builds only.
    sitemap: () => `${root}sitemap-index.xml`,
    data: (file: 'accomplishments.json' | 'goals.json' | 'people.json' | 'cycles.json' | 'accomplishments.csv') => `${root}data/${file}`,
  };
}

export type SiteUrls = ReturnType<typeof siteUrls>;

/**
 * Links into the content repository: propose an edit of a file, or add a new one. Every part of a
 * path is percent-encoded, so no branch or id can step out of the repository's address.
 */
export function repoUrls(repo: string, branch: string) {
  const root = repo.replace(/\/+$/, '');
  const path = (...parts: string[]) =>
    parts
      .flatMap((part) => part.split('/'))
      .map(encodeURIComponent)
      .join('/');
  return {
    edit: (collection: string, id: string) => `${root}/edit/${path(branch, 'content', collection, `${id}.md`)}`,
    history: (collection: string, id: string) => `${root}/commits/${path(branch, 'content', collection, `${id}.md`)}`,
    submit: () => `${root}/blob/${path(branch, 'docs', 'submitting.md')}`,
    newItem: (cycle: string) => `${root}/new/${path(branch, 'content', 'accomplishments', cycle)}`,
    /** GitHub's "create new file" page for `file` (a path in the repository), filled in with `value` when given. */
    propose: (file: string, value?: string) => {
      const folder = file.split('/').slice(0, -1).join('/');
      const query = new URLSearchParams({ filename: file.split('/').at(-1)! });
      if (value !== undefined) query.set('value', value);
      return `${root}/new/${path(branch, folder)}?${query.toString().replaceAll('+', '%20')}`;
    },
  };
}
