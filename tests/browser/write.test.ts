import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, it } from 'vitest';
import { REPO, runCli, TODAY } from '../helpers.ts';
import { axeViolations, focused, violationFindings } from './a11y.ts';
import { describeWithChromium, requireSite } from './browser-suite.ts';
import { launchChromium } from './chromium.ts';
import { expectNone } from './report.ts';

// A person with no Git and no npm writes an accomplishment on the example site: the form checks it
// as `throughline check` would, keeps the draft, and ends on GitHub's "new file" page with the very
// file `npm run new -- --no-input` writes for the same answers.

const GITHUB = 'https://github.com/acme/impact/';
const SLUG = 'checkout-keeps-the-order-on-a-flaky-connection';
const PATH = `content/accomplishments/2026-h2/${SLUG}.md`;

// The same answers, as `new`'s options.
const NEW_ARGS = [
  'new',
  '--no-input',
  '--author',
  'ana',
  '--author',
  'dan',
  '--title',
  'Checkout keeps the order on a flaky connection',
  '--summary',
  'Retries with idempotency keys, so a dropped request no longer loses the order.',
  '--goal',
  'frictionless-checkout:mobile-conversion',
  '--goal',
  'saved-payments',
  '--outcome',
  'partial',
  '--impact',
  '{metric: Mobile conversion, key_result: mobile-conversion, before: 49.5, after: 51.5, unit: "%"}',
  '--impact',
  '{metric: Lost orders a day, before: 40, after: 3, unit: orders, better: lower}',
  '--evidence',
  'PR #812=https://github.com/acme/web/pull/812',
  '--tag',
  'checkout',
  '--tag',
  'mobile',
  '--visibility',
  'team',
  '--date',
  '2026-11-20',
  '--section',
  'Context=Orders were lost whenever a phone dropped its connection mid-payment.',
  '--section',
  'Impact=Lost orders fell from 40 a day to 3.\n\nConversion rose two points.',
];

describeWithChromium('the write page', () => {
  const site = inject('site');
  let browser: Browser | undefined;
  let context: BrowserContext;
  let root = '';
  const proposed: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  // Each test is a new visitor: its own storage, so no draft carries over from another test.
  beforeEach(async () => {
    const served = requireSite(site);
    root = `${served.origin}${served.base}`;
    proposed.length = 0;
    context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
    // GitHub is never reached: its new-file page is answered here, and its address kept.
    await context.route(
      (url) => url.origin !== served.origin,
      async (route) => {
        if (!route.request().url().startsWith(GITHUB)) return route.abort('blockedbyclient');
        proposed.push(route.request().url());
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>GitHub</title><h1>New file</h1>' });
      },
    );
  });

  afterEach(async () => {
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(query = ''): Promise<Page> {
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00`));
    await page.goto(`${root}write/${query}`);
    await page.locator('[data-write-form]:not([hidden])').waitFor();
    return page;
  }

  const errorOf = (page: Page, label: string | RegExp) =>
    page.getByLabel(label, { exact: typeof label === 'string' }).evaluate((control) =>
      (control.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' | '),
    );

  /** Fills everything a first answer needs, with three mistakes: an unknown goal (from the link), a date outside the cycle, a long title. */
  async function fillWithMistakes(page: Page): Promise<void> {
    await page.getByLabel('Who are you?').selectOption({ label: 'Ana Silva' });
    await page
      .getByRole('group', { name: /Who worked on it with you/ })
      .getByLabel('Dan Okafor')
      .check();
    await page.getByLabel('Title: what changed, as a result?').fill('Checkout keeps the order '.repeat(6).slice(0, 130));
    await page
      .getByLabel('Summary: one or two sentences on what you did')
      .fill('Retries with idempotency keys, so a dropped request no longer loses the order.');
    await page.getByLabel('Checkout on a phone is as easy as on a laptop', { exact: true }).check();
    await page.getByLabel('Key result it moved for “Checkout on a phone is as easy as on a laptop”').selectOption('mobile-conversion');
    await page.getByLabel('Returning customers pay in one tap', { exact: true }).check();
    await page.getByLabel('Partly delivered').check();
    await page.getByRole('button', { name: 'Add an impact' }).click();
    await page.getByLabel('Impact 1: what was measured').fill('Mobile conversion');
    await page.locator('#f-impact-0-key_result').selectOption('mobile-conversion');
    await page.locator('#f-impact-0-before').fill('49.5');
    await page.locator('#f-impact-0-after').fill('51.5');
    await page.getByRole('button', { name: 'Add an impact' }).click();
    await page.getByLabel('Impact 2: what was measured').fill('Lost orders a day');
    await page.locator('#f-impact-1-before').fill('40');
    await page.locator('#f-impact-1-after').fill('3');
    await page.locator('#f-impact-1-unit').fill('orders');
    await page.locator('#f-impact-1-better').selectOption('lower');
    await page.getByRole('button', { name: 'Add a link' }).click();
    await page.getByLabel('Link 1: what it shows').fill('PR #812');
    await page.getByLabel('Address (https://…)').fill('https://github.com/acme/web/pull/812');
    await page.getByLabel(/^Tags/).fill('checkout, mobile');
    await page.getByLabel('When did it land?').fill('2026-05-01');
    await page.getByLabel('Context').fill('Orders were lost whenever a phone dropped its connection mid-payment.');
    await page.getByLabel(/^Impact \(required\)/).fill('Lost orders fell from 40 a day to 3.\n\nConversion rose two points.');
    await page.getByLabel('File name (empty: made from the title)').focus();
  }

  it('shows the check’s errors beside each field as the person types, and the file once they are fixed', async () => {
    const page = await open('?goal=ci-sped');
    await fillWithMistakes(page);
    // Once a key result is chosen, goals are written in the long form: `goals[0].goal`.
    await expect(errorOf(page, 'ci-sped')).resolves.toBe(
      'Unknown goal `ci-sped` in `goals[0].goal`, expected the id of a file in `content/goals/` (did you mean `ci-speed`?)',
    );
    await expect(errorOf(page, 'Title: what changed, as a result?')).resolves.toMatch(
      /^`title` is 130 characters long, expected at most 120/,
    );
    await expect(errorOf(page, 'When did it land?')).resolves.toBe(
      'Date 2026-05-01 is outside cycle `2026-h2`, expected 2026-07-01 to 2026-12-31 (use the day the work landed; work from another cycle belongs in that cycle’s folder)',
    );
    await expect(page.getByLabel('When did it land?').getAttribute('aria-invalid')).resolves.toBe('true');

    // Proposing with errors: nothing leaves the page, and the summary lists them, focused.
    await page.getByRole('button', { name: 'Propose on GitHub' }).click();
    const summary = page.locator('[data-summary]');
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(summary.locator('li').allTextContents()).resolves.toHaveLength(3);
    expect(proposed).toEqual([]);

    // Unticked, a goal the cycle does not have is gone from the list.
    await page.getByLabel('ci-sped').click();
    await expect(page.getByLabel('ci-sped').count()).resolves.toBe(0);
    await page.getByLabel('Title: what changed, as a result?').fill('Checkout keeps the order on a flaky connection');
    await page.getByLabel('When did it land?').fill('2026-11-20');
    await page.getByLabel('File name (empty: made from the title)').focus();
    await expect.poll(() => page.locator('.field-error.error').count()).toBe(0);
    // The summary at the top followed the fixes, and went with the last one.
    await expect(summary.isHidden()).resolves.toBe(true);
    await expect(page.locator('[data-path]').textContent()).resolves.toBe(PATH);

    // The same file as `new --no-input` writes for the same answers, and it passes the check.
    const repo = mkdtempSync(join(tmpdir(), 'throughline-write-'));
    try {
      cpSync(join(REPO, 'content'), join(repo, 'content'), { recursive: true });
      const made = runCli(NEW_ARGS, { cwd: repo });
      expect(made.stderr).toBe('');
      expect(made.code).toBe(0);
      const written = readFileSync(join(repo, PATH), 'utf8');
      await expect(page.locator('[data-preview]').textContent()).resolves.toBe(written);
      const checked = runCli(['check'], { cwd: repo });
      expect(checked.stdout).not.toContain(PATH);
      expect(checked.code).toBe(0);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }

    // The picture docs/screenshots/write.png is copied from (`npm run screenshots`).
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: join(REPO, 'test-results', 'screenshots', 'write-1280.png') });

    // Reloaded, the draft is all there.
    const before = await page.locator('[data-preview]').textContent();
    await page.reload();
    await page.locator('[data-write-form]:not([hidden])').waitFor();
    await expect(page.locator('[data-preview]').textContent()).resolves.toBe(before);
    await expect(page.getByLabel('Title: what changed, as a result?').inputValue()).resolves.toBe(
      'Checkout keeps the order on a flaky connection',
    );

    // Light and dark, errors and all: no WCAG A or AA violation.
    for (const scheme of ['light', 'dark'] as const)
      expectNone(violationFindings(`write (${scheme})`, await axeViolations(page, scheme)), 'axe violations');

    // Proposed: GitHub's new-file page in the repository's folder for the cycle, the file filled in.
    await page.getByRole('button', { name: 'Propose on GitHub' }).click();
    await expect.poll(() => proposed.length).toBe(1);
    const url = new URL(proposed[0]!);
    expect(`${url.origin}${url.pathname}`).toBe(`${GITHUB}new/main/content/accomplishments/2026-h2`);
    expect(url.searchParams.get('filename')).toBe(`${SLUG}.md`);
    expect(url.searchParams.get('value')).toBe(before);
    await page.close();

    // The draft went with it.
    const again = await open();
    await expect(again.getByLabel('Title: what changed, as a result?').inputValue()).resolves.toBe('');
    await again.close();
  });

  it('can be filled and proposed with the keyboard alone, focus always in sight, and fits a 390 px phone without sideways scrolling', async () => {
    const page = await open('?goal=saved-payments');
    await page.setViewportSize({ width: 390, height: 800 });
    const unseen: string[] = [];
    /** Tab (and only Tab) until the focus is on `id`; every stop on the way must show its focus. */
    const tabTo = async (id: string) => {
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        if (now && (!now.indicator || !now.onScreen)) unseen.push(now.element);
        if (now?.element.includes(`id="${id}"`)) return;
      }
      throw new Error(`Tab never reached #${id}`);
    };
    await tabTo('f-author');
    await page.keyboard.press('ArrowDown');
    await tabTo('f-co-0');
    // The first co-author box: ticked with the space bar.
    await page.keyboard.press('Space');
    await expect(page.locator('input[name="coAuthor"]:checked').count()).resolves.toBe(1);
    await tabTo('f-title');
    await page.keyboard.type('Saved cards for returning customers');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Cards can be saved and reused with one tap.');
    // The goal from the link is ticked; its key result is the next stop.
    const keyResult = page.locator('select[data-goal="saved-payments"]');
    await tabTo((await keyResult.getAttribute('id'))!);
    await page.keyboard.press('ArrowDown');
    await expect(keyResult.inputValue()).resolves.toBe('saved-card-usage');
    // "Add a link" by Enter puts the focus in the new row.
    for (let i = 0; i < 120 && (await focused(page))?.text !== 'Add a link'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await focused(page))?.element).toMatch(/^<input id="f-evidence-0-label"/);
    await page.keyboard.type('PR #9');
    await page.keyboard.press('Tab');
    await page.keyboard.type('https://github.com/acme/web/pull/9');
    await tabTo('f-section-2');
    await page.keyboard.type('Returning customers pay faster.');
    // Every control on screen stays inside the phone's width.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    for (let i = 0; i < 40 && (await focused(page))?.text !== 'Propose on GitHub'; i++) await page.keyboard.press('Tab');
    expect(unseen).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => proposed.length).toBe(1);
    const url = new URL(proposed[0]!);
    expect(url.searchParams.get('filename')).toBe('saved-cards-for-returning-customers.md');
    expect(url.searchParams.get('value')).toContain('key_result: saved-card-usage');
  });

  it('asks before discarding a draft, and keeps a private item off GitHub', async () => {
    const page = await open();
    await page.getByLabel('Title: what changed, as a result?').fill('A private note');
    await page.getByLabel(/Private: only your own machine/).check();
    await expect(page.getByRole('button', { name: 'Propose on GitHub' }).isVisible()).resolves.toBe(false);
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await expect(page.getByLabel('Title: what changed, as a result?').inputValue()).resolves.toBe('A private note');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await expect(page.getByLabel('Title: what changed, as a result?').inputValue()).resolves.toBe('');
    await page.close();
  });

  it('shows a hostile goal from the link and a hostile stored draft as text, never as markup', async () => {
    const hostile = '"><img src=x onerror="window.hit=1">';
    await context.addInitScript((title) => {
      localStorage.setItem(`throughline-draft:${location.pathname}`, JSON.stringify({ title, summary: 42, goals: 'not a list' }));
    }, `<script>window.hit=2</script>`);
    const page = await open(`?goal=${encodeURIComponent(hostile)}`);
    await expect(page.getByLabel(hostile, { exact: true }).isChecked()).resolves.toBe(true);
    await expect(errorOf(page, hostile)).resolves.toMatch(/^Invalid id `"><img src=x onerror="window\.hit=1">`/);
    await expect(page.getByLabel('Title: what changed, as a result?').inputValue()).resolves.toBe('<script>window.hit=2</script>');
    await expect(page.locator('main img, main script:not([src])').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as { hit?: number }).hit)).resolves.toBeUndefined();
  });

  it('shows the template and the `npm run new` path without JavaScript', async () => {
    const bare = await browser!.newContext({ javaScriptEnabled: false });
    const page = await bare.newPage();
    await page.goto(`${root}write/`);
    await expect(page.locator('[data-write-without-js]').isVisible()).resolves.toBe(true);
    await expect(page.locator('.write-template').textContent()).resolves.toMatch(/^---\ntitle: What changed, as a result\n/);
    await expect(page.locator('[data-write-form]').isVisible()).resolves.toBe(false);
    await bare.close();
  });
});
