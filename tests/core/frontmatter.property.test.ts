import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/core/check.ts';
import { MAX_PROBLEMS_PER_FILE, type Diagnostic } from '../../src/core/diagnostics/diagnostics.ts';
import { readEntry } from '../../src/core/read/read-entry.ts';

// Whatever a pull request puts in a file, reading it the way the check does must not throw, and
// every problem must point at a place in that file: a line and column a code frame and a GitHub
// annotation can show. At most 50 problems a file, plus the one that says how many more.

const SITE = 'title: T\ndescription: D.\nurl: https://example.com\nrepo: https://github.com/example/impact\naudience: team\n';
const ITEM = 'content/accomplishments/2026-h1/item.md';

// prettier-ignore
const FRAGMENTS = [
  'title', 'visibility', 'goals', 'authors', 'a', 'k1', '"k"', ':', ': ', ' ', '  ', '    ', '\n', '\n', '\n', '\r\n',
  '\r', '\t', '- ', '-', '"', "'", '\\', '\\u202E', '\\e', '\\0', '\\n', '\\x85', '...', '---', '--- ', '&a ', '*a',
  '!!binary ', '!!js/function ', '!x ', '<<', '[', ']', '{', '}', ',', '#', ' # c', '? ', '|', '>', '>-', '%YAML 1.2',
  '\uFEFF', 'é', '😀', '\u202E', '\u0007', '\u2028', '\u0085', '\uD800', 'null', '~', '1', '0x1F', '2026-03-01',
  '0050-02-29', 'public', 'private', 'Cut CI time',
];

/** Text built from YAML's own pieces, so that it often gets far into the parser. */
const yamlish = fc.array(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...FRAGMENTS) }, fc.string({ unit: 'binary', maxLength: 3 })), {
  maxLength: 80,
});

/** Whole files: arbitrary text, or front matter of either kind between `---` lines, and a body. */
const file = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .tuple(fc.constantFrom('---\n', '\uFEFF---\r\n', '---\r\n'), yamlish, fc.constantFrom('\n---\n## Impact\n', '\n---', '\r\n---\r\n', ''))
    .map(([open, pieces, close]) => `${open}${pieces.join('')}${close}`),
  // Many repeats of one piece: lots of problems in one file.
  fc
    .tuple(fc.constantFrom('k: a: b\n', 'a: 1\n', '- [\n', '&a x\n', '!x y\n', '\u0007', 'x\n'), fc.integer({ min: 40, max: 400 }))
    .map(([piece, count]) => `---\n${piece.repeat(count)}---\n`),
);

function checkOne(path: string, text: string): Diagnostic[] {
  const files = [{ path: 'content/site.yaml', text: path === 'content/site.yaml' ? text : SITE }];
  if (path !== 'content/site.yaml') files.push({ path, text });
  return checkFiles(files, { today: '2026-11-27' }).diagnostics.filter((d) => d.file === path);
}

/** Why a diagnostic's place is not in `text`, or '' when it is. */
function misplaced(d: Diagnostic, text: string): string {
  const lines = text.split('\n');
  if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines.length) return `line ${d.line} of ${lines.length}`;
  const length = lines[d.line - 1]!.length;
  if (!Number.isInteger(d.column) || d.column < 1 || d.column > length + 1) return `column ${d.column} on a line of ${length}`;
  if (d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column)) return `end ${d.endLine}:${d.endColumn} before start`;
  return '';
}

describe('reading front matter, for any text', () => {
  it.each([
    ['an accomplishment', ITEM],
    ['content/site.yaml', 'content/site.yaml'],
  ])('never throws, and places every problem of %s in the file, at most 51 of them', (_, path) => {
    fc.assert(
      fc.property(file, (text) => {
        expect(() => readEntry(text)).not.toThrow();
        const found = checkOne(path, text);
        expect(found.length).toBeLessThanOrEqual(MAX_PROBLEMS_PER_FILE + 1);
        for (const d of found) expect(misplaced(d, text), `${d.rule} ${d.message}`).toBe('');
      }),
      { numRuns: 250, seed: 0x7e51_2026 },
    );
  });
});
