import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outlineBody } from '../../src/core/markdown/markdown.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';

// The check counts a body's sections from its outline; the page shows what the renderer makes of
// it. Raw HTML left open is where the two could part, so these hold them together.

const unclosed = (body: string) => outlineBody(body).unclosed.map((html) => ({ ...html, text: body.slice(html.offset, html.end) }));

describe('raw HTML that would hide the rest of the body', () => {
  it('is found at the tag that is never closed', () => {
    expect(unclosed('Intro <template> and\n\n## Impact\n')).toEqual([
      { offset: 6, end: 16, line: 1, column: 7, kind: 'element', name: 'template', anywhere: true, inline: true, text: '<template>' },
    ]);
    expect(unclosed('a <form>\n\nb <textarea cols=3>')).toMatchObject([
      { line: 1, column: 3, name: 'form' },
      { line: 3, column: 3, name: 'textarea', text: '<textarea cols=3>' },
    ]);
    expect(unclosed('<div>\n<!-- never ended\n\n## Impact')).toMatchObject([{ line: 2, column: 1, kind: 'comment' }]);
    expect(unclosed('<div title="never ended\n\n## Impact')).toMatchObject([
      { line: 1, column: 1, kind: 'tag', text: '<div title="never ended' },
    ]);
    expect(unclosed('a <plaintext></plaintext> b')).toMatchObject([{ kind: 'element', name: 'plaintext' }]);
  });

  it('is not found where HTML closes it, or where it is not HTML at all', () => {
    const fine = [
      'a <template>x</template> b',
      'a <TEMPLATE>x</template > b',
      '<template>\n\n## Hidden\n\n</template>',
      'a <style>p { content: "<template>" }</style> b',
      '<textarea><form></textarea>',
      'Use `<template>` here.',
      '```html\n<template>\n```',
      '    <template>',
      'a <!-- <template> --> b',
      '<div title="<template>">x</div>',
      'a <b>bold <i>and</b> on',
      'a <br> <img src="https://x.example/a.png"> <embed> b',
      '<https://example.com> and a < b > c',
    ];
    for (const body of fine) expect(unclosed(body), body).toEqual([]);
  });

  it('counts an element whose end tag HTML ignores as unclosed', () => {
    // Inside `<select>`, `</form>` means nothing; after a `<div>` left open, neither does it.
    expect(unclosed('<form><select></form> then <b>')).toMatchObject([{ name: 'form' }, { name: 'select' }]);
    expect(unclosed('<form><div>x</form>\n\n## Impact')).toMatchObject([{ name: 'form', anywhere: false }]);
    // Only `template` and raw text elements close across blocks; others close in their own.
    expect(unclosed('a <form> b\n\n## Impact\n\nc </form> d')).toMatchObject([{ name: 'form', anywhere: false }]);
    expect(unclosed('a <template> b\n\n## Impact\n\nc </template> d')).toEqual([]);
  });

  it('counts an element left open inside a template only if the template is never closed', () => {
    expect(unclosed('<template>\n\na <form> b\n\n</template>')).toEqual([]);
    expect(unclosed('<template>\n\na <form> b')).toMatchObject([{ name: 'template' }, { name: 'form' }]);
  });

  it('reads a block of tags that never end in one pass', () => {
    const body = `<div\n${'<a'.repeat(9_990)}`;
    const start = performance.now();
    expect(unclosed(body)).toHaveLength(9_991);
    // Loosely: each tag read to the end of the block would take seconds.
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('reads `/>` as the end of an element inside SVG and MathML only', () => {
    expect(unclosed('<svg viewBox="0 0 1 1"><path d="M0 0"/><g><rect/></g></svg>')).toEqual([]);
    expect(unclosed('<video><div/></video>')).toMatchObject([{ name: 'video' }]);
  });

  it('leaves a heading inside a closed dropped element out of the headings, and names the element', () => {
    const outline = outlineBody('## Context\n\n<template>\n\n## Impact\n\n</template>\n\n## Learned\n');
    expect(outline.headings.map((h) => h.text)).toEqual(['Context', 'Learned']);
    expect(outline.hiddenHeadings).toEqual([{ depth: 2, text: 'Impact', line: 5, element: 'template' }]);
  });
});

describe('the page', () => {
  it('shows an unclosed tag as text and everything after it', () => {
    expect(renderMarkdown('Use <template> for rows.\n\n## Impact\n\nFaster.').html).toMatchInlineSnapshot(`
      "<p>Use &lt;template&gt; for rows.</p>
      <h2 id="h-impact">Impact</h2>
      <p>Faster.</p>"
    `);
    expect(renderMarkdown('<div>\n<!-- never ended\n\n## Impact\n\nFaster.').html).toContain('<h2 id="h-impact">Impact</h2>');
    expect(renderMarkdown('<div title="never ended\n\n## Impact\n\nFaster.').html).toContain('<h2 id="h-impact">Impact</h2>');
  });

  it('shows the sections the check counts, and none it does not, on random bodies', () => {
    const part = fc.constantFrom(
      ...['## Impact', '## Context', '### Learned', 'Text', '- item', '> quote', '`<template>`', '```\n<form>\n```'],
      ...['<template>', '</template>', '<form>', '</form>', '<style>', '</style>', '<textarea>', '</textarea>', '<select>', '</select>'],
      ...[
        '<title>',
        '</title>',
        '<div>',
        '</div>',
        '<svg>',
        '</svg>',
        '<!--',
        '-->',
        '<b>',
        '</b>',
        '<div title="',
        '"',
        '<xmp>',
        '</xmp>',
      ],
      // Not `<table>`: left open inside a heading, it can take the next heading's text out of it.
      ...['<video>', '</video>', '<object>', '</object>', '<button>', '</button>', '<math><mtext>', '</math>'],
      ...['| a |\n| - |\n| <template> |', '[^1]: <style>', 'x[^1]', '<details>', '</details>', '<p>', 'Impact\n===', '    <form>'],
    );
    const separator = fc.constantFrom('\n\n', '\n', ' ');
    const body = fc.array(fc.tuple(part, separator), { minLength: 1, maxLength: 14 }).map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(body, (text) => {
        const outline = outlineBody(text);
        if (outline.unclosed.length > 0) return;
        const words = (heading: { text: string }) => heading.text.replace(/\s+/g, ' ').trim();
        const shown = new Set(renderMarkdown(text).headings.map(words));
        const counted = new Set(outline.headings.map(words));
        // Every heading the check counts is on the page; none it leaves out is.
        for (const heading of counted) expect(shown, text).toContain(heading);
        for (const heading of outline.hiddenHeadings.map(words)) if (!counted.has(heading)) expect(shown, text).not.toContain(heading);
      }),
      { numRuns: 400, seed: 20261130 },
    );
  });

  it('needs no second look after escaping tags left open inside paragraphs, on random bodies', () => {
    // The renderer trusts this to skip its second scan: an inline tag is complete, so escaping
    // its `<` changes how nothing else is read.
    const part = fc.constantFrom(
      ...['Text', '## Impact', '<template>', '</template>', '<form>', '</form>', '<style>', '</style>', '<div>', '</div>'],
      ...['<video>', '</video>', '<select>', '<b>', '</b>', '<!-- c -->', '`<form>`', '<svg>', '</svg>', '<textarea>'],
    );
    const body = fc.array(fc.tuple(fc.constantFrom('Intro ', '', '- ', '> '), part, fc.constantFrom(' ', '\n', '\n\n')), { maxLength: 12 });
    let tried = 0;
    fc.assert(
      fc.property(body, (parts) => {
        const text = parts.flat().join('');
        const found = outlineBody(text).unclosed;
        if (found.length === 0 || !found.every((html) => html.inline && html.kind === 'element')) return;
        tried++;
        let escaped = text;
        for (const { offset } of [...found].reverse()) escaped = `${escaped.slice(0, offset)}&lt;${escaped.slice(offset + 1)}`;
        expect(outlineBody(escaped).unclosed, text).toEqual([]);
      }),
      { numRuns: 400, seed: 20261202 },
    );
    // Enough bodies must take that path for the property to say anything.
    expect(tried).toBeGreaterThan(50);
  });

  it('never loses what follows raw HTML left open, on random bodies', () => {
    const open = fc.constantFrom(
      '<template>',
      '<form>',
      '<style>',
      '<textarea x="1">',
      '<title>',
      '<select>',
      '<!--',
      '<div title="a',
      '<xmp>',
    );
    const before = fc.constantFrom('', 'Intro ', '<div>\n', '> ', '- ');
    fc.assert(
      fc.property(before, open, fc.constantFrom('\n\n', '\n', ' '), (lead, tag, gap) => {
        const { html } = renderMarkdown(`${lead}${tag}${gap}## Impact\n\nThe end.`);
        expect(html, `${lead}${tag}${gap}`).toContain('The end.');
      }),
      { numRuns: 200, seed: 20261131 },
    );
  });
});
