import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

const ARGS = [
  // CI runs as root, where Chromium refuses to start with its sandbox.
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  // On a closed network, background fetches to Google stall on refused connections.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * One headless Chromium. Playwright gives every launch a fresh temp `--user-data-dir` and deletes
 * it on close (it refuses an explicit one outside `launchPersistentContext`).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000 });
}
