import fc from 'fast-check';
import { markdownToHast, markdownToMdast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { bodyLimitProblems, MAX_BODY_DEPTH, MAX_BODY_LENGTH } from '../../src/core/markdown/body-limits.ts';

// The limits scan never parses, yet the check and the renderer trust it to keep every body the
// parser would nest too deep away from the parser. These hold it to the parser's own trees.

const depthProblem = (body: string, depth = MAX_BODY_DEPTH) =>
  bodyLimitProblems(body, { length: MAX_BODY_LENGTH, depth }).find((p) => p.kind === 'depth');

interface Node {
  type: string;
  tagName?: string;
  children?: Node[];
}

/** How deep block quotes and list items nest in the parser's tree. */
function containerDepth(body: string): number {
  const visit = (node: Node): number => {
    const own = node.type === 'blockquote' || node.type === 'listItem' ? 1 : 0;
    return own + Math.max(0, ...(node.children ?? []).map(visit));
  };
  return visit(markdownToMdast(body, { features: { frontmatter: false } }));
}

/** How deep elements nest in the tree the renderer's parser builds, leaving out Markdown's paragraphs and `<br>`. */
function elementDepth(body: string): number {
  const visit = (node: Node): number =>
    (node.type === 'element' && node.tagName !== 'p' && node.tagName !== 'br' ? 1 : 0) + Math.max(0, ...(node.children ?? []).map(visit));
  return visit(markdownToHast(body, { features: { frontmatter: false, rawHtml: true }, position: false }));
}

describe('the body limits', () => {
  it('allow a body of exactly the maximum length and report the first character past it', () => {
    expect(bodyLimitProblems('x'.repeat(MAX_BODY_LENGTH))).toEqual([]);
    expect(bodyLimitProblems('x'.repeat(MAX_BODY_LENGTH + 5))).toEqual([
      { kind: 'length', length: MAX_BODY_LENGTH + 5, offset: MAX_BODY_LENGTH },
    ]);
  });

  it('allow nesting of exactly the maximum depth and report the marker one level past it', () => {
    const cases: [string, (n: number) => string, number][] = [
      ['quotes on one line', (n) => `${'>'.repeat(n)} a`, 0],
      ['spaced quotes', (n) => `${'> '.repeat(n)}a`, 0],
      ['list markers on one line', (n) => `${'- '.repeat(n)}a`, 0],
      ['ordered markers', (n) => `${'1. '.repeat(n)}a`, 0],
      ['quotes and lists', (n) => `${'> - '.repeat(n / 2)}a`, 0],
      ['lists by indentation', (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'), 0],
      ['lists by tabs', (n) => Array.from({ length: n }, (_, i) => `${'\t'.repeat(i)}- item`).join('\n'), 0],
      ['raw HTML', (n) => `${'<div>'.repeat(n)}a`, 0],
      ['raw HTML lists', (n) => `${'<ul><li>'.repeat(n / 2)}a`, 0],
    ];
    for (const [name, body] of cases) {
      expect(depthProblem(body(MAX_BODY_DEPTH)), name).toBeUndefined();
      expect(depthProblem(body(MAX_BODY_DEPTH + 2)), name).toBeDefined();
    }
    const past = depthProblem(`text\n${'> '.repeat(40)}a`)!;
    expect(past.offset).toBe('text\n'.length + 2 * MAX_BODY_DEPTH);
  });

  it('count the formatting elements HTML opens again in every later element', () => {
    // Each `<b>` closed only by the `</div>` around it is reopened inside every later `<div>`:
    // 1,000 of these nest 1,000 deep and took 3.6 s to render.
    const reopened = Array.from({ length: 40 }, (_, i) => `<div><b title="${i}"></div>`).join('');
    expect(depthProblem(reopened)?.offset).toBe(reopened.indexOf('<b title="31">'));
    expect(elementDepth(reopened)).toBeGreaterThan(40);
  });

  it('do not count what only looks like nesting', () => {
    const bodies = [
      // Thematic breaks, not lists.
      '- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -',
      '* * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * *',
      // Siblings, and a list that ends before the next one starts.
      Array.from({ length: 100 }, () => '- item').join('\n'),
      Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i % 10)}- item`).join('\n'),
      Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- item\n\nParagraph`).join('\n\n'),
      // Elements HTML closes on its own, void elements, and autolinks.
      `<ul>${'<li>item'.repeat(100)}</ul>`,
      '<p>para'.repeat(100),
      `<table>${'<tr><td>a<td>b'.repeat(50)}</table>`,
      `<dl>${'<dt>a<dd>b'.repeat(50)}</dl>`,
      '<br>'.repeat(100),
      '<img src="https://x.example/a.png">'.repeat(50),
      '<https://example.com/a> '.repeat(50),
      '<b>bold</b> '.repeat(100),
    ];
    for (const body of bodies) expect(depthProblem(body), body.slice(0, 60)).toBeUndefined();
  });

  it('never count fewer levels than the parser nests, on random bodies', () => {
    // Lines of container markers, indentation and text: with a limit of 3, any body the parser
    // nests 4 deep must be reported.
    const line = fc
      .array(fc.constantFrom('> ', '>', '- ', '* ', '1. ', '2) ', '  ', '   ', '    ', '\t'), { maxLength: 6 })
      .chain((prefix) =>
        fc.constantFrom('a', 'text', '', '---', '```', '# h', '===', '<div>', '    code').map((text) => prefix.join('') + text),
      );
    const body = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(body, (text) => {
        if (containerDepth(text) > 3) expect(depthProblem(text, 3), JSON.stringify(text)).toBeDefined();
      }),
      { numRuns: 1500, seed: 20261128 },
    );
  });

  it('never count fewer elements than HTML nests, on random raw HTML', () => {
    const tag = fc.constantFrom(
      ...['<div>', '</div>', '<ul>', '</ul>', '<li>', '</li>', '<table>', '</table>', '<td>', '<tr>', '<br>', 'x', ' '],
      ...['<b>', '</b>', '<b id=1>', '<b id=2>', '<i>', '</i>', '<a href=x>', '</a>', '<nobr>'],
    );
    const body = fc.array(tag, { minLength: 1, maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(body, (text) => {
        if (elementDepth(text) > 4) expect(depthProblem(text, 4), text).toBeDefined();
      }),
      { numRuns: 1000, seed: 20261129 },
    );
  });
});
