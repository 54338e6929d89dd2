import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeViolations, COLOUR_RULES, prepareAxe, violationFindings, type Violation } from './a11y.ts';
import { describeWithChromium, requireSite } from './browser-suite.ts';
import { launchChromium } from './chromium.ts';
import { brokenReferences, crawl, externalReferences, local, type Crawl, type Visit } from './crawl.ts';
import { expectNone, type Finding } from './report.ts';
import { builtPages } from './site.ts';

// Every page of the example site, loaded in Chromium: the built HTML files and everything linked
// from home. Each page is checked with axe-core: all WCAG 2.2 A and AA rules in the light colour
// scheme, then again the rules that depend on colour in the dark one.

type Schemes = { light: Violation[]; dark: Violation[] };

describeWithChromium('every page of the example site', () => {
  const site = inject('site');
  let browser: Browser | undefined;
  let built: string[] = [];
  let result: Crawl<Schemes> = { pages: new Map(), targets: new Map() };
  let origin = '';

  beforeAll(async () => {
    const served = requireSite(site);
    origin = served.origin;
    built = builtPages(served);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    await prepareAxe(context);
    result = await crawl(context, {
      start: [`${served.origin}${served.base}`, ...built],
      origin: served.origin,
      canonical: served.canonical,
      concurrency: 2,
      inspect: async (page) => ({ light: await axeViolations(page, 'light'), dark: await axeViolations(page, 'dark', 'colour') }),
    });
    await context.close();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Every page's findings of one kind. */
  const findings = (of: (visit: Visit<Schemes>) => string[]): Finding[] =>
    [...result.pages.values()].flatMap((visit) => of(visit).map((problem) => ({ page: local(visit.url, origin), problem })));

  it('loads every built page and every page linked from home', () => {
    expect(built.length, 'HTML files in the build').toBeGreaterThan(0);
    expectNone(
      findings((visit) => (visit.status === 200 ? [] : [`status ${String(visit.status)}`])),
      'pages did not load with status 200',
    );
    expectNone(
      built.filter((page) => !result.pages.has(page)).map((page) => ({ page: local(page, origin), problem: 'built but not visited' })),
      'built pages were not visited',
    );
    console.info(`Visited ${result.pages.size} pages (${built.length} HTML files in the build).`);
  });

  it('keeps every page under 200 KB, and an accomplishment page under 40 KB of HTML and CSS', () => {
    const served = requireSite(site);
    const KB = 1024;
    const sizes = readdirSync(served.dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html'))
      .map((file) => {
        const html = readFileSync(join(served.dir, file), 'utf8');
        // Stylesheets the page links, read from the build: `/impact/_astro/x.css` → `_astro/x.css`.
        const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(
          (m) => statSync(join(served.dir, m[1]!.slice(served.base.length))).size,
        );
        return { page: file, html: Buffer.byteLength(html), css: css.reduce((a, b) => a + b, 0) };
      });
    const items = sizes.filter((s) => /^items\/[^/]+\/[^/]+\/index\.html$/.test(s.page));
    expect(items.length, 'accomplishment pages').toBeGreaterThan(0);
    expectNone(
      sizes.filter((s) => s.html > 200 * KB).map((s) => ({ page: s.page, problem: `${(s.html / KB).toFixed(1)} KB of HTML` })),
      'pages over 200 KB',
    );
    expectNone(
      items
        .filter((s) => s.html + s.css > 40 * KB)
        .map((s) => ({ page: s.page, problem: `${((s.html + s.css) / KB).toFixed(1)} KB of HTML and CSS` })),
      'accomplishment pages over 40 KB',
    );
  });

  it('has no broken internal links, and every #fragment link has its id', () => {
    expectNone(brokenReferences(result, origin), 'broken references (<element> "as written" → what is wrong)');
  });

  it('loads every stylesheet, script, image and font (no error responses, no failed requests)', async () => {
    // A request the browser abandoned when the crawl moved on is fetched again, once: a missing
    // file still fails here, a cancelled favicon on a busy machine does not.
    const aborted = [...new Set([...result.pages.values()].flatMap((visit) => visit.abortedRequests))];
    const missing = new Set<string>();
    for (const url of aborted) {
      const response = await fetch(url);
      if (!response.ok) missing.add(url);
    }
    expectNone(
      findings((visit) => [
        ...visit.badResponses,
        ...visit.failedRequests,
        ...visit.abortedRequests.filter((url) => missing.has(url)).map((url) => `${local(url, origin)}: aborted, and missing when fetched`),
      ]),
      'resources failed to load (status or error, then address)',
    );
  });

  it('loads nothing from other hosts (no remote fonts, images or analytics)', () => {
    expectNone(
      findings((visit) => visit.foreignRequests),
      'requests to other hosts',
    );
  });

  it('logs no console errors and throws no uncaught errors', () => {
    expectNone(
      findings((visit) => visit.consoleErrors),
      'console errors',
    );
  });

  it('links outside the site only over http(s) or mailto', () => {
    const external = externalReferences(result, origin);
    console.info(`${new Set(external.map((reference) => reference.url)).size} distinct external links (not followed).`);
    expectNone(
      findings((visit) =>
        visit.references
          .filter((reference) => !/^(https?|mailto):/.test(reference.url))
          .map((reference) => `<${reference.tag}> "${reference.raw}"`),
      ),
      'links with another protocol',
    );
  });

  const violations = (scheme: keyof Schemes) =>
    [...result.pages.values()].flatMap((visit) => violationFindings(local(visit.url, origin), visit.result[scheme]));

  it('has no WCAG 2.2 A or AA violations (axe-core) in the light colour scheme', () => {
    expectNone(violations('light'), 'axe violations in the light scheme (rule (impact) help, then the element and what is wrong)');
  });

  it(`has no colour violations (axe-core ${COLOUR_RULES.join(', ')}) in the dark colour scheme`, () => {
    expectNone(violations('dark'), 'axe violations in the dark scheme (rule (impact) help, then the element and what is wrong)');
  });
});
