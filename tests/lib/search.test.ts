import { describe, expect, it } from 'vitest';
import { allFacets, itemFacets } from '../../src/lib/search-facets.ts';
import { excerptParts, resultSummary, searchRequest } from '../../src/lib/search-query.ts';
import { siteModel } from '../../src/lib/site-model.ts';
import { TeamSchema } from '../../src/schema/index.ts';
import { content, doc, goal, item, person } from './fixture.ts';

const TODAY = '2026-05-01';

describe('search filters', () => {
  // A public item that moved a public goal and a team-only one, by a public author of a team-only team.
  const input = content({
    teams: [
      doc('core', TeamSchema.parse({ name: 'Core', lead: 'ana' })),
      doc('open', TeamSchema.parse({ name: 'Open', lead: 'ana', visibility: 'public' })),
    ],
    people: [person('ana', 'Ana Silva', { visibility: 'public' }), person('ben', 'Ben Okafor', { team: 'open', visibility: 'public' })],
    goals: [goal('g1', { title: 'Public goal', visibility: 'public' }), goal('g2', { title: 'Team-only goal' })],
    accomplishments: [
      item('c1/a', { authors: ['ana', 'ben'], goals: ['g1', 'g2'], outcome: 'learning', tags: ['ci', 'build'], visibility: 'public' }),
    ],
  });

  it('gives an item only the values its audience may see', () => {
    const site = siteModel(input, 'public', TODAY);
    expect(itemFacets(site, site.items[0]!)).toEqual({
      type: ['Accomplishment'],
      cycle: ['H1'],
      team: ['Open'],
      goal: ['Public goal'],
      outcome: ['Learning'],
      tag: ['ci', 'build'],
    });
    const team = siteModel(input, 'team', TODAY);
    expect(itemFacets(team, team.items[0]!).goal).toEqual(['Public goal', 'Team-only goal']);
    expect(itemFacets(team, team.items[0]!).team).toEqual(['Core', 'Open']);
  });

  it('offers on the search page every value the indexed pages carry, and nothing else', () => {
    const all = allFacets(siteModel(input, 'public', TODAY));
    expect(all.goal).toEqual(['Public goal']);
    expect(all.team).toEqual(['Open']);
    expect(all.outcome).toEqual(['Learning']);
    expect(all.status).toEqual(['On track']);
    expect(all.type).toEqual(['Accomplishment', 'Cycle', 'Goal', 'Person', 'Team']);
  });
});

describe('the search page address', () => {
  it('reads words and filters, any of the values within a filter', () => {
    expect(searchRequest(new URLSearchParams('q=+cache+&outcome=Learning&outcome=Missed&tag=&nope=1'))).toEqual({
      query: 'cache',
      filters: { outcome: { any: ['Learning', 'Missed'] } },
    });
  });

  it('says what it found, for screen readers', () => {
    expect(resultSummary(0, searchRequest(new URLSearchParams('q=x')))).toMatchInlineSnapshot(`"No results for “x”."`);
    expect(resultSummary(1, searchRequest(new URLSearchParams('outcome=Learning')))).toMatchInlineSnapshot(
      `"1 result with the filters chosen."`,
    );
    expect(resultSummary(3, searchRequest(new URLSearchParams('q=ci&tag=ci')))).toMatchInlineSnapshot(
      `"3 results for “ci” with the filters chosen."`,
    );
  });

  it('draws an excerpt as text and marks, never as HTML', () => {
    expect(excerptParts('a &lt;b&gt; <mark>cache</mark> and <mark>caches</mark>')).toEqual([
      { text: 'a <b> ', marked: false },
      { text: 'cache', marked: true },
      { text: ' and ', marked: false },
      { text: 'caches', marked: true },
    ]);
  });
});
