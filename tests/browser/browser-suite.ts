import { describe, it } from 'vitest';
import { CHROMIUM, hasChromium } from './chromium.ts';
import type { SiteUnderTest } from './site.ts';

/**
 * A suite that needs Chromium: without it, it fails in CI and is skipped elsewhere, saying why.
 */
export function describeWithChromium(name: string, body: () => void): void {
  const missing = `Chromium is not installed at ${CHROMIUM}; install it with \`apt-get install chromium\` (as .ci/run does)`;
  if (!hasChromium && process.env['CI']) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${missing}. The browser tests cannot be skipped in CI.`);
      });
    });
    return;
  }
  if (!hasChromium) console.warn(`Skipping "${name}": ${missing}.`);
  describe.skipIf(!hasChromium)(name, body);
}

/** The built site, or the reason there is none (the build's output) as the failure. */
export function requireSite(site: SiteUnderTest): Extract<SiteUnderTest, { ok: true }> {
  if (!site.ok) throw new Error(`The example site could not be served: ${site.reason}`);
  return site;
}
