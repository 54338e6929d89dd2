import { bodyLimits } from './body-limits.ts';
import type { Span } from '../diagnostics/diagnostics.ts';
import { outlineBody, type BodyOutline } from '../markdown/markdown.ts';
import { MAX_YAML_LENGTH } from './read-entry.ts';
import { locate, parseFull, type FullYaml } from './yaml/full.ts';

/** One content file, split into its parts, with positions resolved only when a problem needs one. */
export interface SourceDoc {
  file: string;
  text: string;
  yaml: string;
  /** 1-based line in `text` where `yaml` starts. */
  yamlLine: number;
  body: string;
  bodyLine: number;
}

const fullCache = new WeakMap<SourceDoc, FullYaml>();
const outlineCache = new WeakMap<SourceDoc, BodyOutline>();

/**
 * The exact parse, done lazily: the fast path never needs positions unless something is wrong.
 * YAML over the length limit is never parsed (`yaml-too-large` says so), and has no positions.
 */
export function fullYaml(doc: SourceDoc): FullYaml {
  let full = fullCache.get(doc);
  if (!full) {
    full = parseFull(doc.yaml.length > MAX_YAML_LENGTH ? '' : doc.yaml);
    fullCache.set(doc, full);
  }
  return full;
}

/** The parsed body; empty for a body past the limits, which the parser could take minutes over. */
export function outline(doc: SourceDoc): BodyOutline {
  let result = outlineCache.get(doc);
  if (!result) {
    result = bodyLimits(doc).length > 0 ? outlineBody('') : outlineBody(doc.body);
    outlineCache.set(doc, result);
  }
  return result;
}

/** Where a front matter path is in the file; the opening `---` when the path is not there at all. */
export function spanOf(doc: SourceDoc, path: readonly PropertyKey[]): Span {
  const found = path.length === 0 ? undefined : locate(fullYaml(doc), path);
  if (!found) {
    const line = Math.max(1, doc.yamlLine - 1);
    return { line, column: 1, endLine: line, endColumn: doc.yamlLine > 1 ? 4 : 1 };
  }
  const offset = doc.yamlLine - 1;
  return { line: found.line + offset, column: found.column, endLine: found.endLine + offset, endColumn: found.endColumn };
}

export function offsetSpan(span: Span, lines: number): Span {
  return { ...span, line: span.line + lines, endLine: span.endLine + lines };
}
