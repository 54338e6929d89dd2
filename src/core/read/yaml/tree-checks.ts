import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { formatPath } from '../../diagnostics/diagnostics.ts';
import { characterName, controlCharactersIn } from '../../text/text-checks.ts';
import type { ToSpan, YamlProblem } from './full.ts';

// What the YAML library accepts and front matter does not: anchors and aliases, tags, merge keys,
// complex keys, duplicate keys, and control characters that escapes write into strings.

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
export function checkTree(doc: Document.Parsed, text: string, problems: YamlProblem[], span: ToSpan): void {
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

/** The field path of a step; under a complex key (an error already), the path of its mapping. */
function pathOf(step: Step | undefined): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at = step; at?.parent !== undefined; at = at.parent) {
    if (at.segment === undefined) path.length = 0;
    else path.push(at.segment);
  }
  return path.reverse();
}

/** A mapping key as the value's JavaScript object has it: `null:` and `~:` become "", `1.0:` "1". */
export function keyOf(key: Scalar): string {
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
