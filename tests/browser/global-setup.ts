import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { hasChromium } from './chromium.ts';
import { serveStatic } from './server.ts';
import { buildSite, canonicalUrl, type SiteUnderTest } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    site: SiteUnderTest;
  }
}

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Builds the example site once per test run into a temp dir and serves it on 127.0.0.1 under its
 * base path. `THROUGHLINE_BROWSER_SITE=<dir>` serves an existing build instead, for quick reruns.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  if (!hasChromium) {
    project.provide('site', { ok: false, reason: 'no Chromium, so the site was not built' });
    return teardown;
  }
  const canonical = canonicalUrl(REPO);
  const base = canonical.pathname;
  let dir = process.env['THROUGHLINE_BROWSER_SITE'];
  if (dir === undefined || dir === '') {
    dir = mkdtempSync(join(tmpdir(), 'throughline-site-'));
    const built = dir;
    cleanups.push(() => {
      rmSync(built, { recursive: true, force: true });
    });
    const result = buildSite(REPO, dir);
    if (!result.ok) {
      project.provide('site', { ok: false, reason: result.output });
      return teardown;
    }
  } else {
    dir = resolve(dir);
  }
  const server = await serveStatic(dir, base);
  cleanups.push(() => server.close());
  project.provide('site', { ok: true, dir, origin: server.origin, base, canonical: canonical.href });
  return teardown;
}
