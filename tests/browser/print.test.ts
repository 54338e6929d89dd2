import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeWithChromium, requireSite } from './browser-suite.ts';
import { launchChromium } from './chromium.ts';

// A person's portfolio is their review packet: printed to PDF by Chromium, it must hold their
// work and nothing of the site's chrome, each cycle starting a page of its own.

describeWithChromium('a portfolio printed as a review packet', () => {
  const site = inject('site');
  let browser: Browser | undefined;
  let origin = '';
  let base = '';
  let dir = '';

  beforeAll(async () => {
    const served = requireSite(site);
    ({ origin, base, dir } = served);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /**
   * The text of each page of the PDF with all white space removed: Chromium sets ligatures (fi,
   * fl) as text runs of their own, which a text extractor joins with spaces.
   */
  async function pagesOf(pdf: Uint8Array): Promise<string[]> {
    const task = getDocument({ data: pdf, useSystemFonts: false });
    const doc = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join('')
          .replace(/\s+/g, ''),
      );
    }
    await task.destroy();
    return pages;
  }

  /** The person with work in the most cycles, so the page breaks have something to prove. */
  function personWithMostCycles(): { id: string; cycles: string[]; cards: { title: string; summary: string }[] } {
    const people = readdirSync(join(dir, 'people'), { withFileTypes: true }).filter((d) => d.isDirectory());
    const described = people.map((person) => {
      const html = readFileSync(join(dir, 'people', person.name, 'index.html'), 'utf8');
      const cycles = [...html.matchAll(/<h2 id="cycle-[^"]+"[^>]*>([^<]+?)\s*<span/g)].map((m) => m[1]!.trim());
      const cards = [...html.matchAll(/<li class="card"[^>]*>\s*<h3[^>]*>\s*<a[^>]*>([^<]+)<\/a>\s*<\/h3>\s*<p[^>]*>([^<]+)<\/p>/g)].map(
        (m) => ({ title: decode(m[1]!.trim()), summary: decode(m[2]!.trim()) }),
      );
      return { id: person.name, cycles, cards };
    });
    return described.sort((a, b) => b.cycles.length - a.cycles.length)[0]!;
  }

  it('prints every item, no navigation, and starts each cycle on a new page', async () => {
    const person = personWithMostCycles();
    expect(person.cycles.length, `${person.id} has work in several cycles`).toBeGreaterThan(1);
    expect(person.cards.length).toBeGreaterThan(2);
    const page = await browser!.newPage();
    try {
      await page.goto(`${origin}${base}people/${person.id}/`);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pages = await pagesOf(new Uint8Array(pdf));
      const all = pages.join(' ');

      const flat = (text: string) => text.replace(/\s+/g, '');
      // Every item, and none split across two pages: its title's page holds its summary too.
      for (const { title, summary } of person.cards) {
        const at = pages.findIndex((text) => text.includes(flat(title)));
        expect(at, `"${title}" is printed`).toBeGreaterThanOrEqual(0);
        expect(pages[at], `"${title}" and its summary on one page`).toContain(flat(summary));
      }
      // The site's chrome and the on-screen hints drop away.
      for (const chrome of ['Skip to content', 'Submit an accomplishment', 'Propose an edit', 'To make a review packet'])
        expect(all).not.toContain(flat(chrome));

      // Each cycle's heading opens a page: it is the first thing on the page that holds it.
      for (const [index, cycle] of person.cycles.entries()) {
        const at = pages.findIndex((text) => text.includes(flat(`${cycle} (`)));
        expect(at, `${cycle} is printed`).toBeGreaterThanOrEqual(0);
        if (index > 0) expect(pages[at]!.startsWith(flat(cycle)), `${cycle} starts page ${at + 1}`).toBe(true);
      }
    } finally {
      await page.close();
    }
  });
});

function decode(html: string): string {
  return html.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'");
}
