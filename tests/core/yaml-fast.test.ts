import { describe, it, expect } from 'vitest';
import { BAIL, parseFast } from '../../src/core/read/yaml/fast.ts';
import { parseFull } from '../../src/core/read/yaml/full.ts';
import { readFileSync } from 'node:fs';

type Reference = { ok: true; value: unknown } | { ok: false; why: string };

/**
 * The reference verdict: the exact parser the check falls back to, with every problem it reports
 * (YAML errors and warnings, aliases, tags, merge keys, duplicate keys, a second document, escaped
 * control characters). The fast path may return a value only where this reports nothing.
 */
function reference(text: string): Reference {
  const full = parseFull(text);
  if (full.problems.length > 0) return { ok: false, why: [...new Set(full.problems.map((p) => p.rule))].join(',') };
  return { ok: true, value: full.value };
}

/**
 * Deep equality that tells 1 from "1", null from undefined and -0 from 0, treats NaN as equal to
 * itself, and also requires the same key order and plain prototypes.
 */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return false;
  if (typeof a === 'number') return Object.is(a, b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (!(i in a) || !(i in b) || !same(a[i], b[i])) return false;
    }
    return true;
  }
  if (Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const key = ka[i]!;
    if (key !== kb[i] || typeof key !== 'string') return false;
    if (!same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

const show = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : Object.is(v, -0) ? '-0' : v));

const TYPICAL = readFileSync(new URL('../fixtures/typical-front-matter.yaml', import.meta.url), 'utf8');

const ACCEPTED: [string, string][] = [
  ['typical front matter', TYPICAL],
  ['typical front matter with CRLF', TYPICAL.replaceAll('\n', '\r\n')],
  ['empty', ''],
  ['blank lines only', '\n\n  \n'],
  ['comments only', '# a comment\n  # indented\n\n'],
  ['percent unit', 'unit: "%"\nbefore: 4.5'],
  ['nested mapping', 'submissions:\n  min: 3\n  max: 5\nkey_results: []'],
  ['empty flow mapping', 'a: {}\nb: { }'],
  ['null value forms', 'a:\nb: ~\nc: null\nd: Null\ne: NULL\nf:   # comment'],
  ['booleans', 'a: true\nb: True\nc: TRUE\nd: false\ne: False\nf: FALSE\ng: tRUE'],
  ['YAML 1.1 booleans stay strings', 'a: yes\nb: no\nc: on\nd: off\ne: y\nf: n'],
  ['decimal ints', 'a: 012\nb: +12\nc: -7\nd: 0\ne: 9007199254740993\nf: 123456789012345678901234567890'],
  ['negative zero', 'a: -0\nb: -0.0\nc: +0\nd: 0.0'],
  ['hex and octal', 'a: 0x1F\nb: 0o17\nc: 0X1F\nd: 0o8\ne: -0x1\nf: 0xffffffffffffffffff'],
  ['floats', 'a: 1e3\nb: 1.\nc: .5\nd: -.5\ne: +.5\nf: 1.e3\ng: 1E-3\nh: 4.50\ni: 1_000'],
  ['infinity and NaN', 'a: .inf\nb: -.Inf\nc: +.INF\nd: .nan\ne: .NaN\nf: .NAN\ng: -.nan\nh: .Nan'],
  ['dates and versions stay strings', 'a: 2026-04-18\nb: 2026-h1\nc: 12:30\nd: 1.2.3\ne: 2026-04-18T10:00:00Z'],
  ['plain scalars with inner punctuation', 'a: a#b\nb: http://x.com/a?b=c#d\nc: a:b\nd: a, b\ne: a[b]{c}\nf: -.\ng: .\nh: ...'],
  ['trailing comments and spaces', 'a: x # c\nb: x   \nc: "q" # c\nd: \'q\'   \ne: [a] # c'],
  ['single quotes', "a: 'it''s'\nb: ''\nc: 'a # b: c'\nd: '''' \ne: 'x\"y'"],
  ['double quotes', 'a: ""\nb: "a: b"\nc: "PR #4121"\nd: "it\'s"\ne: "  padded  "'],
  ['quoted look-alikes stay strings', 'a: "12"\nb: \'true\'\nc: "null"\nd: "~"'],
  ['unicode', 'a: é\nb: 日本語\nc: 😀 emoji\nd: [é, 日本]\ne: "😀"'],
  [
    'flow sequences',
    'a: [a, b, "c", \'d\', 12]\nb: []\nc: [ ]\nd: [a , b ]\ne: [a b, c]\nf: [a, b,]\ng: [http://x, a:b, a#b]\nh: [~, null, true, -1, .5, 0x10]',
  ],
  ['sequence at key indentation', 'a:\n- x\n- y\nb: 1'],
  ['sequence under key', 'a:\n  - x\n  -   y\n  - [z]'],
  ['compact mappings', 'a:\n  - k: 1\n    v: 2\n  -   k: 3\n      v: 4\n  - k:\n    - deep'],
  ['nested sequences', '-\n  - a\n  - b\n- c'],
  ['empty items', '-\n- # c\n-   \n- x'],
  ['item with nested mapping', '-\n  a: 1\n  b: 2'],
  ['root sequence of mappings', '- a: 1\n  b:\n    c: 2\n- d: 3'],
  ['indented root', '  a: 1\n  b:\n     c: 2'],
  ['one-space indentation', 'a:\n b:\n  c: 1\n d:\n - x'],
  ['comments anywhere', '# top\na: # after key\n  # inside\n  b: 1\n# between\n  c: 2\n    # deep\nd: 3 # end'],
  ['key characters', 'a_b: 1\nA-b: 2\n_x: 3\nx9: 4\nyes: 5\non: 6\ntoString: 7\nhasOwnProperty: 8'],
  ['deep nesting', 'a:\n  b:\n    c:\n      d:\n        - e:\n            f: [1]'],
];

const REFUSED: [string, string][] = [
  ['tab indentation', 'a:\n\tb: 1'],
  ['tab in value', 'a: b\tc'],
  ['anchor and alias', 'a: &x 1\nb: *x'],
  ['tag', 'a: !!str 1'],
  ['local tag', 'a: !foo bar'],
  ['merge key', '<<: {a: 1}'],
  ['complex key', '? a\n: b'],
  ['directive', '%YAML 1.2\n---\na: 1'],
  ['document start marker', 'a: 1\n---\nb: 2'],
  ['document end marker', 'a: 1\n...\n'],
  ['document start with trailing space', 'a: 1\n--- \nb: 2'],
  ['document start with content', '--- a: 1'],
  ['text after the document end', 'a: 1\n...\nb: 2'],
  ['literal block scalar', 'a: |\n  text'],
  ['folded block scalar', 'a: >\n  text'],
  ['multi-line plain scalar', 'a: x\n  y'],
  ['multi-line quoted scalar', 'a: "x\n  y"'],
  ['multi-line flow sequence', 'a: [x,\n  y]'],
  ['flow mapping', 'a: {b: 1}'],
  ['nested flow sequence', 'a: [a, [b]]'],
  ['flow mapping in flow sequence', 'a: [a, {b: 1}]'],
  ['flow pair', 'a: [a: b]'],
  ['empty flow entry', 'a: [a,,b]'],
  ['lone comma', 'a: [,]'],
  ['comment inside flow sequence', 'a: [a #c]'],
  ['text after flow sequence', 'a: [a]x'],
  ['duplicate key', 'a: 1\na: 2'],
  ['duplicate nested key', 'a:\n  b: 1\n  b: 2'],
  ['bad indentation', 'a:\n   b: 1\n  c: 2'],
  ['less indented tail', '  a: 1\nb: 2'],
  ['compact mapping misaligned', '- a: 1\n b: 2'],
  ['compact mapping over-indented', '- a: 1\n   b: 2'],
  ['implicit key in value', 'key: a: b'],
  ['value ending in colon', 'key: a:'],
  ['unclosed double quote', 'a: "x'],
  ['unclosed single quote', "a: 'x"],
  ['text after quote', 'a: "x" y'],
  ['comment glued to quote', "a: 'x'#c"],
  ['double-quoted escapes', 'a: "a\\"b"\nb: "\\u00e9"'],
  ['dash value', 'a: -'],
  ['compact nested sequence', '- - a'],
  ['sequence on the key line', 'a: - b'],
  ['indicator starts', 'a: ?x\nb: :x\nc: @x\nd: `x`\ne: %x'],
  ['null key', 'null: 1'],
  ['bool key', 'True: 1'],
  ['proto key', '__proto__: 1'],
  ['constructor key', 'constructor: 1'],
  ['prototype key', 'prototype: 1'],
  ['quoted key', '"a": 1'],
  ['numeric key', '1: a'],
  ['space before colon', 'a : 1'],
  ['key without space after colon', 'a:b: 1'],
  ['scalar document', 'just text'],
  ['key then sequence item at same level', '- a\nb: 1'],
  ['lone carriage return', 'a: 1\rb: 2'],
  ['control character', 'a: x\u0001'],
  ['byte order mark', '\uFEFFa: 1'],
  ['NEL', 'a: x\u0085y'],
  ['line separator', 'a: x\u2028y'],
  ['mapping after sequence item', 'a:\n  - x\n  b: 1'],
  ['scalar under key', 'a:\n  text'],
];

describe('parseFast', () => {
  it.each(ACCEPTED)('takes the fast path for %s', (_, text) => {
    const fast = parseFast(text);
    expect(fast).not.toBe(BAIL);
    const ref = reference(text);
    expect(ref.ok ? '' : ref.why).toBe('');
    if (!ref.ok) return;
    expect(show(fast)).toBe(show(ref.value));
    expect(same(fast, ref.value)).toBe(true);
  });

  it.each(REFUSED)('bails on %s', (_, text) => {
    expect(parseFast(text)).toBe(BAIL);
  });

  it('resolves scalars like the reference', () => {
    expect(parseFast('a: -0')).toEqual({ a: -0 });
    expect(Object.is((parseFast('a: -0') as { a: number }).a, -0)).toBe(true);
    expect(parseFast('a: 9007199254740993')).toEqual({ a: 9007199254740992 });
    expect(parseFast('a: 2026-04-18')).toEqual({ a: '2026-04-18' });
    expect(parseFast('a:\n- x')).toEqual({ a: ['x'] });
  });

  it('keeps prototype-looking keys as own data', () => {
    const value = parseFast('toString: 1\nvalueOf: 2') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['toString', 'valueOf']);
  });

  it('bails on nesting deeper than any front matter', () => {
    let text = '';
    for (let i = 0; i < 200; i++) text += `${' '.repeat(i)}k:\n`;
    expect(parseFast(text)).toBe(BAIL);
  });

  // YAML_FUZZ_SEED and YAML_FUZZ_DOCS allow longer local runs; YAML_FUZZ_STATS prints the counts.
  const fuzzSeed = Number(process.env['YAML_FUZZ_SEED'] ?? 0x7e51_2026);
  const fuzzDocuments = Number(process.env['YAML_FUZZ_DOCS'] ?? 20_000);
  it('agrees with the reference on generated documents (differential fuzz)', { timeout: 30_000 + fuzzDocuments }, () => {
    const stats = fuzz(fuzzSeed, fuzzDocuments);
    if (process.env['YAML_FUZZ_STATS']) console.log(JSON.stringify({ ...stats, mismatches: stats.mismatches.length }));
    expect(stats.mismatches).toEqual([]);
    // Guard against a fast path that silently bails on everything.
    expect(stats.valid).toBeGreaterThan(stats.documents * 0.1);
    expect(stats.validFast / stats.valid).toBeGreaterThan(0.5);
  });
});

interface FuzzStats {
  documents: number;
  /** Documents damaged afterwards by one to three random character or line mutations. */
  mutated: number;
  /** Documents the fast path returned a value for: each was checked against the reference. */
  checked: number;
  /** Sampled unmutated documents that the reference accepts. */
  valid: number;
  /** Of those, the ones the fast path parsed. */
  validFast: number;
  mismatches: { text: string; problem: string; fast: string; reference: string }[];
}

function fuzz(seed: number, documents: number): FuzzStats {
  const random = mulberry32(seed);
  const stats: FuzzStats = { documents, mutated: 0, checked: 0, valid: 0, validFast: 0, mismatches: [] };
  for (let n = 0; n < documents; n++) {
    let text = generateDocument(random);
    const mutated = random() < 0.3;
    if (mutated) {
      stats.mutated++;
      text = mutate(text, random);
    }
    const fast = parseFast(text);
    // The reference is the expensive part, and a refused document needs its verdict only for the
    // fast-path share, which is measured on the unmutated even-numbered documents.
    const sampled = !mutated && n % 2 === 0;
    if (fast === BAIL && !sampled) continue;
    const ref = reference(text);
    if (sampled && ref.ok) {
      stats.valid++;
      if (fast !== BAIL) stats.validFast++;
    }
    if (fast === BAIL) continue;
    stats.checked++;
    const problem = !ref.ok ? `reference refuses it (${ref.why})` : same(fast, ref.value) ? '' : 'values differ';
    if (problem && stats.mismatches.length < 10) {
      stats.mismatches.push({ text, problem, fast: show(fast), reference: ref.ok ? show(ref.value) : ref.why });
    }
  }
  return stats;
}

type Random = () => number;

function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// Mostly ordinary keys (a small pool, so duplicates happen), then keys the fast path must refuse
// or treat specially.
const KEYS = ['title', 'a', 'b', 'key_result', 'x-y', '_k', 'A1', 'unit', 'on', 'yes', 'toString'];
// prettier-ignore
const ODD_KEYS = [
  'null', 'Null', 'true', 'FALSE', '__proto__', 'constructor', 'prototype', '1a', '12', 'a b', '"q"', "'q'", '-k',
  '~', '<<', '? k', '&x k', '!t k', 'é', 'k:', '.inf', 'a#b', 'x'.repeat(1030),
];

// prettier-ignore
const PLAIN = [
  'hello', 'Cut median CI time from 22 to 11 minutes', 'min', 'ci-p50', 'delivered',
  'https://github.com/acme/app/pull/4121', 'a#b', 'a:b', 'x:#y', '12:30', 'a, b', 'a[b]', 'a{b}', 'é', '日本語',
  '😀 emoji', 'x y z', '.', '...', '-.', 'a\\b', "it's", 'say "hi"', 'x\u00a0#c', 'a -b', 'C#', 'a ,b', 'a ]', 'x: ',
  'a:\u00a0b', '50%',
];
// prettier-ignore
const TRICKY_PLAIN = [
  '012', '+12', '-7', '1_000', '0x1F', '0X1F', '0o17', '0o8', '-0x1', '1e3', '1E-3', '1.e3', '1.', '.5', '-.5',
  '+.5', '4.5', '4.50', '9007199254740993', '123456789012345678901234567890', '-0', '-0.0', '+0', '0.0', '.inf',
  '-.Inf', '+.INF', '.nan', '.NaN', '-.nan', '.Nan', 'yes', 'no', 'on', 'off', 'y', '~', 'null', 'Null', 'NULL',
  'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', '2026-04-18', '2026-h1', '1.2.3', '0', '-', '-a', '--',
  '---', '?a', ':a', '@a', '`a`', '%a', '!a', '&a x', '*a', '|', '>', 'a: b', 'a:', 'x :y', 'a -b', '0b101', '0o',
  '0x', '+', '.e3', '1e', 'e3', '1.5.', '1__0', ' ', '\u00a0x', 'x\u00a0',
];
// prettier-ignore
const QUOTED = [
  '""', "''", '"PR #4121"', '"%"', "'it''s'", "'a # b'", '"a: b"', "''''", '"12"', "'true'", '"null"', '"é 😀"',
  '"unclosed', "'unclosed", '"a\\"b"', '"a\\nb"', '"\\u00e9"', "'a'b", '"a" # c', "'a'#c", '"a""b"', "'a''",
  '"  x  "', '"a\\\\"', "'\\'", '"\\"', '"a, b"', "'c]'", '"[x]"', "'#'", '"x" #', "'a' , 'b'", '"\'"', "'\"'",
];
// Flow items: mostly well-formed ones, sometimes anything, including what must not appear in brackets.
const FLOW_ITEMS = [...PLAIN.slice(0, 12), ...TRICKY_PLAIN.slice(0, 50), ...QUOTED.slice(0, 12)];
const ODD_FLOW_ITEMS = [...PLAIN, ...TRICKY_PLAIN, ...QUOTED, '[b]', '{b: 1}', 'a: b', 'a:', '#c', '', ' '];

function scalar(random: Random): string {
  const r = random();
  if (r < 0.45) return pick(random, PLAIN);
  if (r < 0.75) return pick(random, TRICKY_PLAIN);
  return pick(random, QUOTED);
}

function flowSequence(random: Random): string {
  const r = random();
  if (r < 0.05) return pick(random, ['[]', '[ ]', '{}', '{ }', '[,]', '[a,,b]', '[a]x', '[a] # c', '[a]#c', '[a', '{a: 1}']);
  const count = Math.floor(random() * 4);
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    items.push(pick(random, random() < 0.85 ? FLOW_ITEMS : ODD_FLOW_ITEMS));
  }
  const sep = pick(random, [', ', ',', ' , ', ',  ']);
  const trailing = random() < 0.1 ? ',' : '';
  const pad = random() < 0.2 ? ' ' : '';
  return `[${pad}${items.join(sep)}${trailing}${pad}]`;
}

function inlineValue(random: Random): string {
  let value = random() < 0.8 ? scalar(random) : flowSequence(random);
  const r = random();
  if (r < 0.08) value += ' # comment';
  else if (r < 0.12) value += '   ';
  else if (r < 0.14) value += ' #: - [x]';
  return value;
}

interface Shape {
  unit: number;
  lines: string[];
}

function oddIndent(random: Random, indent: number): number {
  return random() < 0.03 ? Math.max(0, indent + (random() < 0.5 ? -1 : 1)) : indent;
}

function key(random: Random): string {
  return random() < 0.04 ? pick(random, ODD_KEYS) : pick(random, KEYS);
}

function emitMapping(shape: Shape, random: Random, indent: number, depth: number, firstPrefix?: string): void {
  const count = 1 + Math.floor(random() * (depth === 0 ? 6 : 3));
  for (let i = 0; i < count; i++) {
    const lead = i === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(oddIndent(random, indent));
    const k = key(random);
    const colon = random() < 0.02 ? pick(random, [' :', ':', ':  ']) : ':';
    const r = random();
    if (depth < 4 && r < 0.15) {
      shape.lines.push(`${lead}${k}${colon}${random() < 0.1 ? ' # c' : ''}`);
      noise(shape, random, indent);
      emitMapping(shape, random, indent + shape.unit, depth + 1);
    } else if (depth < 4 && r < 0.3) {
      shape.lines.push(`${lead}${k}${colon}`);
      noise(shape, random, indent);
      emitSequence(shape, random, random() < 0.4 ? indent : indent + shape.unit, depth + 1);
    } else if (r < 0.35) {
      shape.lines.push(`${lead}${k}${colon}${random() < 0.5 ? '' : ' # nothing'}`);
    } else {
      shape.lines.push(`${lead}${k}${colon} ${inlineValue(random)}`);
    }
    noise(shape, random, indent);
  }
}

function emitSequence(shape: Shape, random: Random, indent: number, depth: number): void {
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const lead = ' '.repeat(oddIndent(random, indent));
    const gap = ' '.repeat(random() < 0.85 ? 1 : 1 + Math.floor(random() * 3));
    const r = random();
    if (depth < 4 && r < 0.4) {
      emitMapping(shape, random, indent + 1 + gap.length, depth + 1, `${lead}-${gap}`);
    } else if (depth < 4 && r < 0.5) {
      shape.lines.push(`${lead}-${random() < 0.2 ? ' # c' : ''}`);
      if (random() < 0.5) emitMapping(shape, random, indent + shape.unit, depth + 1);
      else emitSequence(shape, random, indent + shape.unit, depth + 1);
    } else if (r < 0.53) {
      shape.lines.push(`${lead}-${random() < 0.5 ? '' : ' '}`);
    } else if (r < 0.55) {
      shape.lines.push(`${lead}-${gap}- ${scalar(random)}`);
    } else {
      shape.lines.push(`${lead}-${gap}${inlineValue(random)}`);
    }
    noise(shape, random, indent);
  }
}

function noise(shape: Shape, random: Random, indent: number): void {
  const r = random();
  if (r < 0.04) shape.lines.push('');
  else if (r < 0.06) shape.lines.push('   ');
  else if (r < 0.09) shape.lines.push(`${' '.repeat(Math.floor(random() * (indent + 3)))}# comment: - [x] 'q`);
}

function generateDocument(random: Random): string {
  const shape: Shape = { unit: 1 + Math.floor(random() * 4), lines: [] };
  const r = random();
  if (r < 0.02) return pick(random, ['', '\n', '# only a comment\n', '  \n  # c\n', 'text', '---', '...', '- x']);
  if (random() < 0.05) shape.lines.push('# leading comment');
  const root = random() < 0.1 ? ' '.repeat(1 + Math.floor(random() * 2)) : '';
  if (random() < 0.12) emitSequence(shape, random, root.length, 1);
  else emitMapping(shape, random, root.length, 0, root || undefined);
  const eol = random() < 0.15 ? '\r\n' : '\n';
  let text = shape.lines.join(eol);
  if (random() < 0.8) text += eol;
  return text;
}

// prettier-ignore
const MUTATION_CHARS = [
  ':', ' ', '-', '#', "'", '"', '[', ']', ',', '\n', '\t', '{', '}', '&', '*', '!', '|', '>', '?', '\r', 'a', '1',
  '.', '\\', '\u0000', 'é', '\uFEFF', '\u2028', '\u0085', '\uD800',
];

function mutate(text: string, random: Random): string {
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count && text.length > 0; i++) {
    const at = Math.floor(random() * text.length);
    const r = random();
    if (r < 0.3) text = text.slice(0, at) + text.slice(at + 1);
    else if (r < 0.5) text = text.slice(0, at) + text[at]! + text.slice(at);
    else if (r < 0.8) text = text.slice(0, at) + pick(random, MUTATION_CHARS) + text.slice(at);
    else text = mutateLine(text, random);
  }
  return text;
}

/** Line-level damage: re-indent, drop or repeat a line, or add a document marker line. */
function mutateLine(text: string, random: Random): string {
  const lines = text.split('\n');
  const at = Math.floor(random() * lines.length);
  const line = lines[at]!;
  const r = random();
  if (r < 0.1) lines.splice(at, 0, pick(random, ['...', '--- ', '---', '--- a: 1', '... # c', '%YAML 1.2']));
  else if (r < 0.25) lines[at] = line.slice(1 + Math.floor(random() * 2));
  else if (r < 0.5) lines[at] = ' '.repeat(1 + Math.floor(random() * 2)) + line;
  else if (r < 0.75) lines.splice(at, 1);
  else lines.splice(at, 0, line);
  return lines.join('\n');
}
