import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccomplishmentsDocumentSchema, GoalsDocumentSchema, PeopleDocumentSchema } from '../../src/schema/data-export.ts';
import { itemText, TODAY } from '../helpers.ts';
import { build, makeSiteTree, readSite } from './site-tree.ts';

const BUILD_TIMEOUT = 240_000;

// Ana is public; Ben and Cleo are team-only (the default). One public item with a hostile title by
// Ana and Ben; a public draft; the fixture's own team and private items.
const files = {
  'content/people/ana.md': '---\nname: Ana Silva\nrole: Engineering Manager\nteam: core\nvisibility: public\n---\n',
  'content/accomplishments/2026-h1/hostile.md': itemText({
    title: '=HYPERLINK("http://evil")',
    summary: 'Spreadsheet bait, <b>not</b> markup.',
    authors: ['ana', 'ben'],
    goals: [],
    unplanned: 'A fire.',
    visibility: 'public',
    date: '2026-05-01',
  }),
  'content/accomplishments/2026-h1/draft.md': itemText({ title: 'Draft canary', visibility: 'public', draft: true }),
};

/** The titles of a feed's items, unescaped. */
function feedTitles(xml: string): string[] {
  return [...xml.matchAll(/<item>[\s\S]*?<title>([\s\S]*?)<\/title>/g)].map((m) =>
    m[1]!.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&'),
  );
}

describe('feeds, sitemap and data exports', () => {
  const root = makeSiteTree(undefined, { files });

  it(
    'a public build writes them with public work alone, a sitemap, and a robots.txt that names it',
    () => {
      const result = build(root, '--audience', 'public', '--out-dir', 'public-site');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const site = readSite(join(root, 'public-site'));

      const rss = site.get('rss.xml')!;
      expect(rss).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><rss version="2.0">/);
      expect(feedTitles(rss)).toEqual(['=HYPERLINK("http://evil")', 'Fixed the login redirect loop']);
      expect(rss).toContain('<link>https://example.github.io/impact/items/2026-h1/hostile/</link>');
      // The summary is text: its angle brackets are escaped, never markup.
      expect(rss).toContain('<description>Spreadsheet bait, &lt;b&gt;not&lt;/b&gt; markup.</description>');

      const items = AccomplishmentsDocumentSchema.parse(JSON.parse(site.get('data/accomplishments.json')!));
      expect(items).toMatchObject({ schemaVersion: 1, generated: TODAY, audience: 'public' });
      expect(items.items.map((i) => i.id)).toEqual(['2026-h1/hostile', '2026-h1/fix-login-loop']);
      expect(items.items[0]).toMatchObject({ authors: [{ id: 'ana', name: 'Ana Silva' }], authorsNotShown: 1 });
      expect(PeopleDocumentSchema.parse(JSON.parse(site.get('data/people.json')!)).people.map((p) => p.id)).toEqual(['ana']);
      expect(GoalsDocumentSchema.parse(JSON.parse(site.get('data/goals.json')!)).goals).toEqual([]);

      const csv = site.get('data/accomplishments.csv')!;
      expect(csv.split('\r\n')[0]).toBe(
        'id,url,title,summary,cycle,date,outcome,authors,authorsNotShown,goal,keyResult,contribution,goalsNotShown,unplanned,tags,teams',
      );
      expect(csv).toContain(`,"'=HYPERLINK(""http://evil"")",`);
      expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
      expect(csv.split('\r\n')).toHaveLength(4); // header, two items, the final line end

      for (const file of ['rss.xml', 'data/accomplishments.json', 'data/goals.json', 'data/people.json', 'data/accomplishments.csv']) {
        for (const secret of ['Ben Carter', 'Cleo Park', 'Cut median CI', 'Remote build cache', 'Draft canary', 'ci-speed'])
          expect(site.get(file), `${secret} in ${file}`).not.toContain(secret);
      }

      expect(site.get('robots.txt')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.github.io/impact/sitemap-index.xml\n');
      expect(site.get('sitemap-index.xml')).toContain('<loc>https://example.github.io/impact/sitemap-0.xml</loc>');
      const pages = [...site.get('sitemap-0.xml')!.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
      expect(pages).toContain('https://example.github.io/impact/items/2026-h1/hostile/');
      expect(pages.filter((page) => /404|draft|cut-ci-time|\/people\/ben\//.test(page))).toEqual([]);
      expect(pages.length).toBe([...site.keys()].filter((path) => path.endsWith('index.html')).length);

      // Every page offers the feed to a reader's browser.
      expect(site.get('index.html')).toContain('<link rel="alternate" type="application/rss+xml"');
    },
    BUILD_TIMEOUT,
  );

  it(
    'a team build writes them with team work, no sitemap, and a robots.txt that keeps crawlers out',
    () => {
      const result = build(root, '--out-dir', 'team-site');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const site = readSite(join(root, 'team-site'));
      expect(feedTitles(site.get('rss.xml')!)).toEqual([
        '=HYPERLINK("http://evil")',
        'Cut median CI time from 20 to 14 minutes',
        'Fixed the login redirect loop',
      ]);
      const items = AccomplishmentsDocumentSchema.parse(JSON.parse(site.get('data/accomplishments.json')!));
      expect(items.audience).toBe('team');
      expect(items.items[0]).toMatchObject({ authorsNotShown: 0 });
      expect(
        GoalsDocumentSchema.parse(JSON.parse(site.get('data/goals.json')!))
          .goals.map((g) => g.id)
          .sort(),
      ).toEqual(['ci-speed', 'ship-faster']);
      expect(PeopleDocumentSchema.parse(JSON.parse(site.get('data/people.json')!)).people).toHaveLength(3);
      expect([...site.values()].join('\n')).not.toContain('Draft canary');
      expect([...site.values()].join('\n')).not.toContain('Remote build cache');
      expect(site.get('robots.txt')).toBe('User-agent: *\nDisallow: /\n');
      expect([...site.keys()].filter((path) => path.startsWith('sitemap'))).toEqual([]);
    },
    BUILD_TIMEOUT,
  );

  it(
    'keeps a team’s own public/robots.txt instead of writing one',
    () => {
      const own = makeSiteTree(undefined, { files: { ...files, 'public/robots.txt': 'User-agent: *\nDisallow: /drafts/\n' } });
      const result = build(own, '--audience', 'public', '--out-dir', 'site');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(readSite(join(own, 'site')).get('robots.txt')).toBe('User-agent: *\nDisallow: /drafts/\n');
    },
    BUILD_TIMEOUT,
  );
});
