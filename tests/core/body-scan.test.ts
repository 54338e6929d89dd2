import { describe, expect, it } from 'vitest';
import { linksAreSafe, normalizeHeading as normalize, sectionsPresent } from '../../src/core/markdown/body-scan.ts';
import { outlineBody } from '../../src/core/markdown/markdown.ts';

// The quick scans let the check skip Markdown parsing; they must never claim "clean" where the
// parser that renders the site would find a problem.

const SAFE = /^(https?:|mailto:)/i;

function parsedLinksSafe(body: string): boolean {
  const outline = outlineBody(body);
  return outline.html.length === 0 && outline.links.every((link) => SAFE.test(link.url.trim()));
}

function parsedSectionsPresent(body: string, required: string[]): boolean {
  const headings = new Set(outlineBody(body).headings.map((h) => normalize(h.text)));
  return required.every((section) => headings.has(normalize(section)));
}

const FRAGMENTS = [
  '## Impact',
  '## What we learned',
  '### Impact ###',
  '   ## Impact',
  '    ## Impact',
  '#Impact',
  'Impact\n------',
  '> ## Impact',
  '- ## Impact',
  '```\n## Impact\n```',
  '~~~md\n## Impact\n~~~',
  '<div>\n## Impact\n</div>',
  '<!--\n## Impact\n-->',
  '[ref]: https://example.com "title\n## Impact"',
  'Plain text with a [link](https://example.com/a).',
  'An [image](data:image/png;base64,AAAA) here.',
  '![img](javascript:alert(1))',
  '[x](\njavascript:alert(1))',
  '[x]( mailto:a@b.c )',
  '[x](<javascript:alert(1)>)',
  '[x][ref]\n\n[ref]: javascript:alert(1)',
  '[x][ref]\n\n[ref]: https://example.com',
  '[^1]: a footnote',
  'Autolink <https://example.com> and <mailto:a@b.c>.',
  'Autolink <javascript:alert(1)>.',
  'Bare www.example.com and https://example.com/x and a@b.co.',
  'Inline <b onclick="x()">bold</b>.',
  '`code with ](javascript:x)`',
  '`a < b`',
  'Text \\](javascript:x) escaped.',
  '[x](HTTPS://EXAMPLE.COM)',
  '[x](//example.com)',
  '[x](#anchor)',
  '* list\n* items',
  '| a | b |\n| - | - |\n| [x](ftp://x) | y |',
  '',
];

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('quick body scans', () => {
  it('pass ordinary bodies without a parse', () => {
    const body = '## Context\n\nSee [the PR](https://github.com/a/b/pull/1) and <mailto:a@b.c>.\n\n## Impact\n\nFaster.\n';
    expect(linksAreSafe(body)).toBe(true);
    expect(sectionsPresent(body, ['Impact'])).toBe(true);
  });

  it('decline every fragment the parser finds a problem in', () => {
    for (const fragment of FRAGMENTS) {
      if (linksAreSafe(fragment)) expect(parsedLinksSafe(fragment), fragment).toBe(true);
      if (sectionsPresent(fragment, ['Impact'])) expect(parsedSectionsPresent(fragment, ['Impact']), fragment).toBe(true);
    }
  });

  it('agree with the parser on 5,000 random bodies', () => {
    const random = mulberry32(20261127);
    let quick = 0;
    for (let n = 0; n < 5000; n++) {
      const parts = Array.from({ length: 1 + Math.floor(random() * 6) }, () => FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]!);
      const body = parts.join(random() < 0.5 ? '\n\n' : '\n');
      const required = random() < 0.5 ? ['Impact'] : ['Impact', 'What we learned'];
      if (linksAreSafe(body)) {
        quick++;
        expect(parsedLinksSafe(body), body).toBe(true);
      }
      if (sectionsPresent(body, required)) expect(parsedSectionsPresent(body, required), body).toBe(true);
    }
    // The scan must actually take the quick path for a fair share, or it saves nothing.
    expect(quick).toBeGreaterThan(500);
  });
});
