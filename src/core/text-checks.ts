import type { Span } from './diagnostics.ts';

/**
 * C0 and C1 control characters other than tab and line breaks, and the bidirectional overrides
 * that can make a pull request's text read differently from what it says.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Makes text safe to print on one line of a terminal or log: control characters and line breaks
 * become visible symbols (`␤` for a line break), so quoted content can never start a line of its
 * own — where a CI runner would read it as a command.
 */
export function visible(text: string): string {
  return text
    .replace(CONTROL, (c) => {
      const code = c.codePointAt(0)!;
      return code < 0x20 ? String.fromCodePoint(0x2400 + code) : code === 0x7f ? '\u2421' : '\uFFFD';
    })
    .replace(/\r\n|[\n\r\u2028\u2029]/g, '\u2424');
}

export interface ControlCharacter extends Span {
  codePoint: number;
}

export function findControlCharacters(text: string): ControlCharacter[] {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return [];
  CONTROL.lastIndex = 0;
  const found: ControlCharacter[] = [];
  const starts = lineStarts(text);
  for (const match of text.matchAll(CONTROL)) {
    const { line, column } = positionAt(starts, match.index);
    found.push({ line, column, endLine: line, endColumn: column + 1, codePoint: match[0].codePointAt(0)! });
  }
  return found;
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset, by binary search over line starts. */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}
