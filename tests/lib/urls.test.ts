import { describe, expect, it } from 'vitest';
import { formatting, initials } from '../../src/lib/format.ts';
import { COVERAGE_PAGE_SIZE, CYCLE_ITEMS_SHOWN, GOAL_ITEMS_SHOWN, ownPages } from '../../src/lib/pages.ts';
import { paginate } from '../../src/lib/paginate.ts';
import { repoUrls, siteUrls } from '../../src/lib/urls.ts';

describe('addresses', () => {
  it('builds every page address on the base path, ending in a slash', () => {
    const urls = siteUrls('/impact');
    expect([urls.home(), urls.item('2026-h1/cut-ci'), urls.goalItems('ci', 1), urls.goalItems('ci', 3), urls.tag('ci')]).toEqual([
      '/impact/',
      '/impact/items/2026-h1/cut-ci/',
      '/impact/goals/ci/items/',
      '/impact/goals/ci/items/3/',
      '/impact/tags/ci/',
    ]);
    expect(siteUrls('/').people(2)).toBe('/people/page/2/');
  });

  it('addresses the feed, the sitemap and the data files as files, with no trailing slash', () => {
    const urls = siteUrls('/impact');
    expect([urls.feed(), urls.sitemap(), urls.data('accomplishments.csv'), siteUrls('/').data('goals.json')]).toEqual([
      '/impact/rss.xml',
      '/impact/sitemap-index.xml',
      '/impact/data/accomplishments.csv',
      '/data/goals.json',
    ]);
  });

  it('points edit links at the file in the repository', () => {
    expect(repoUrls('https://github.com/acme/impact/', 'main').edit('accomplishments', '2026-h1/cut-ci')).toBe(
      'https://github.com/acme/impact/edit/main/content/accomplishments/2026-h1/cut-ci.md',
    );
  });
});

describe('pages and numbers', () => {
  it('splits a list into pages, with one empty page for an empty list', () => {
    expect(paginate([1, 2, 3, 4, 5], 2).map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 30)).toEqual([{ number: 1, total: 1, items: [] }]);
  });

  it('gives a list a page of its own only when the page that links to it shows part of it', () => {
    expect([GOAL_ITEMS_SHOWN, GOAL_ITEMS_SHOWN + 1, 0].map(ownPages.goalItems)).toEqual([false, true, false]);
    expect([CYCLE_ITEMS_SHOWN, CYCLE_ITEMS_SHOWN + 1, 0].map(ownPages.cycleItems)).toEqual([false, true, false]);
    expect(ownPages.coverage('team', COVERAGE_PAGE_SIZE)).toBe(false);
    expect(ownPages.coverage('team', COVERAGE_PAGE_SIZE + 1)).toBe(true);
    expect(ownPages.coverage('private', COVERAGE_PAGE_SIZE + 1)).toBe(true);
    expect(ownPages.coverage('public', COVERAGE_PAGE_SIZE + 1)).toBe(false);
  });

  it('writes values the way people read them', () => {
    const { change, withUnit } = formatting('en');
    expect([withUnit(11, 'min'), withUnit(99.9, '%'), change(-2.7, '%'), change(3, 'min'), change(0, 'ms')]).toEqual([
      '11 min',
      '99.9%',
      '−2.7 pts',
      '+3 min',
      '±0 ms',
    ]);
    expect([initials('Alice Moreau'), initials('Priya'), initials('José María  García'), initials('Łukasz Żak')]).toEqual([
      'AM',
      'P',
      'JG',
      'ŁŻ',
    ]);
  });
});
