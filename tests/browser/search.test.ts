import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeViolations, violationFindings } from './a11y.ts';
import { describeWithChromium, requireSite } from './browser-suite.ts';
import { launchChromium } from './chromium.ts';
import { expectNone } from './report.ts';

// Search from any page: the header box is a plain form to /search/, where a small script runs the
// query over the Pagefind index the build wrote. Results are links, announced; filters are form
// controls; all of it by keyboard, in both colour schemes and on a phone.

// Loading the index (WebAssembly) takes a moment on a busy machine.
const WAIT = { timeout: 10_000 };
const ITEM = 'items/2026-h1/cut-median-ci-time-with-sharding-and-remote-cache/';

describeWithChromium('search', () => {
  const site = inject('site');
  let browser: Browser | undefined;
  let context: BrowserContext;
  let root = '';

  beforeAll(async () => {
    const served = requireSite(site);
    root = `${served.origin}${served.base}`;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(10_000);
    // Nothing may come from anywhere but the site.
    await context.route(
      (url) => url.origin !== served.origin,
      (route) => route.abort('blockedbyclient'),
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function on<T>(use: (page: Page) => Promise<T>, viewport?: { width: number; height: number }): Promise<T> {
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    try {
      return await use(page);
    } finally {
      await page.close();
    }
  }

  const results = (page: Page) => page.locator('[data-search-results] > li');
  const status = (page: Page) => page.locator('[data-search-status]');

  it('takes a query from the header box on home to the search page, whose results link the accomplishment', async () => {
    await on(async (page) => {
      await page.goto(root);
      await expect(page.locator('script').count(), 'home runs no script').resolves.toBe(0);
      await page.getByRole('searchbox', { name: 'Search the site' }).fill('sharding');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\/\?q=sharding$/);
      await expect.poll(() => status(page).textContent(), WAIT).toMatch(/^\d+ results? for “sharding”\.$/);
      await expect(page.getByRole('searchbox', { name: 'Search for' }).inputValue()).resolves.toBe('sharding');
      const hrefs = await results(page)
        .getByRole('link')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(hrefs).toContain(`${new URL(root).pathname}${ITEM}`);
      // Found on their own pages only, not again on every page that lists them (authors', goals').
      expect(hrefs.filter((href) => !href?.includes('/items/'))).toEqual([]);
      // The matching words are marked in each excerpt.
      await expect(results(page).locator('mark').first().textContent()).resolves.toMatch(/sharding/i);
    });
  });

  it('narrows the results with an outcome filter, and the address keeps the filter', async () => {
    await on(async (page) => {
      await page.goto(`${root}search/?q=cache`);
      await expect.poll(() => status(page).textContent(), WAIT).toMatch(/results? for “cache”/);
      const all = await results(page).count();
      await page.getByText('Filters').click();
      await page.getByRole('group', { name: 'Outcome' }).getByRole('checkbox', { name: 'Learning' }).check();
      await expect.poll(() => status(page).textContent(), WAIT).toMatch(/for “cache” with the filters chosen\.$/);
      const narrowed = await results(page).count();
      expect(narrowed).toBeGreaterThan(0);
      expect(narrowed).toBeLessThan(all);
      for (const text of await results(page).locator('.meta').allTextContents()) expect(text).toContain('Accomplishment');
      expect(new URL(page.url()).searchParams.getAll('outcome')).toEqual(['Learning']);
    });
  });

  it('works by keyboard alone: Tab to the box, type, Enter; Space on a filter; Enter on a result', async () => {
    await on(async (page) => {
      await page.goto(root);
      // Skip link, brand, the navigation, then the search box.
      let tabs = 0;
      while (!(await page.evaluate(() => document.activeElement?.id === 'site-search-q')) && tabs++ < 20) await page.keyboard.press('Tab');
      await page.keyboard.type('cache');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\/\?q=cache$/);
      await expect.poll(() => status(page).textContent(), WAIT).toMatch(/results? for “cache”/);
      const before = await results(page).count();
      await page.getByRole('searchbox', { name: 'Search for' }).focus();
      await page.keyboard.press('Tab'); // the Search button
      await page.keyboard.press('Tab'); // the Filters summary
      await page.keyboard.press('Enter');
      while (!(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value === 'Learning')) && tabs++ < 60)
        await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await expect.poll(() => results(page).count(), WAIT).toBeLessThan(before);
      await results(page).first().getByRole('link').focus();
      const href = await results(page).first().getByRole('link').getAttribute('href');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === href);
    });
  });

  it('is axe-clean in light and dark, with results and filters showing', async () => {
    await on(async (page) => {
      await page.goto(`${root}search/?q=cache&outcome=Learning`);
      await expect.poll(() => status(page).textContent(), WAIT).toMatch(/results? for “cache”/);
      expectNone(
        [
          ...violationFindings('search (light)', await axeViolations(page, 'light')),
          ...violationFindings('search (dark)', await axeViolations(page, 'dark')),
        ],
        'axe violations on the search page',
      );
    });
  });

  it('fits a 390 px phone without sideways scrolling, on home and on the search page', async () => {
    await on(
      async (page) => {
        for (const address of [root, `${root}search/?q=cache&outcome=Learning`]) {
          await page.goto(address);
          if (address !== root) await expect.poll(() => status(page).textContent(), WAIT).toMatch(/results? for/);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${address} scrolls sideways`).toBe(0);
        }
      },
      { width: 390, height: 844 },
    );
  });

  it('says that search needs JavaScript, and links the lists, when scripts are off', async () => {
    const page = await browser!.newPage({ javaScriptEnabled: false });
    try {
      await page.goto(`${root}search/?q=cache`);
      const note = page.getByText('Search needs JavaScript');
      await expect(note.isVisible()).resolves.toBe(true);
      await expect(page.getByRole('link', { name: 'all accomplishments' }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole('search', { name: 'Search the site' }).count()).resolves.toBe(0);
    } finally {
      await page.close();
    }
  });
});
