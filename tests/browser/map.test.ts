import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeViolations, violationFindings } from './a11y.ts';
import { describeWithChromium, requireSite } from './browser-suite.ts';
import { launchChromium } from './chromium.ts';
import { expectNone, type Finding } from './report.ts';

// The map as a reader meets it, measured in the browser's own layout: every label whole and
// inside its box, goal boxes with status and progress, a box's own lines lit on hover and on
// keyboard focus, at 1280 px and at 390 px, and axe clean.

describeWithChromium('the map of the current cycle', () => {
  const site = inject('site');
  let browser: Browser | undefined;
  let url = '';

  beforeAll(async () => {
    const served = requireSite(site);
    url = `${served.origin}${served.base}map/`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function withMap<T>(width: number, use: (page: Page) => Promise<T>): Promise<T> {
    const page = await browser!.newPage({ viewport: { width, height: 900 } });
    page.setDefaultTimeout(10_000);
    try {
      await page.goto(url);
      return await use(page);
    } finally {
      await page.close();
    }
  }

  /** Every linked box: its full title, the text it draws, and whether that text stays inside its frame. */
  function boxes(page: Page) {
    return page.locator('.tl-map a.n').evaluateAll((links) =>
      links.map((a) => {
        const rect = a.querySelector<SVGRectElement>(':scope > rect')!.getBBox();
        const text = a.querySelector<SVGTextElement>(':scope > text')!;
        const drawn = text.getBBox();
        const status = a.querySelector(':scope > .status text');
        return {
          kind: a.classList.contains('goal') ? 'goal' : a.classList.contains('item') ? 'item' : 'other',
          title: a.querySelector(':scope > title')!.textContent,
          label: [...text.querySelectorAll('tspan')].map((t) => t.textContent).join(' '),
          lines: text.querySelectorAll('tspan').length,
          status: status?.textContent ?? '',
          inside:
            drawn.x >= rect.x &&
            drawn.y >= rect.y &&
            drawn.x + drawn.width <= rect.x + rect.width &&
            drawn.y + drawn.height <= rect.y + rect.height,
        };
      }),
    );
  }

  it('draws every label whole, wrapped inside its box, and each goal with its status and progress', async () => {
    await withMap(1280, async (page) => {
      const all = await boxes(page);
      expect(all.filter((b) => b.kind === 'item').length, 'items on the map').toBeGreaterThan(10);
      const problems: Finding[] = [];
      for (const box of all) {
        const where = { page: 'map', problem: '' };
        if (box.label.includes('…')) problems.push({ ...where, problem: `"${box.label}" is cut` });
        if (!box.title.startsWith(box.label)) problems.push({ ...where, problem: `"${box.label}" does not begin "${box.title}"` });
        if (!box.inside) problems.push({ ...where, problem: `"${box.label}" overflows its box` });
      }
      expectNone(problems, 'map labels');
      expect(
        all.some((b) => b.lines > 1),
        'some long title wraps rather than being cut',
      ).toBe(true);
      const goals = all.filter((b) => b.kind === 'goal');
      expect(goals.length).toBeGreaterThan(0);
      for (const goal of goals) expect(goal.status, goal.label).toMatch(/^(On track|At risk|Off track|Done|Dropped)( · \d+%)?$/);
      expect(goals.some((g) => g.status.includes('%'))).toBe(true);
    });
  });

  it("lights a box's own lines on hover and on keyboard focus, and only its own", async () => {
    await withMap(1280, async (page) => {
      const lit = () =>
        page
          .locator('.tl-map .hl')
          .evaluateAll((groups) =>
            groups.flatMap((g, i) => (getComputedStyle(g).visibility === 'visible' ? [`${i}:${g.querySelectorAll('use').length}`] : [])),
          );
      await expect(lit()).resolves.toEqual([]);

      const item = page.locator('.tl-map a.n.item').first();
      await item.hover();
      const hovered = await lit();
      expect(hovered).toHaveLength(1);
      expect(Number(hovered[0]!.split(':')[1]), 'lines lit').toBeGreaterThan(0);

      await page.mouse.move(0, 0);
      await expect(lit()).resolves.toEqual([]);
      // From the scrollable region, Tab reaches the first box; its lines light for the keyboard too.
      await page.locator('.tl-map-scroll').focus();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.closest('.tl-map a.n') !== null);
      expect(focused, 'Tab moves into the map').toBe(true);
      await expect(lit()).resolves.toHaveLength(1);
    });
  });

  it('passes axe at 1280 px, light and dark', async () => {
    await withMap(1280, async (page) => {
      expectNone(violationFindings('map (light)', await axeViolations(page, 'light')), 'axe violations on the map');
      expectNone(violationFindings('map (dark)', await axeViolations(page, 'dark', 'colour')), 'colour violations on the map in dark');
    });
  });

  it('at 390 px, scrolls the map alone, says so, keeps labels readable and passes axe', async () => {
    await withMap(390, async (page) => {
      const widths = await page.evaluate(() => {
        const region = document.querySelector<HTMLElement>('.tl-map-scroll')!;
        const svg = region.querySelector('svg')!;
        return {
          page: document.documentElement.scrollWidth,
          region: region.clientWidth,
          content: region.scrollWidth,
          drawn: svg.getBoundingClientRect().width,
          viewBox: svg.viewBox.baseVal.width,
          font: Number(svg.getAttribute('font-size')),
        };
      });
      expect(widths.page, 'the page itself does not scroll sideways').toBeLessThanOrEqual(390);
      expect(widths.content, 'the map scrolls inside its region').toBeGreaterThan(widths.region);
      // Drawn at 80 % of its size or more, so its 14 px labels never shrink below 11 px.
      expect((widths.drawn / widths.viewBox) * widths.font).toBeGreaterThanOrEqual(11);
      await expect(page.getByText('Scroll sideways to see the whole map').isVisible()).resolves.toBe(true);
      await expect(page.getByRole('region', { name: /^Map of / }).getAttribute('tabindex')).resolves.toBe('0');
      expectNone(violationFindings('map at 390 px', await axeViolations(page, 'light')), 'axe violations on the map at 390 px');
    });
  });

  it('hides the scroll cue where the whole map fits', async () => {
    await withMap(1280, async (page) => {
      await expect(page.getByText('Scroll sideways to see the whole map').isVisible()).resolves.toBe(false);
      const fits = await page.evaluate(() => {
        const region = document.querySelector<HTMLElement>('.tl-map-scroll')!;
        return region.scrollWidth <= region.clientWidth;
      });
      expect(fits).toBe(true);
    });
  });
});
