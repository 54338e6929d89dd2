import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Span } from '../../diagnostics/diagnostics.ts';
import type { RuleId } from '../../rules/catalog.ts';
import { extraDocument, firstDocument } from './documents.ts';
import { checkTree, keyOf } from './tree-checks.ts';

export interface YamlProblem extends Span {
  rule: RuleId;
  message: string;
  hint?: string;
}

export interface FullYaml {
  /**
   * The value, or `undefined` when problems make it untrustworthy. Built on first use: the exact
   * parse is often wanted only for the positions of problems in a value the fast parser read.
   */
  readonly value: unknown;
  problems: YamlProblem[];
  doc: Document.Parsed;
  lines: LineCounter;
}

/**
 * YAML 1.2 core schema, nothing else: no merge keys, no custom tags. Duplicate keys are errors, but
 * found by {@link parseFull} itself: the library compares each key with every earlier one of its
 * mapping, which takes minutes for a mapping of 100,000 keys.
 */
export const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: false,
  merge: false,
  strict: true,
  prettyErrors: false,
  logLevel: 'silent',
} as const;

/** The reference parser: slow, exact, and the source of every position we report. */
export function parseFull(text: string): FullYaml {
  const lines = new LineCounter();
  const { doc, next } = firstDocument(text, lines, YAML_OPTIONS);
  const problems: YamlProblem[] = [];
  const span = (from: number, to: number): Span => {
    const start = lines.linePos(from);
    const end = lines.linePos(Math.max(to, from + 1));
    return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  };
  const extra = extraDocument(text, doc, next);
  if (extra) problems.push({ ...span(extra.from, extra.to), ...extra.problem });
  for (const error of doc.errors) {
    const [from, to] = error.pos;
    if (error.code === 'TAB_AS_INDENT') {
      problems.push({
        ...span(from, to),
        rule: 'yaml-tab',
        message: 'Unexpected tab in indentation, expected spaces',
        hint: 'YAML indents with spaces only; set your editor to insert spaces in .md and .yaml files',
      });
    } else {
      problems.push({
        ...span(from, to),
        rule: 'yaml-syntax',
        message: `Invalid YAML: ${firstLine(error.message)}`,
        hint: syntaxHint(error.code),
      });
    }
  }
  for (const warning of doc.warnings) {
    const [from, to] = warning.pos;
    if (warning.code === 'TAG_RESOLVE_FAILED') continue; // reported below with the tag's name
    problems.push({ ...span(from, to), rule: 'yaml-syntax', message: `Invalid YAML: ${firstLine(warning.message)}` });
  }
  checkTree(doc, text, problems, span);
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  if (problems.some((p) => p.message.includes(TOO_DEEP))) {
    // Where the parser ran out of stack depends on the machine; say it once, at the top.
    problems.splice(0, problems.length, {
      ...span(0, 1),
      rule: 'yaml-syntax',
      message: `Invalid YAML: ${TOO_DEEP}`,
      hint: 'front matter needs only a few levels of lists and mappings',
    });
  }
  dropRepeats(problems);
  const clean = doc.errors.length === 0 && problems.length === 0;
  let value: unknown;
  let built = false;
  return {
    get value() {
      if (!built) {
        value = clean ? doc.toJS() : undefined;
        built = true;
      }
      return value;
    },
    problems,
    doc,
    lines,
  };
}

export type ToSpan = (from: number, to: number) => Span;

const TOO_DEEP = 'nesting too deep, expected at most a few levels of lists and mappings';

/**
 * One broken bracket can make the parser complain many times at one place; say each thing once.
 * How many problems a file shows at most is decided for all its problems together, by the check.
 */
function dropRepeats(problems: YamlProblem[]): void {
  const seen = new Set<string>();
  for (const problem of problems.splice(0)) {
    const key = `${problem.line}:${problem.column}:${problem.rule}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
}

function firstLine(message: string): string {
  // The parser recurses per nesting level; a hostile file can exhaust the stack.
  if (/call stack|stack overflow/i.test(message)) return TOO_DEEP;
  const line = message.split('\n', 1)[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return line.endsWith('.') ? line.slice(0, -1) : line;
}

function syntaxHint(code: string): string {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'quote values that contain `: `, e.g. `title: "Why: a reason"`';
    case 'MISSING_CHAR':
      return 'close the quote or bracket that was opened';
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN':
      return 'check the indentation of this line against the lines above it';
    default:
      return 'check quoting and indentation near this line';
  }
}

/**
 * The span of what sits at `path`: a mapping entry from its key to the end of a scalar value, a
 * list item, or, when the path runs out (a missing field), the deepest entry that exists.
 */
export function locate(parsed: Pick<FullYaml, 'doc' | 'lines'>, path: readonly PropertyKey[]): Span | undefined {
  let node: unknown = parsed.doc.contents;
  let found: { from: number; to: number } | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairByKey(node, String(segment));
      if (!pair || !isScalar(pair.key)) break;
      const keyRange = pair.key.range ?? [0, 0, 0];
      const value = pair.value;
      const to = isScalar(value) || isAlias(value) || (isCollection(value) && value.flow) ? (value as Node).range![1] : keyRange[1];
      found = { from: keyRange[0], to };
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (!item || typeof item !== 'object' || !('range' in item)) break;
      const range = (item as Node).range!;
      const to = isMap(item) && !item.flow ? (firstEntryEnd(item) ?? range[1]) : range[1];
      found = { from: range[0], to };
      node = item;
    } else {
      break;
    }
  }
  if (!found) return undefined;
  const start = parsed.lines.linePos(found.from);
  const end = parsed.lines.linePos(Math.max(found.to, found.from + 1));
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/**
 * The entry of `map` with this key, the first one if it is there twice. Each mapping is indexed
 * on its first lookup, so placing every problem of a file costs one pass, not one per problem.
 */
function pairByKey(map: YAMLMap, key: string): Pair | undefined {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const name = keyOf(pair.key);
      if (!index.has(name)) index.set(name, pair);
    }
    keyIndexes.set(map, index);
  }
  return index.get(key);
}

function isCollection(value: unknown): value is { flow?: boolean } {
  return isMap(value) || isSeq(value);
}

function firstEntryEnd(map: { items: unknown[] }): number | undefined {
  const first = map.items[0];
  if (!isPair(first) || !isScalar(first.key)) return undefined;
  return isScalar(first.value) ? first.value.range![1] : first.key.range![1];
}
