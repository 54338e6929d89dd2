import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bodyLimitProblems, MAX_BODY_DEPTH, MAX_BODY_LENGTH } from '../src/core/markdown/body-limits.ts';
import { outlineBody } from '../src/core/markdown/markdown.ts';
import type { renderMarkdown as Render } from '../src/lib/markdown.ts';

// `npm run bench:markdown [-- --runs N --renderer PATH --length N]`: how long one body takes to render, for
// the slowest bodies known to Markdown engines, each built to just under the body limits
// (MAX_BODY_LENGTH characters, MAX_BODY_DEPTH levels), then a few far past them. The renderer
// must stay within a few hundred ms on any body the check passes. `--renderer` times another
// copy of src/lib/markdown.ts (e.g. an older commit's, extracted beside this one) on the same
// bodies; bodies past the limits are skipped then, as an unlimited renderer takes minutes.

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const RUNS = Number(option('runs') ?? 3);
const other = option('renderer');
const { renderMarkdown } = (await import(other ? pathToFileURL(resolve(other)).href : '../src/lib/markdown.ts')) as {
  renderMarkdown: typeof Render;
};

// `--length` builds the bodies to another size, to see what another limit would allow.
const N = Number(option('length') ?? MAX_BODY_LENGTH);
const D = MAX_BODY_DEPTH;
/** `unit` repeated to just under the length limit. */
const fill = (unit: string, length = N) => unit.repeat(Math.floor(length / unit.length));
const upTo = (make: (i: number) => string, length = N) => {
  let out = '';
  for (let i = 1; ; i++) {
    const next = make(i);
    if (out.length + next.length > length) return out;
    out += next;
  }
};
const half = Math.floor(N / 2);

// The cases of commonmark.js and cmark's test/pathological_tests.py, scaled to the limit, then the
// ones found slow in this engine, then raw HTML.
const BODIES: [string, string][] = [
  ['nested strong emph', `${fill('*a **a ', half - 1)}b${fill(' a** a*', half - 1)}`],
  ['many emph closers with no openers', fill('a_ ')],
  ['many emph openers with no closers', fill('_a ')],
  ['many link closers with no openers', fill('a]')],
  ['many link openers with no closers', fill('[a')],
  ['mismatched openers and closers', fill('*a_ ')],
  ['openers and closers multiple of 3', `a**b${fill('c* ', N - 4)}`],
  ['link openers and emph closers', fill('[ a_')],
  ['pattern [ (]( repeated', fill('[ (](')],
  ['pattern ![[]() repeated', fill('![[]()')],
  ['nested brackets', `${fill('[', half - 1)}a${fill(']', half - 1)}`],
  [`nested block quotes (${D} deep, every line)`, fill(`${'> '.repeat(D)}a\n`)],
  [`nested block quotes (${D} deep, one line)`, `${'>'.repeat(D)} ${fill('a', N - D - 1)}`],
  [`deeply nested lists (${D} deep, repeated)`, fill(`${Array.from({ length: D }, (_, i) => `${'  '.repeat(i)}* a`).join('\n')}\n\n`)],
  [`list markers on one line (${D} deep)`, fill(`${'- '.repeat(D)}a\n`)],
  ['U+0000 in input', fill('abc\u0000de\u0000')],
  ['backticks', upTo((i) => `e${'`'.repeat(i)}`)],
  ['unclosed links A', fill('[a](<b')],
  ['unclosed links B', fill('[a](b')],
  ['unclosed <!--', `</${fill('<!--', N - 2)}`],
  ['tables', fill('aaa\rbbb\n-\v\n')],
  ['many references', `${upTo((i) => `[${i}]: u\n`, (N * 2) / 3)}${fill('[0] ', N / 3 - 1)}`],
  // Found slow in satteri: character references and intraword `_` grow with a paragraph's square.
  ['character references &lt;', fill('&lt;')],
  ['character references &#65;', fill('&#65;')],
  ['character references between words', fill('a&amp;b')],
  ['intraword underscores a_', fill('a_')],
  ['intraword underscores _a', fill('_a')],
  ['stars', fill('*')],
  ['underscores', fill('_')],
  ['opening brackets', fill('[')],
  ['less-than signs', fill('<')],
  ['backtick run', fill('`')],
  ['emphasis runs', fill('***a*** ')],
  ['strikethrough openers', fill('~~a ')],
  ['setext headings', fill('a\n=\n')],
  ['ATX headings', fill('# a\n')],
  ['list items', fill('- a\n')],
  ['hard breaks', fill('a  \n')],
  ['bare URLs', fill('www.a.example ')],
  ['autolinks', fill('<https://a.example> ')],
  ['link reference spam', `${upTo((i) => `[r${i}]: https://x.example/${i}\n`, N / 2)}\n${upTo((i) => `[a][r${i}] `, N / 2 - 2)}`],
  ['footnotes', `${upTo((i) => `a[^${i}] `, N / 2)}\n\n${upTo((i) => `[^${i}]: n\n`, N / 2 - 2)}`],
  ['table columns', `|${fill('a|', half - 2)}\n|${fill('-|', half - 2)}\n`],
  // Raw HTML.
  [`nested raw HTML (${D} deep)`, `${'<div>'.repeat(D)}${fill('x ', N - 5 * D)}`],
  [`nested raw HTML lists (${D} deep)`, `${'<ul><li>'.repeat(D / 2)}${fill('x ', N - 4 * D)}`],
  ['raw HTML, flat', fill('<b>x</b> ')],
  ['raw HTML attributes', `<b ${fill('a=1 ', N - 10)}>`],
  // Raw HTML left open: the renderer parses twice more to find and escape it.
  [`unclosed <template> tags (${D - 2})`, `${'a <template> '.repeat(D - 2)}${fill('b ', N - 13 * (D - 2))}`],
  [`unclosed <style> tags (${D - 2})`, `${'a <style> '.repeat(D - 2)}${fill('b ', N - 10 * (D - 2))}`],
  ['unclosed <template>, then character references', `a <template> b\n\n${fill('&lt;', N - 16)}`],
  ['unclosed <template>, then intraword underscores', `a <template> b\n\n${fill('a_', N - 16)}`],
  ['tags that never end', `<div\n${fill('<a', N - 5)}`],
  ['closed <template> blocks', fill('<template>\n\n## Hidden\n\n</template>\n\n')],
];

// The issue's bodies: far past the limits, shown as text at once.
const PAST: [string, string][] = [
  ['250,000 `>` (the issue)', '>'.repeat(250_000)],
  ['`<ul><li>` 50,000 deep (the issue)', '<ul><li>'.repeat(50_000)],
  ['`> ` 50,000 deep', `${'> '.repeat(50_000)}a`],
  ['formatting reopened 1,000 times', Array.from({ length: 1000 }, (_, i) => `<div><b title="${i}"></div>`).join('')],
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = (run: () => unknown) => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

console.log(
  `Node ${process.version}; limits ${MAX_BODY_LENGTH.toLocaleString('en-US')} characters, ${D} levels; bodies of ${N.toLocaleString('en-US')}${other ? `; renderer ${other}` : ''}`,
);
// A build renders each body once, in a process warmed up by other bodies: `render` is that first
// render of the body, `again` the median of RUNS more (the engine's code warms up to each shape).
console.log(
  `${'body'.padEnd(50)} ${'chars'.padStart(7)} ${'limits'.padEnd(7)} ${'scan'.padStart(7)} ${'check'.padStart(7)} ${'render'.padStart(7)} ${'again'.padStart(7)}`,
);
renderMarkdown('## Warm-up\n\nSome *text*, a [link](https://example.com) and <kbd>HTML</kbd>.');
let worst = { name: '', ms: 0 };
for (const [name, body] of [...BODIES, ...(other ? [] : PAST)]) {
  const within = bodyLimitProblems(body).length === 0;
  const render = time(() => renderMarkdown(body));
  const again = median(Array.from({ length: RUNS }, () => time(() => renderMarkdown(body))));
  // The check's cost: the limits scan on every body, and its parse where the body needs one.
  const scan = median(Array.from({ length: RUNS }, () => time(() => bodyLimitProblems(body))));
  const check = within ? time(() => outlineBody(body)) : 0;
  // Bodies past the limits are rendered as text, unless another renderer is timed.
  if ((within || other) && render > worst.ms) worst = { name, ms: render };
  const ms = (value: number) => value.toFixed(1).padStart(7);
  console.log(
    `${name.padEnd(50)} ${String(body.length).padStart(7)} ${(within ? 'within' : 'PAST').padEnd(7)} ${ms(scan)} ${ms(check)} ${ms(render)} ${ms(again)}`,
  );
}
console.log(`Slowest body the engine parsed: ${worst.name}, ${worst.ms.toFixed(0)} ms to render (budget: a few hundred ms)`);
