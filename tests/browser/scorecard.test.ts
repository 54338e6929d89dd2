import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeViolations, violationFindings } from './a11y.ts';
import { describeWithChromium, requireSite } from './browser-suite.ts';
import { launchChromium } from './chromium.ts';
import { expectNone } from './report.ts';

// The home page answers "how did this cycle go?" above the fold, in the current cycle's figures
// only, and goal status reads in colour and in words, in both colour schemes.

const OUTCOMES = ['delivered', 'partial', 'missed', 'learning'] as const;
const STATUSES = { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track', done: 'Done', dropped: 'Dropped' };

describeWithChromium('the cycle scorecard on home', () => {
  const site = inject('site');
  let browser: Browser | undefined;
  let context: BrowserContext;
  let home = '';
  let dir = '';
  let base = '';

  beforeAll(async () => {
    const served = requireSite(site);
    home = `${served.origin}${served.base}`;
    dir = served.dir;
    base = served.base;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(10_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function withHome<T>(use: (page: Page) => Promise<T>): Promise<T> {
    const page = await context.newPage();
    try {
      await page.goto(home);
      return await use(page);
    } finally {
      await page.close();
    }
  }

  /** The outcome of every accomplishment the build shows in a cycle, from the cycle's own list pages. */
  function outcomesOf(cycle: string): Record<(typeof OUTCOMES)[number], number> {
    const root = join(dir, 'cycles', cycle, 'items');
    const html = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html'))
      .map((file) => readFileSync(join(root, file), 'utf8'))
      .join('\n');
    const count = (outcome: string) => html.split(`class="badge ${outcome}"`).length - 1;
    return { delivered: count('delivered'), partial: count('partial'), missed: count('missed'), learning: count('learning') };
  }

  it("shows the current cycle's summary, outcome mix and top goals above the fold", async () => {
    await withHome(async (page) => {
      const card = page.getByRole('region', { name: /^How .+ (is going|went)$/ });
      await expect(card.isVisible()).resolves.toBe(true);
      const href = (await card.getByRole('heading', { level: 2 }).getByRole('link').getAttribute('href')) ?? '';
      const cycle = /\/cycles\/([^/]+)\/$/.exec(href)?.[1];
      expect(cycle, `the scorecard links its cycle: ${href}`).toBeDefined();
      const expected = outcomesOf(cycle!);
      const total = OUTCOMES.reduce((sum, o) => sum + expected[o], 0);
      expect(total, 'accomplishments in the cycle').toBeGreaterThan(0);

      const summary = (await card.locator('.summary').textContent()) ?? '';
      expect(summary).toContain(`${total} accomplishments by `);
      expect(summary).toMatch(/ of \d+ top goals? on track or done/);
      if (expected.learning > 0) expect(summary).toContain(`${expected.learning} bet`);

      // One bar, a segment per outcome that occurred as wide as its share; a legend with each word and count.
      const legend = card.locator('.mix > li');
      const shown = OUTCOMES.filter((o) => expected[o] > 0);
      await expect(legend.count()).resolves.toBe(shown.length);
      for (const [i, outcome] of shown.entries()) {
        const text = ((await legend.nth(i).textContent()) ?? '').replace(/\s+/g, ' ').trim();
        expect(text).toMatch(new RegExp(`^\\D+ ${expected[outcome]}$`));
      }
      await expectProportional(
        page,
        shown.map((o) => expected[o] / total),
      );
      await expect(card.locator('.score-goals > li').count()).resolves.toBeGreaterThan(0);
      await expect(card.locator('.score-goals .badge.status').count()).resolves.toBeGreaterThan(0);
      await expect(card.getByText(/(lower|higher) is better/).count()).resolves.toBeGreaterThan(0);

      // Above the fold at 1280×800: the summary, the whole bar and the first top goal.
      for (const locator of [card.locator('.summary'), card.locator('.outcome-mix'), card.locator('.score-goals > li').first()]) {
        const box = (await locator.boundingBox())!;
        expect(box.y + box.height, 'bottom edge in the first 800 px').toBeLessThanOrEqual(800);
      }
    });
  });

  it('keeps the bar proportional on a phone, the legend on screen', async () => {
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.goto(home);
      const shares = await page.locator('.mix > li strong').evaluateAll((counts) => counts.map((c) => Number(c.textContent)));
      const total = shares.reduce((a, b) => a + b, 0);
      await expectProportional(
        page,
        shares.map((n) => n / total),
      );
      const legend = (await page.locator('.mix').boundingBox())!;
      expect(legend.x + legend.width, 'legend inside 390 px').toBeLessThanOrEqual(390);
    } finally {
      await page.close();
    }
  });

  /** Each segment of the outcome bar is as wide as its share of the bar, within 3% (the gaps). */
  async function expectProportional(page: Page, shares: number[]) {
    const bar = (await page.locator('.mix-bar').boundingBox())!;
    const widths = await page.locator('.mix-bar > span').evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().width));
    expect(widths.length).toBe(shares.length);
    for (const [i, width] of widths.entries())
      expect(Math.abs(width / bar.width - shares[i]!), `segment ${i + 1}'s width at ${bar.width} px`).toBeLessThan(0.03);
  }

  it('keeps every list on home to the current cycle, and says so; all-time links say they are', async () => {
    await withHome(async (page) => {
      const href = (await page.locator('#scorecard-heading a').getAttribute('href')) ?? '';
      const cycle = /\/cycles\/([^/]+)\/$/.exec(href)![1]!;
      const links = await page
        .locator('main .cards a[href*="/items/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '').filter((h) => /\/items\/[^/]+\/[^/]+\/$/.test(h)));
      expect(links.length).toBeGreaterThan(0);
      expectNone(
        links
          .filter((h) => !h.startsWith(`${base}items/${cycle}/`))
          .map((h) => ({ page: 'home', problem: `lists ${h}, outside the cycle` })),
        'items on home from another cycle',
      );
      const listLinks = await page
        .locator('main a')
        .evaluateAll((as) =>
          as
            .map((a) => ({ text: a.textContent.replace(/\s+/g, ' ').trim(), href: a.getAttribute('href') ?? '' }))
            .filter((a) => a.text.startsWith('All ')),
        );
      for (const link of listLinks)
        expect(
          link.href.includes(`/cycles/${cycle}/`) || link.text.endsWith('every cycle'),
          `"${link.text}" (${link.href}) is the cycle's list or says it is all-time`,
        ).toBe(true);
      expect(listLinks.some((l) => l.href === `${base}cycles/${cycle}/items/`)).toBe(true);
    });
  });

  it('shows every goal status in colour and in words, passing axe in light and dark', async () => {
    await withHome(async (page) => {
      // Every status, the ones the example's goals do not have too, beside the real badges.
      await page.evaluate((statuses) => {
        const p = document.createElement('p');
        p.id = 'all-statuses';
        for (const [status, word] of Object.entries(statuses)) {
          const span = document.createElement('span');
          span.className = `badge status ${status}`;
          span.textContent = word;
          p.append(span);
        }
        document.querySelector('main')!.append(p);
      }, STATUSES);
      const colours = new Set<string>();
      for (const scheme of ['light', 'dark'] as const) {
        const violations = await axeViolations(page, scheme, 'colour');
        expectNone(violationFindings(`home (${scheme})`, violations), `colour rules failing in the ${scheme} scheme`);
        const seen = await page
          .locator('#all-statuses .badge')
          .evaluateAll((spans) => spans.map((s) => `${s.textContent} ${getComputedStyle(s).color} ${getComputedStyle(s).backgroundColor}`));
        expect(new Set(seen.map((s) => s.split(' rgb')[1])).size, `five distinct colours in ${scheme}`).toBe(5);
        for (const s of seen) colours.add(s);
      }
      expect(colours.size, 'light and dark differ').toBe(10);
    });
  });
});
