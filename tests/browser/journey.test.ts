import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { REPO } from '../helpers.ts';
import { focused } from './a11y.ts';
import { describeWithChromium, requireSite } from './browser-suite.ts';
import { launchChromium } from './chromium.ts';
import { walk, type Journey } from './journey.ts';

// A reader's path through the example site, home → goal → item → person, by accessible roles: with
// and without JavaScript, by keyboard, and on a phone. Screenshots of each stop go to
// test-results/screenshots/ (`npm run screenshots` copies the wide ones to docs/screenshots/).

const SCREENSHOTS = join(REPO, 'test-results', 'screenshots');
const WIDTHS = [390, 1280];
const STOPS = ['home', 'goal', 'item', 'person'] as const;
/** Tab stops checked on each page: the header, the skip link's target and well into the content. */
const TAB_STOPS = 25;

describeWithChromium("a reader's path through the example site", () => {
  const site = inject('site');
  let browser: Browser | undefined;
  let context: BrowserContext;
  let home = '';
  let walked: Promise<Journey> | undefined;

  beforeAll(async () => {
    const served = requireSite(site);
    home = `${served.origin}${served.base}`;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    context.setDefaultTimeout(10_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function withPage<T>(use: (page: Page) => Promise<T>, on: BrowserContext = context): Promise<T> {
    const page = await on.newPage();
    try {
      return await use(page);
    } finally {
      await page.close();
    }
  }

  /** The path, walked once in the light scheme with JavaScript; later tests visit its stops. */
  const journey = () => (walked ??= withPage((page) => walk(page, home)));

  it('clicks through home → goal → item → person', async () => {
    const { home: start, goal, item, person } = await journey();
    expect(start.url).toBe(home);
    for (const stop of [goal, item, person]) expect(stop.url.startsWith(home), `${stop.url} is on the site`).toBe(true);
    expect(new Set([start.url, goal.url, item.url, person.url]).size, 'four different pages').toBe(4);
    expect(person.heading).toBe(person.via);
  });

  it('shows the same content and path without JavaScript', async () => {
    const noScript = await browser!.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    noScript.setDefaultTimeout(10_000);
    try {
      const withScript = await journey();
      const without = await withPage((page) => walk(page, home), noScript);
      expect(without).toEqual(withScript);
    } finally {
      await noScript.close();
    }
  });

  it.each(['home', 'goal', 'item'] as const)(
    'on the %s page, Tab reaches "Skip to content" first and every focused element shows focus',
    async (stop) => {
      const url = (await journey())[stop].url;
      await withPage(async (page) => {
        await page.goto(url);
        const path = new URL(url).pathname;
        await page.keyboard.press('Tab');
        const first = await focused(page);
        expect(first?.text, `the first Tab stop on ${path} is the skip link; it is ${first?.element ?? 'nothing'}`).toMatch(
          /^skip to (main )?content$/i,
        );
        expect(first?.onScreen, `the skip link on ${path} appears on screen when focused`).toBe(true);

        const invisible: string[] = [];
        for (let stops = 1; stops <= TAB_STOPS; stops++) {
          const element = stops === 1 ? first : await focused(page);
          if (element === undefined) break;
          if (element.indicator === undefined || !element.onScreen) {
            invisible.push(`Tab ${stops}: ${element.element}${element.onScreen ? '' : ' (off screen)'}`);
          }
          await page.keyboard.press('Tab');
        }
        expect(invisible, `focused elements on ${path} without a visible focus indicator (outline or box-shadow)`).toEqual([]);

        // The skip link works: after following it, the next Tab lands in the main content.
        await page.goto(url);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Tab');
        const next = await focused(page);
        expect(next?.inMain, `after "Skip to content" on ${path}, Tab moves into <main>; it went to ${next?.element ?? 'nothing'}`).toBe(
          true,
        );
      });
    },
  );

  it('fits a 360 px wide phone screen without sideways scrolling', async () => {
    const stops = await journey();
    const PHONE = 360;
    const phone = await browser!.newContext({ viewport: { width: PHONE, height: 800 }, colorScheme: 'light' });
    // The journey's stops, and the pages with the widest content: tables, the map, long lists.
    const others = ['map/', 'cycles/', 'people/', 'goals/', 'about/'].map((path) => `${home}${path}`);
    try {
      const overflowing: string[] = [];
      for (const url of [...STOPS.map((name) => stops[name].url), ...others]) {
        await withPage(async (page) => {
          await page.goto(url);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > PHONE) overflowing.push(`${new URL(url).pathname} is ${width} px wide`);
        }, phone);
      }
      expect(overflowing).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('takes screenshots of home, a goal, an item and a person at 390 and 1280 px: the first viewport, and the full page', async () => {
    const stops = await journey();
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const width of WIDTHS) {
      await withPage(async (page) => {
        // A phone's viewport is taller than a laptop's: what a reader sees first on each.
        await page.setViewportSize({ width, height: width < 600 ? 844 : 800 });
        for (const name of STOPS) {
          await page.goto(stops[name].url);
          for (const fullPage of [false, true]) {
            const path = join(SCREENSHOTS, `${name}-${width}${fullPage ? '-full' : ''}.png`);
            await page.screenshot({ path, fullPage, animations: 'disabled' });
            expect(statSync(path).size, `${path} has an image`).toBeGreaterThan(1000);
          }
        }
      });
    }
  });
});
