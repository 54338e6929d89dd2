import { Composer, Parser, type Document, type LineCounter } from 'yaml';
import type { Span } from '../../diagnostics/diagnostics.ts';
import type { YamlProblem } from './full.ts';

// Front matter is one YAML document. The library reads a stream of them, and, silenced, says
// nothing about any but the first.

/**
 * The first document of the stream, and the offset where a second one starts, if any. This is
 * `parseDocument` without its `logLevel: 'silent'` blind spot: silenced, it drops every later
 * document without a word, so `visibility: private` after a `...` line vanished.
 */
export function firstDocument(
  text: string,
  lines: LineCounter,
  options: ConstructorParameters<typeof Composer>[0],
): { doc: Document.Parsed; next: number | undefined } {
  const composer = new Composer(options);
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
export function extraDocument(
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
