// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';

// The canonical address comes from content/site.yaml, so a fork edits one file. Its path becomes
// the base every link is built on (GitHub Pages serves a project site under /<repo>/).
const siteUrl = new URL(readSiteUrl());

export default defineConfig({
  site: siteUrl.origin,
  base: siteUrl.pathname,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Inside the project, not node_modules/.astro: a tree that shares node_modules (tests, forks
  // with a linked install) must never share the content cache.
  cacheDir: './.astro/cache',
  // Pages need no client code; nothing may phone home (no dev toolbar, no prefetch script).
  devToolbar: { enabled: false },
  prefetch: false,
});

/**
 * `url` from site.yaml when it is an absolute http(s) address. Anything else falls back to a
 * placeholder, so `astro dev` still starts and the site loader logs the check's own diagnostic
 * for the file, instead of Astro failing on `new URL()` with a stack trace.
 * @returns {string}
 */
function readSiteUrl() {
  try {
    const site = parse(readFileSync(new URL('./content/site.yaml', import.meta.url), 'utf8'));
    if (typeof site?.url === 'string' && /^https?:$/.test(new URL(site.url).protocol)) return site.url;
  } catch {
    // Missing, broken or not a URL: the check (and the site loader) say which.
  }
  return 'https://example.github.io/';
}
