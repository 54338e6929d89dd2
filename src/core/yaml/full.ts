import {
  Composer,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { formatPath, type Span } from '../diagnostics.ts';
import { characterName, controlCharactersIn } from '../text-checks.ts';

export interface YamlProblem extends Span {
  rule: string;
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
  const { doc, next } = firstDocument(text, lines);
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

type ToSpan = (from: number, to: number) => Span;

/**
 * The first document of the stream, and the offset where a second one starts, if any. This is
 * `parseDocument` without its `logLevel: 'silent'` blind spot: silenced, it drops every later
 * document without a word, so `visibility: private` after a `...` line vanished.
 */
function firstDocument(text: string, lines: LineCounter): { doc: Document.Parsed; next: number | undefined } {
  const composer = new Composer(YAML_OPTIONS);
  let doc: Document.Parsed | undefined;
  let next: number | undefined;
  // Each error and warning is an Error object, and capturing its stack trace was half the time
  // of a file of 80,000 bad tags. No one reads those traces.
  const traces = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // The whole stream is composed, so the line counter knows every line of the text.
    for (const composed of composer.compose(new Parser(lines.addNewLine).parse(text), true, text.length)) {
      if (!doc) doc = composed;
      else next ??= composed.range[0];
    }
  } finally {
    Error.stackTraceLimit = traces;
  }
  return { doc: doc!, next };
}

// What YAML skips between documents: spaces, tabs, line breaks and byte order marks.
const BETWEEN_DOCUMENTS = /[^ \t\r\n\uFEFF]/g;

/**
 * Front matter is one YAML document, opened by the file's first line `---`. Another document
 * start inside it (`---` followed by anything but the line's end, which the front matter
 * splitter would have taken as the closing line), and any text after a `...` that ends the
 * document, are refused: YAML would silently read only the first document.
 */
function extraDocument(
  text: string,
  doc: Document.Parsed,
  next: number | undefined,
): { from: number; to: number; problem: Omit<YamlProblem, keyof Span> } | undefined {
  let from: number;
  if (doc.directives.docStart) {
    from = doc.range[0];
  } else {
    BETWEEN_DOCUMENTS.lastIndex = doc.range[2];
    const found = BETWEEN_DOCUMENTS.exec(text)?.index ?? next;
    if (found === undefined) return undefined;
    from = found;
  }
  const lineEnd = text.slice(from).search(/\r?\n|\r|$/);
  const line = text.slice(from, from + lineEnd);
  const shown = line.length > 40 ? `${line.slice(0, 39)}…` : line;
  const to = from + Math.max(1, lineEnd);
  const start = /^---(?=[ \t]|$)/.test(line);
  if (start) {
    return {
      from,
      to,
      problem: {
        rule: 'yaml-extra-document',
        message: `Unexpected document start \`${shown}\`, expected one YAML document`,
        hint: /^---[ \t]+$/.test(line)
          ? 'delete the spaces after `---`: the closing line of front matter is exactly `---`, and YAML reads only one document'
          : 'delete this line: YAML reads only one document, and front matter closes only at a line that is exactly `---`',
      },
    };
  }
  return {
    from,
    to,
    problem: {
      rule: 'yaml-extra-document',
      message: `Unexpected \`${shown}\` after \`...\`, which ends the YAML document, expected nothing more`,
      hint: 'move it above the `...` line, or delete that line: YAML reads nothing after it',
    },
  };
}

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

/** A node on the walk's stack, and how it was reached: enough to name its field when needed. */
interface Step {
  node: unknown;
  parent?: Step | undefined;
  /** The key or index under which `parent` holds it; undefined under a complex key. */
  segment?: PropertyKey | undefined;
  /** A mapping's key rather than a value. */
  isKey?: boolean;
}

/**
 * Aliases, anchors, tags, merge keys, complex keys, duplicate keys and escaped control characters,
 * in one pass over the tree. A stack instead of recursion: nesting the parser accepted must not
 * exhaust ours.
 */
function checkTree(doc: Document.Parsed, text: string, problems: YamlProblem[], span: ToSpan): void {
  const stack: Step[] = [{ node: doc.contents }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const node = step.node;
    if (isAlias(node)) {
      const [from, to] = node.range ?? [0, 0];
      problems.push({
        ...span(from, to),
        rule: 'yaml-alias',
        message: `Unexpected alias \`*${node.source}\`, anchors and aliases are not allowed`,
        hint: 'write the value out in full',
      });
    } else if (isScalar(node)) {
      checkNode(node, problems, span);
      checkText(node, step, text, problems, span);
    } else if (isMap(node)) {
      checkNode(node, problems, span);
      const keys = new Set<string>();
      for (const pair of node.items) {
        checkKey(pair, keys, problems, span);
        pushPair(stack, pair, step);
      }
    } else if (isSeq(node)) {
      checkNode(node, problems, span);
      node.items.forEach((item, index) => stack.push({ node: item, parent: step, segment: index }));
    } else if (isPair(node)) {
      // A single-pair mapping in a flow sequence, `[a: b]`, in case the parser keeps it bare.
      checkKey(node, new Set(), problems, span);
      pushPair(stack, node, step);
    }
  }
}

function pushPair(stack: Step[], pair: Pair, parent: Step): void {
  const segment = isScalar(pair.key) ? keyOf(pair.key) : undefined;
  stack.push({ node: pair.value, parent, segment }, { node: pair.key, parent, isKey: true });
}

/**
 * Control characters that YAML escapes put into a string (`"\u202E"`, `"\0"`, `"\e[31m"`): the
 * scan of the raw text sees only the backslash. A character that is in the source as it is has
 * been reported by that scan already, at its own column.
 */
function checkText(node: Scalar, step: Step, text: string, problems: YamlProblem[], span: ToSpan): void {
  if (typeof node.value !== 'string') return;
  const found = controlCharactersIn(node.value);
  if (found.length === 0) return;
  const [from, to] = node.range ?? [0, 0];
  const source = text.slice(from, to);
  const field = formatPath(pathOf(step.isKey ? step.parent : step));
  const where = step.isKey ? `in a field name${field === '' ? '' : ` in \`${field}\``}` : field === '' ? 'in a value' : `in \`${field}\``;
  for (const codePoint of found) {
    if (source.includes(String.fromCodePoint(codePoint))) continue;
    problems.push({
      ...span(from, to),
      rule: 'control-character',
      message: `Unexpected control character ${characterName(codePoint)} ${where}, expected plain text`,
      hint: 'delete the `\\` escape that writes it: it is invisible, or changes how the text around it reads',
    });
  }
}

/** The field path of a step, as far as it is known. */
function pathOf(step: Step | undefined): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at = step; at?.parent !== undefined; at = at.parent) {
    if (at.segment === undefined) path.length = 0;
    else path.push(at.segment);
  }
  return path.reverse();
}

/** A mapping key as the value's JavaScript object has it: `null:` and `~:` become "", `1.0:` "1". */
function keyOf(key: Scalar): string {
  const value = key.value;
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  // Only a tagged key (`!!binary`, refused anyway) has a value of another kind.
  return JSON.stringify(value);
}

function checkNode(node: Node, problems: YamlProblem[], span: ToSpan): void {
  const [from, to] = node.range ?? [0, 0];
  if (node.anchor) {
    problems.push({
      ...span(from, to),
      rule: 'yaml-alias',
      message: `Unexpected anchor \`&${node.anchor}\`, anchors and aliases are not allowed`,
      hint: 'write the value out in full where it is needed',
    });
  }
  if (node.tag) {
    const tag = node.tag.startsWith('tag:yaml.org,2002:') ? `!!${node.tag.slice(18)}` : node.tag;
    problems.push({
      ...span(from, to),
      rule: 'yaml-tag',
      message: `Unexpected tag \`${tag}\`, tags are not allowed`,
      hint: 'remove the tag; quote the value if it must stay text',
    });
  }
}

/** `keys` holds the keys seen so far in the same mapping: a key met twice is a duplicate. */
function checkKey(pair: Pair, keys: Set<string>, problems: YamlProblem[], span: ToSpan): void {
  const key = pair.key;
  if (isScalar(key)) {
    const [from, to] = key.range ?? [0, 0];
    if (key.value === '<<' && key.type === 'PLAIN') {
      problems.push({
        ...span(from, to),
        rule: 'yaml-merge-key',
        message: 'Unexpected merge key `<<`, merge keys are not allowed',
        hint: 'write the keys out in full',
      });
    }
    // By the key the object gets, not by how it is written: `1:` and `"1":` would collide too.
    const name = keyOf(key);
    if (keys.has(name)) {
      problems.push({
        ...span(from, to),
        rule: 'yaml-duplicate-key',
        message: `Duplicate key \`${name}\`, expected each key once per mapping`,
        hint: 'remove one of them: YAML would silently keep only the last',
      });
    }
    keys.add(name);
    return;
  }
  if (key !== null && typeof key === 'object' && 'range' in key) {
    const [from, to] = (key as Node).range ?? [0, 0];
    problems.push({
      ...span(from, to),
      rule: 'yaml-syntax',
      message: 'Unexpected complex key, expected a plain name before `:`',
      hint: 'keys are field names such as `title`',
    });
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
