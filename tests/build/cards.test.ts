import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { build, makeSiteTree } from './site-tree.ts';

const BUILD_TIMEOUT = 240_000;

const cardsLine = (stdout: string) => /Cards: \d+ rendered, \d+ reused/.exec(stdout)?.[0];
const ogImage = (html: string) => /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];

describe('social cards', () => {
  it(
    'gives every page kind a card its meta points at, draws each card once, and again only what changed',
    async () => {
      const root = makeSiteTree();
      const first = build(root, '--audience', 'team');
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      const dist = join(root, 'dist');
      const pages: [string, string][] = [
        ['index.html', 'og/home.png'],
        ['items/2026-h1/cut-ci-time/index.html', 'og/items/2026-h1/cut-ci-time.png'],
        ['goals/ci-speed/index.html', 'og/goals/ci-speed.png'],
        ['people/ana/index.html', 'og/people/ana.png'],
        ['teams/core/index.html', 'og/teams/core.png'],
        ['cycles/2026-h1/index.html', 'og/cycles/2026-h1.png'],
        // A list page shows the home card.
        ['goals/index.html', 'og/home.png'],
      ];
      for (const [page, card] of pages) {
        const html = readFileSync(join(dist, page), 'utf8');
        expect(ogImage(html)).toBe(`https://example.github.io/impact/${card}`);
        expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
        const meta = await sharp(join(dist, card)).metadata();
        expect([meta.width, meta.height]).toEqual([1200, 630]);
      }
      expect(existsSync(join(dist, 'og', 'cards.json'))).toBe(false);
      const total = Number(/Cards: (\d+) rendered, 0 reused/.exec(first.stdout)?.[1]);
      expect(total).toBeGreaterThan(8);

      expect(cardsLine(build(root, '--audience', 'team').stdout)).toBe(`Cards: 0 rendered, ${total} reused`);

      const file = join(root, 'content/accomplishments/2026-h1/cut-ci-time.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Halved the median CI time'));
      expect(cardsLine(build(root, '--audience', 'team').stdout)).toBe(`Cards: 1 rendered, ${total - 1} reused`);
    },
    BUILD_TIMEOUT,
  );

  it(
    'has no card for a team-only item on the public build',
    () => {
      const root = makeSiteTree();
      const result = build(root, '--audience', 'public');
      expect(result.status).toBe(0);
      const og = join(root, 'dist', 'og');
      expect(existsSync(join(og, 'items/2026-h1/fix-login-loop.png'))).toBe(true);
      expect(existsSync(join(og, 'items/2026-h1/cut-ci-time.png'))).toBe(false);
      expect(existsSync(join(og, 'items/2026-h1/try-remote-cache.png'))).toBe(false);
    },
    BUILD_TIMEOUT,
  );
});

describe('a site that turns cards and search off', () => {
  it('draws no card, writes no index, and no page names either', () => {
    const root = makeSiteTree();
    writeFileSync(
      join(root, 'astro.config.mjs'),
      "import { defineConfig } from 'astro/config';\nimport throughline from 'throughline';\nexport default defineConfig({ integrations: [throughline({ cards: false, search: false })] });\n",
    );
    const result = build(root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/Cards:|Search:/);
    const dist = join(root, 'dist');
    expect(['og', 'pagefind', 'search'].filter((path) => existsSync(join(dist, path)))).toEqual([]);
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(home).not.toMatch(/og:image|role="search"|data-pagefind/);
    expect(home).toContain('<meta name="twitter:card" content="summary">');
    expect(readFileSync(join(dist, 'about/index.html'), 'utf8')).not.toContain('/search/');
  }, 240_000);
});
