import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parse } from 'yaml';

/** The built site the browser tests visit, handed from the global setup to the test files. */
export type SiteUnderTest =
  | {
      ok: true;
      /** The built files. */
      dir: string;
      /** `http://127.0.0.1:<port>` of the local server. */
      origin: string;
      /** The path the site is deployed under, with both slashes: `/impact/`. */
      base: string;
      /** The canonical site address from content/site.yaml, ending in `/`: `https://acme.github.io/impact/`. */
      canonical: string;
    }
  | { ok: false; reason: string };

/** The canonical address of the site, from `url` in content/site.yaml, always ending in `/`. */
export function canonicalUrl(repo: string): URL {
  const site = parse(readFileSync(join(repo, 'content', 'site.yaml'), 'utf8')) as { url?: unknown };
  if (typeof site.url !== 'string') throw new Error('content/site.yaml has no `url`');
  const url = new URL(site.url);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

const BUILD_TIMEOUT_MS = 180_000;

/** `throughline build`, the way the deploy workflow runs it. Returns its output when it fails. */
export function buildSite(repo: string, outDir: string): { ok: true } | { ok: false; output: string } {
  const result = spawnSync(process.execPath, [join(repo, 'bin', 'throughline.js'), 'build', '--out-dir', outDir], {
    cwd: repo,
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT_MS,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  if (result.status === 0) return { ok: true };
  const why = result.error
    ? `${result.error.message}${result.signal ? ` (${result.signal} after ${BUILD_TIMEOUT_MS / 1000} s)` : ''}`
    : `exit ${String(result.status)}`;
  return { ok: false, output: `\`throughline build --out-dir ${outDir}\` failed: ${why}\n${result.stdout}${result.stderr}` };
}

/** The address of every HTML file in the build: `goals/x/index.html` → `<origin>/impact/goals/x/`. */
export function builtPages(site: { dir: string; origin: string; base: string }): string[] {
  return readdirSync(site.dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const path = file.split(sep).join('/');
      const page = path === 'index.html' ? '' : path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
      return `${site.origin}${site.base}${page}`;
    })
    .sort();
}
