import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.ts';
import { build, makeSiteTree, readSite } from './site-tree.ts';

const BUILD_TIMEOUT = 240_000;

/**
 * Every page the build writes is one a reader can reach: following links from the home page and
 * the 404 page leads to each of them. A page nothing links to is either dead weight or a link the
 * site forgot, so the crawl fails on both.
 */
describe('the example site', () => {
  let built: Map<string, string> | undefined;
  const site = (): Map<string, string> => {
    if (built) return built;
    const root = makeSiteTree(undefined, { remove: ['content'] });
    cpSync(join(REPO, 'content'), join(root, 'content'), { recursive: true });
    const result = build(root, '--out-dir', 'site');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    built = readSite(join(root, 'site'));
    return built;
  };

  it(
    'builds no page that no link leads to',
    () => {
      const pages = [...site().keys()].filter((path) => path.endsWith('.html')).sort();
      const { reached, files, broken } = crawl(site(), ['index.html', '404.html']);
      expect(broken).toEqual([]);
      expect(pages.filter((path) => !reached.has(path))).toEqual([]);
      // The feed and the data exports are files, not pages, and a reader finds them by a link too.
      // robots.txt and sitemaps are for crawlers, which look for them by name; dot files are the
      // build's own; pagefind/ is the search page's index, which its script loads.
      const exports = [...site().keys()].filter((path) => /\.(xml|json|csv)$/.test(path) && !/^(sitemap|\.|pagefind\/)/.test(path));
      expect(exports.sort()).toEqual([
        'data/accomplishments.csv',
        'data/accomplishments.json',
        'data/cycles.json',
        'data/goals.json',
        'data/people.json',
        'rss.xml',
      ]);
      expect(exports.filter((path) => !files.has(path))).toEqual([]);
      // The crawl is real: it reaches far more than the two pages it started from.
      expect(reached.size).toBeGreaterThan(50);
      expect(reached.size).toBe(pages.length);
    },
    BUILD_TIMEOUT,
  );

  it(
    'draws each distinct throughline once on an item page, in a box as wide as the text',
    () => {
      const boxes = [...site()]
        .filter(([path]) => /^items\/[^/]+\/[^/]+\/index\.html$/.test(path))
        .map(([path, html]) => ({ path, paths: throughlines(html) }));
      expect(boxes.length).toBeGreaterThan(20);
      for (const { path, paths } of boxes) {
        for (const [i, a] of paths.entries())
          for (const [j, b] of paths.entries())
            if (i !== j) expect.soft(b.length >= a.length && a.every((step, k) => b[k] === step), `${path}: ${a.join(' › ')}`).toBe(false);
      }
      // It claims ci-speed (with a key result) and the goal above it: one path, the longer one.
      const sharding = boxes.find((b) => b.path === 'items/2026-h1/cut-median-ci-time-with-sharding-and-remote-cache/index.html');
      expect(sharding?.paths).toEqual([
        [
          'Ship changes faster without breaking production',
          'Halve the time engineers wait on CI',
          'Median CI time on main',
          'This accomplishment',
        ],
      ]);
      // The box lines up with the article under it: the same measure (the page's own styles are inlined).
      const css = sharding === undefined ? '' : site().get(sharding.path)!;
      expect(css).toMatch(/\.throughline\[[^\]]+\]\{[^}]*max-width:var\(--measure\)/);
      expect(css).toMatch(/article\[[^\]]+\]\{[^}]*max-width:var\(--measure\)/);
    },
    BUILD_TIMEOUT,
  );
});

/** The throughline box's paths on an item page, each as the text of its steps. */
function throughlines(html: string): string[][] {
  const nav = /<nav[^>]*class="throughline[^"]*"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/<ol class="crumbs[^"]*"[^>]*>([\s\S]*?)<\/ol>/g)].map((list) =>
    [...list[1]!.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((step) => step[1]!.replace(/<[^>]+>/g, '').trim()),
  );
}

/**
 * Follows every `<a href>` that stays on the site, from `start`, through the built files. The site
 * lives under a base path (`/impact/`) and may write its canonical address in full, so both forms
 * map back to a file: `/impact/goals/` → `goals/index.html`.
 */
function crawl(
  site: ReadonlyMap<string, string>,
  start: readonly string[],
): { reached: Set<string>; files: Set<string>; broken: string[] } {
  const home = site.get('index.html') ?? '';
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(home)?.[1];
  if (canonical === undefined) throw new Error('the home page names no canonical address');
  const origin = new URL(canonical);
  const base = origin.pathname.endsWith('/') ? origin.pathname : `${origin.pathname}/`;
  const reached = new Set<string>();
  const files = new Set<string>();
  const broken = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (reached.has(path)) continue;
    reached.add(path);
    const here = new URL(`${base}${path.replace(/index\.html$/, '')}`, origin);
    for (const match of (site.get(path) ?? '').matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
      const href = match[1]!.replaceAll('&amp;', '&');
      const url = new URL(href, here);
      if (url.origin !== origin.origin || !url.pathname.startsWith(base)) continue;
      const rest = decodeURIComponent(url.pathname.slice(base.length));
      // A feed, an export, an image: a file of its own, linked but not crawled.
      if (rest !== '' && !rest.endsWith('/') && !rest.endsWith('.html')) {
        if (site.has(rest)) files.add(rest);
        else broken.add(`${path} → ${href}`);
        continue;
      }
      const file = rest.endsWith('.html') ? rest : `${rest}index.html`;
      if (!site.has(file)) broken.add(`${path} → ${href}`);
      else if (!reached.has(file)) queue.push(file);
    }
  }
  return { reached, files, broken: [...broken].sort() };
}
