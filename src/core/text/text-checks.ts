import type { Span } from '../diagnostics/diagnostics.ts';

/**
 * C0 and C1 control characters other than tab and line breaks, and the bidirectional overrides
 * that can make a pull request's text read differently from what it says.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

const HTML_SPECIAL = /[&<>]/;

/**
 * Text as HTML shows it: `&`, `<` and `>` escaped. The one escape for the site's renderer and the
 * pull-request report. Quotes stay as they are: attribute values escape `"` themselves.
 */
export function escapeHtml(text: string): string {
  // Most text has nothing to escape; three passes over a body's every word add up.
  if (!HTML_SPECIAL.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

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

/**
 * The same characters in a parsed value, and carriage returns too: YAML turns the file's line
 * ends into `\n`, so a value holds a `\r` only if an escape wrote one, and in a terminal it sends
 * the cursor back over the text before it.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_VALUE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** The control characters of a parsed value, each once, in order. */
export function controlCharactersIn(value: string): number[] {
  if (!CONTROL_IN_VALUE.test(value)) return [];
  const found = new Set<number>();
  for (const c of value) if (CONTROL_IN_VALUE.test(c)) found.add(c.codePointAt(0)!);
  return [...found];
}

// prettier-ignore
const C0 = [
  'NULL', 'START OF HEADING', 'START OF TEXT', 'END OF TEXT', 'END OF TRANSMISSION', 'ENQUIRY', 'ACKNOWLEDGE', 'BELL',
  'BACKSPACE', 'CHARACTER TABULATION', 'LINE FEED', 'LINE TABULATION', 'FORM FEED', 'CARRIAGE RETURN', 'SHIFT OUT',
  'SHIFT IN', 'DATA LINK ESCAPE', 'DEVICE CONTROL ONE', 'DEVICE CONTROL TWO', 'DEVICE CONTROL THREE',
  'DEVICE CONTROL FOUR', 'NEGATIVE ACKNOWLEDGE', 'SYNCHRONOUS IDLE', 'END OF TRANSMISSION BLOCK', 'CANCEL',
  'END OF MEDIUM', 'SUBSTITUTE', 'ESCAPE', 'INFORMATION SEPARATOR FOUR', 'INFORMATION SEPARATOR THREE',
  'INFORMATION SEPARATOR TWO', 'INFORMATION SEPARATOR ONE',
];
// prettier-ignore
const C1 = [
  'PADDING CHARACTER', 'HIGH OCTET PRESET', 'BREAK PERMITTED HERE', 'NO BREAK HERE', 'INDEX', 'NEXT LINE',
  'START OF SELECTED AREA', 'END OF SELECTED AREA', 'CHARACTER TABULATION SET',
  'CHARACTER TABULATION WITH JUSTIFICATION', 'LINE TABULATION SET', 'PARTIAL LINE FORWARD', 'PARTIAL LINE BACKWARD',
  'REVERSE LINE FEED', 'SINGLE SHIFT TWO', 'SINGLE SHIFT THREE', 'DEVICE CONTROL STRING', 'PRIVATE USE ONE',
  'PRIVATE USE TWO', 'SET TRANSMIT STATE', 'CANCEL CHARACTER', 'MESSAGE WAITING', 'START OF GUARDED AREA',
  'END OF GUARDED AREA', 'START OF STRING', 'SINGLE GRAPHIC CHARACTER INTRODUCER', 'SINGLE CHARACTER INTRODUCER',
  'CONTROL SEQUENCE INTRODUCER', 'STRING TERMINATOR', 'OPERATING SYSTEM COMMAND', 'PRIVACY MESSAGE',
  'APPLICATION PROGRAM COMMAND',
];
const BIDI: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** `U+202E RIGHT-TO-LEFT OVERRIDE`: the code point and its Unicode name (or alias, for C1). */
export function characterName(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name =
    codePoint < 0x20
      ? C0[codePoint]
      : codePoint === 0x7f
        ? 'DELETE'
        : codePoint < 0xa0 && codePoint >= 0x80
          ? C1[codePoint - 0x80]
          : BIDI[codePoint];
  return name === undefined ? hex : `${hex} ${name}`;
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
