import { describe, expect, it } from 'vitest';
import { csvDocument } from '../../src/lib/csv.ts';
import { accomplishmentRows, accomplishmentsDocument, CSV_COLUMNS, goalsDocument, peopleDocument } from '../../src/lib/data-export.ts';
import { feed } from '../../src/lib/feed.ts';
import { robotsTxt } from '../../src/lib/robots.ts';
import { siteModel } from '../../src/lib/site-model.ts';
import { siteUrls } from '../../src/lib/urls.ts';
import { AccomplishmentsDocumentSchema, GoalsDocumentSchema, PeopleDocumentSchema } from '../../src/schema/data-export.ts';
import { TeamSchema } from '../../src/schema/index.ts';
import { content, doc, goal, item, person } from './fixture.ts';

const TODAY = '2026-11-27';
const urls = siteUrls('/impact/');

// A public item by a public and a team-only author, moving a public goal and a team-only one; a
// team item; a private one; a public draft.
const input = content({
  teams: [
    doc('core', TeamSchema.parse({ name: 'Core', lead: 'ana', visibility: 'public' })),
    doc('ops', TeamSchema.parse({ name: 'Ops', lead: 'ben' })),
  ],
  people: [person('ana', 'Ana Silva', { visibility: 'public' }), person('ben', 'Ben Okafor', { team: 'ops' })],
  goals: [
    goal('top', { visibility: 'public', key_results: [{ id: 'kr-a', title: 'Wait', unit: 'min', baseline: 20, target: 10, current: 15 }] }),
    goal('g1', { parent: 'top', owner: 'ben', visibility: 'public' }),
    goal('secret', {
      title: 'Secret goal title',
      visibility: 'team',
      key_results: [{ id: 'kr-secret', title: 'Hidden', unit: '%', baseline: 0, target: 10, current: 5 }],
    }),
  ],
  accomplishments: [
    item('c1/open', {
      visibility: 'public',
      authors: ['ana', 'ben'],
      goals: [
        { goal: 'top', key_result: 'kr-a', contribution: 'Cut it.' },
        { goal: 'secret', contribution: 'Secret contribution' },
      ],
      impact: [
        { metric: 'Wait', key_result: 'kr-a', before: 20, after: 12, unit: 'min' },
        { metric: 'Other', key_result: 'kr-secret', before: 1, after: 2, unit: '%' },
      ],
      date: '2026-03-02',
      builds_on: ['c1/unplanned', 'c1/team'],
    }),
    item('c1/unplanned', { visibility: 'public', goals: [], unplanned: 'A fire.', title: '=HYPERLINK("http://evil")', date: '2026-03-01' }),
    item('c1/team', { visibility: 'team', title: 'Team-only item' }),
    item('c1/mine', { visibility: 'private', title: 'Private item' }),
    item('c1/draft', { visibility: 'public', draft: true, title: 'Draft item' }),
  ],
});
const publicSite = siteModel(input, 'public', TODAY);
const teamSite = siteModel(input, 'team', TODAY);

/** Every export of a build as one text, to look for what must not be in any of them. */
function everything(site: ReturnType<typeof siteModel>): string {
  const items = accomplishmentsDocument(site, urls);
  return [
    JSON.stringify(items),
    JSON.stringify(goalsDocument(site, urls)),
    JSON.stringify(peopleDocument(site, urls)),
    csvDocument(CSV_COLUMNS, accomplishmentRows(items)),
    JSON.stringify(feed(site, urls)),
  ].join('\n');
}

describe('the data exports', () => {
  it('hold only what the audience may see: no team or private item, no draft, no hidden person, goal or key result', () => {
    const text = everything(publicSite);
    for (const secret of [
      'Team-only item',
      'c1/team',
      'Private item',
      'Draft item',
      'Ben Okafor',
      'ben',
      'Secret goal',
      'secret',
      'kr-secret',
      'Ops',
    ])
      expect(text, secret).not.toContain(secret);
    expect(everything(teamSite)).toContain('Team-only item');
    expect(everything(teamSite)).not.toContain('Private item');
    expect(everything(teamSite)).not.toContain('Draft item');
  });

  it('names the authors and goals it may show, and only counts the others', () => {
    const [open] = accomplishmentsDocument(publicSite, urls).items;
    expect(open).toMatchObject({
      id: 'c1/open',
      url: 'https://example.org/impact/items/c1/open/',
      authors: [{ id: 'ana', name: 'Ana Silva' }],
      authorsNotShown: 1,
      goals: [{ goal: 'top', keyResult: 'kr-a', contribution: 'Cut it.' }],
      goalsNotShown: 1,
      unplanned: null,
      buildsOn: ['c1/unplanned'],
      teams: ['core'],
    });
    expect(open?.impact.map((m) => m.keyResult)).toEqual(['kr-a', null]);
    const team = accomplishmentsDocument(teamSite, urls).items.find((i) => i.id === 'c1/open');
    expect(team).toMatchObject({ authorsNotShown: 0, goalsNotShown: 0, buildsOn: ['c1/unplanned', 'c1/team'], teams: ['core', 'ops'] });
  });

  it('leaves a goal’s hidden owner, team and parent out, and says which way each key result goes', () => {
    const { goals } = goalsDocument(publicSite, urls);
    expect(goals.map((g) => g.id).sort()).toEqual(['g1', 'top']);
    expect(goals.find((g) => g.id === 'g1')).toMatchObject({ owner: null, team: 'core', parent: 'top', progress: null });
    expect(goals.find((g) => g.id === 'top')?.keyResults[0]).toEqual({
      id: 'kr-a',
      title: 'Wait',
      unit: 'min',
      baseline: 20,
      current: 15,
      target: 10,
      direction: 'decrease',
    });
    expect(goals.find((g) => g.id === 'top')?.progress).toBe(0.5);
  });

  it('lists people without their private fields', () => {
    const { people } = peopleDocument(publicSite, urls);
    expect(people).toEqual([
      { id: 'ana', url: 'https://example.org/impact/people/ana/', name: 'Ana Silva', role: 'Engineer', team: 'core' },
    ]);
  });

  it('starts each document with its version, build day and audience, and each parses with its own schema', () => {
    for (const [schema, document] of [
      [AccomplishmentsDocumentSchema, accomplishmentsDocument(teamSite, urls)],
      [GoalsDocumentSchema, goalsDocument(teamSite, urls)],
      [PeopleDocumentSchema, peopleDocument(teamSite, urls)],
    ] as const) {
      expect(Object.keys(document).slice(0, 3)).toEqual(['schemaVersion', 'generated', 'audience']);
      expect(document).toMatchObject({ schemaVersion: 1, generated: TODAY, audience: 'team' });
      expect(schema.safeParse(document).error).toBeUndefined();
    }
  });

  it('writes one CSV row per goal link, one with empty goal columns for unplanned work, hostile titles neutralised', () => {
    expect(csvDocument(CSV_COLUMNS, accomplishmentRows(accomplishmentsDocument(publicSite, urls)))).toMatchInlineSnapshot(`
      "id,url,title,summary,cycle,date,outcome,authors,authorsNotShown,goal,keyResult,contribution,goalsNotShown,unplanned,tags,teams
      c1/open,https://example.org/impact/items/c1/open/,Item c1/open,Did a thing.,c1,2026-03-02,delivered,Ana Silva,1,top,kr-a,Cut it.,1,,,core
      c1/unplanned,https://example.org/impact/items/c1/unplanned/,"'=HYPERLINK(""http://evil"")",Did a thing.,c1,2026-03-01,delivered,Ana Silva,0,,,,0,A fire.,,core
      "
    `);
  });

  it('feeds the shown accomplishments newest first, with summaries and absolute links', () => {
    expect(feed(publicSite, urls)).toEqual({
      title: 'T',
      description: 'D',
      items: [
        {
          title: 'Item c1/open',
          link: 'https://example.org/impact/items/c1/open/',
          pubDate: new Date('2026-03-02T00:00:00Z'),
          description: 'Did a thing.',
        },
        {
          title: '=HYPERLINK("http://evil")',
          link: 'https://example.org/impact/items/c1/unplanned/',
          pubDate: new Date('2026-03-01T00:00:00Z'),
          description: 'Did a thing.',
        },
      ],
    });
  });
});

describe('robots.txt', () => {
  it('invites crawlers to the public build and its sitemap, and keeps them out of the others', () => {
    expect(robotsTxt('public', 'https://example.org/impact/sitemap-index.xml')).toMatchInlineSnapshot(`
      "User-agent: *
      Allow: /

      Sitemap: https://example.org/impact/sitemap-index.xml
      "
    `);
    expect(robotsTxt('team', 'x')).toBe('User-agent: *\nDisallow: /\n');
    expect(robotsTxt('private', 'x')).toBe('User-agent: *\nDisallow: /\n');
  });
});
