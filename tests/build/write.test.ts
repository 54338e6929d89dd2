import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { build, makeSiteTree, readSite } from './site-tree.ts';

const BUILD_TIMEOUT = 240_000;
// What the issue allows the write page: everything it loads, gzipped.
const BUDGET = 120 * 1024;

const SITE_YAML = 'content/site.yaml';
const BASE = '/impact/';

/** The scripts a page loads, by the address each names. */
const scripts = (html: string) => [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);

describe('the write page', () => {
  const root = makeSiteTree();

  it(
    'is in the team build, linked from the header of every page and from each goal, and the only page besides search with a script',
    () => {
      expect(build(root, '--out-dir', 'team-site').status).toBe(0);
      const site = readSite(join(root, 'team-site'));
      const write = site.get('write/index.html')!;
      expect(write).toContain('<h1>Write an accomplishment</h1>');
      // Without JavaScript: the template and the command that writes it.
      expect(write).toContain('<code>npm run new</code>');
      expect(write).toMatch(/<pre class="write-template"[^>]*><code>---\ntitle: What changed, as a result\n/);
      for (const [path, html] of site) {
        if (!path.endsWith('.html')) continue;
        expect(html, path).toContain(`<a class="button" href="${BASE}write/"`);
        if (path !== 'write/index.html' && path !== 'search/index.html')
          expect(html, `${path} runs no script`).not.toMatch(/<script\b(?![^>]*type="application\/(ld\+)?json")/);
      }
      expect(site.get('goals/ci-speed/index.html')).toContain(
        `<a href="${BASE}write/?goal=ci-speed">Add an accomplishment for this goal</a>`,
      );
    },
    BUILD_TIMEOUT,
  );

  it('loads at most 120 KB of gzipped JavaScript', () => {
    const html = readFileSync(join(root, 'team-site', 'write', 'index.html'), 'utf8');
    const loaded = new Set<string>();
    const visit = (address: string) => {
      if (loaded.has(address)) return;
      loaded.add(address);
      const code = readFileSync(join(root, 'team-site', address.slice(BASE.length)), 'utf8');
      // Chunks the script imports are loaded with it.
      for (const [, chunk] of code.matchAll(/import\s*(?:[^'"]*from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(`${BASE}_astro/${chunk!}`);
    };
    for (const address of scripts(html)) visit(address);
    expect(loaded.size).toBeGreaterThan(0);
    const gzipped = [...loaded].reduce(
      (sum, address) => sum + gzipSync(readFileSync(join(root, 'team-site', address.slice(BASE.length)))).length,
      0,
    );
    expect(gzipped).toBeLessThanOrEqual(BUDGET);
  });

  it(
    'is left out of the public build, with the header linking the submission guide instead, unless site.yaml asks for it',
    () => {
      expect(build(root, '--audience', 'public', '--out-dir', 'public-site').status).toBe(0);
      const site = readSite(join(root, 'public-site'));
      expect(site.has('write/index.html')).toBe(false);
      expect([...site.values()].join('\n')).not.toContain(`${BASE}write/`);
      expect(site.get('index.html')).toContain(`<a class="button" href="${BASE}about/#submit"`);

      const asked = makeSiteTree(undefined, {
        files: { [SITE_YAML]: `${readFileSync(join(root, SITE_YAML), 'utf8')}public_write_page: true\n` },
      });
      expect(build(asked, '--audience', 'public', '--out-dir', 'public-site').status).toBe(0);
      expect(readSite(join(asked, 'public-site')).has('write/index.html')).toBe(true);
    },
    BUILD_TIMEOUT * 2,
  );
});
