/**
 * A fast parser for the small YAML subset that front matter actually uses.
 *
 * The full `yaml` parser (see full.ts) is the reference and costs about a quarter of a millisecond
 * per file, which is most of the budget for checking ten thousand files. This parser accepts only
 * inputs whose meaning it is certain of and answers {@link BAIL} for everything else, so the caller
 * falls back to the reference for the value and for the error messages. The rule it is held to by
 * the differential fuzz test (tests/core/yaml-fast.test.ts): a non-BAIL result is deep-equal to what
 * the reference yields, and the reference reports no error or warning for that input. Bailing too
 * often only costs speed; a wrong value would let a malformed file pass validation.
 *
 * The subset: block mappings with identifier keys, block sequences (including `- key: value`
 * compact mappings), one-line flow sequences of scalars, `{}`, one-line plain and quoted scalars
 * resolved by the YAML 1.2 core schema, comments, blank lines, LF and CRLF line ends.
 */

/** Returned when the input is outside the fast subset; the caller must use the full parser. */
export const BAIL: unique symbol = Symbol('throughline.yaml.bail');

/** Far deeper than any front matter; it keeps hostile nesting from exhausting the stack. */
const MAX_DEPTH = 64;

/** The reference checks implicit keys against 1024 characters (KEY_OVER_1024_CHARS); stay clear. */
const MAX_KEY_LENGTH = 1000;

/**
 * Keys that would touch Object.prototype on assignment, or that the reference turns into other
 * strings (`null:` becomes the key "", `True:` becomes "true"), or whose duplicates it detects by
 * resolved value (`true:` and `TRUE:` collide). Rare enough to leave to the reference.
 */
const SPECIAL_KEYS = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
]);

// The reference's core-schema tests, copied from yaml/dist/schema/core so that resolution agrees
// by construction, and tried in the reference's order (null and bool are handled inline first).
const INT_OCT = /^0o[0-7]+$/;
const INT_DEC = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const SPACE = 0x20;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const COMMA = 0x2c;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const BACKSLASH = 0x5c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;

// Cursor over the current content line (comment and blank lines are skipped by advance()). Module
// state rather than a context object: parsing is synchronous and never re-entered, and plain
// variables keep the hot loop free of allocations and property lookups.
let src = '';
/** Offset where the line after the current one starts. */
let nextLine = 0;
/** Indentation of the current line, or -1 at the end of input so every collection closes. */
let indent = -1;
/** Offset of the first non-space character of the current line. */
let start = 0;
/** Offset just past the current line's content, before any `\r\n` or `\n`. */
let end = 0;

export function parseFast(text: string): unknown {
  src = text;
  nextLine = 0;
  let value: unknown = BAIL;
  if (advance()) {
    if (indent < 0) value = null;
    else {
      value = parseNode(0);
      // Anything left over, e.g. a root mapping followed by a less indented line, is an error.
      if (indent !== -1) value = BAIL;
    }
  }
  src = '';
  return value;
}

/**
 * Moves to the next line that holds content, checking every character on the way: tabs, lone
 * carriage returns, control characters and the Unicode characters YAML treats specially (NEL, line
 * and paragraph separators, byte order marks) all bail. Returns false to bail.
 */
function advance(): boolean {
  const len = src.length;
  let pos = nextLine;
  while (pos < len) {
    let p = pos;
    while (p < len && src.charCodeAt(p) === SPACE) p++;
    let q = p;
    let lineEnd = len;
    let after = len;
    while (q < len) {
      const c = src.charCodeAt(q);
      if (c < SPACE) {
        if (c === LF) {
          lineEnd = q;
          after = q + 1;
          break;
        }
        if (c === CR && src.charCodeAt(q + 1) === LF) {
          lineEnd = q;
          after = q + 2;
          break;
        }
        return false;
      }
      if (c >= 0x7f && (c <= 0x9f || c === 0x2028 || c === 0x2029 || c === 0xfeff || c >= 0xfffe)) return false;
      q++;
    }
    if (p < lineEnd && src.charCodeAt(p) !== HASH) {
      indent = p - pos;
      start = p;
      end = lineEnd;
      nextLine = after;
      return true;
    }
    pos = after;
  }
  indent = -1;
  start = len;
  end = len;
  nextLine = len;
  return true;
}

/** A block collection starting on the current line, at its indentation. */
function parseNode(depth: number): unknown {
  return isSeqItem(start) ? parseSeq(indent, depth) : parseMap(indent, start, depth);
}

/** `-` followed by a space or the end of the line; `-5` and `---` are not items. */
function isSeqItem(p: number): boolean {
  return src.charCodeAt(p) === DASH && (p + 1 === end || src.charCodeAt(p + 1) === SPACE);
}

/**
 * A block mapping whose keys sit at column `col`. The first key starts at `keyPos`, which is past
 * the `- ` of a sequence item for a compact mapping and the line's first character otherwise.
 */
function parseMap(col: number, keyPos: number, depth: number): unknown {
  if (depth > MAX_DEPTH) return BAIL;
  const map: Record<string, unknown> = {};
  for (;;) {
    if (!parseEntry(map, col, keyPos, depth)) return BAIL;
    if (indent < col) return map;
    // Deeper than the keys yet not consumed by a value: after a one-line value that would continue
    // a multi-line scalar, after a nested block it is indentation matching no level; both bail.
    if (indent > col) return BAIL;
    keyPos = start;
  }
}

/** One `key: value` entry starting at `keyPos` on the current line. Returns false to bail. */
function parseEntry(map: Record<string, unknown>, col: number, keyPos: number, depth: number): boolean {
  const keyEnd = scanKey(keyPos);
  if (keyEnd < 0 || keyEnd - keyPos > MAX_KEY_LENGTH) return false;
  const key = src.slice(keyPos, keyEnd);
  if (SPECIAL_KEYS.has(key) || Object.hasOwn(map, key)) return false;
  let p = keyEnd + 1;
  while (p < end && src.charCodeAt(p) === SPACE) p++;
  let value: unknown;
  if (p === end || src.charCodeAt(p) === HASH) {
    if (!advance()) return false;
    if (indent > col) value = parseNode(depth + 1);
    // YAML lets a sequence that is a mapping value sit at the key's own indentation.
    else if (indent === col && isSeqItem(start)) value = parseSeq(col, depth + 1);
    else value = null;
  } else {
    value = parseInline(p);
    if (value === BAIL || !advance()) return false;
  }
  if (value === BAIL) return false;
  map[key] = value;
  return true;
}

/**
 * The end of an identifier key at `p` that is followed by `:` and then a space or the end of the
 * line, or -1. Keys are `[A-Za-z_][A-Za-z0-9_-]*`: nothing the core schema could read as a number,
 * and nothing that needs quoting.
 */
function scanKey(p: number): number {
  const c = src.charCodeAt(p);
  if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f)) return -1;
  let q = p + 1;
  while (q < end) {
    const k = src.charCodeAt(q);
    if ((k >= 0x61 && k <= 0x7a) || (k >= 0x41 && k <= 0x5a) || (k >= 0x30 && k <= 0x39) || k === 0x5f || k === DASH) q++;
    else break;
  }
  if (src.charCodeAt(q) !== COLON || q >= end) return -1;
  if (q + 1 < end && src.charCodeAt(q + 1) !== SPACE) return -1;
  return q;
}

/** A block sequence whose `-` indicators sit at column `col`; the current line is its first item. */
function parseSeq(col: number, depth: number): unknown {
  if (depth > MAX_DEPTH) return BAIL;
  const seq: unknown[] = [];
  for (;;) {
    let p = start + 1;
    while (p < end && src.charCodeAt(p) === SPACE) p++;
    let item: unknown;
    if (p === end || src.charCodeAt(p) === HASH) {
      if (!advance()) return BAIL;
      item = indent > col ? parseNode(depth + 1) : null;
    } else if (isSeqItem(p)) {
      // `- - a`: a compact nested sequence; rare, and its indentation rules are subtle.
      return BAIL;
    } else if (scanKey(p) >= 0) {
      item = parseMap(col + (p - start), p, depth + 1);
    } else {
      item = parseInline(p);
      if (item === BAIL || !advance()) return BAIL;
    }
    if (item === BAIL) return BAIL;
    seq.push(item);
    if (indent < col) return seq;
    // As in parseMap: a continuation line or indentation matching no level.
    if (indent > col) return BAIL;
    // A key at the sequence's indentation ends it: it belongs to the mapping the sequence is in.
    if (!isSeqItem(start)) return seq;
  }
}

/** A value that fits on the rest of the current line, from `p` (not a space, not `#`). */
function parseInline(p: number): unknown {
  const c = src.charCodeAt(p);
  if (c === DQUOTE || c === SQUOTE) {
    const close = scanQuoted(p, c);
    if (close < 0 || !onlyCommentAfter(close + 1)) return BAIL;
    return quotedValue(p, close, c);
  }
  if (c === LBRACKET) return parseFlowSeq(p);
  if (c === LBRACE) {
    let q = p + 1;
    while (q < end && src.charCodeAt(q) === SPACE) q++;
    if (src.charCodeAt(q) !== RBRACE || q >= end || !onlyCommentAfter(q + 1)) return BAIL;
    return {};
  }
  if (!isPlainStart(c, p)) return BAIL;
  let last = p + 1;
  for (let q = p + 1; q < end; q++) {
    const k = src.charCodeAt(q);
    if (k === SPACE) continue;
    // `a: b` and a trailing `a:` would make this an implicit key: an error in the reference.
    if (k === COLON && (q + 1 === end || src.charCodeAt(q + 1) === SPACE)) return BAIL;
    if (k === HASH && src.charCodeAt(q - 1) === SPACE) break;
    last = q + 1;
  }
  return resolvePlain(src.slice(p, last));
}

/**
 * Whether a plain scalar may start with `c`: no indicator characters at all, except `-` before a
 * digit or `.` so that negative numbers stay on the fast path.
 */
function isPlainStart(c: number, p: number): boolean {
  switch (c) {
    case DASH: {
      const n = src.charCodeAt(p + 1);
      return p + 1 < end && ((n >= 0x30 && n <= 0x39) || n === 0x2e);
    }
    case 0x3f: // ?
    case COLON:
    case COMMA:
    case LBRACKET:
    case RBRACKET:
    case LBRACE:
    case RBRACE:
    case HASH:
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case SQUOTE:
    case DQUOTE:
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
      return false;
    default:
      return true;
  }
}

/**
 * The offset of the closing quote of a one-line quoted scalar opening at `p`, or -1. Double-quoted
 * scalars with escapes bail: decoding `\` sequences exactly is not worth the risk here.
 */
function scanQuoted(p: number, quote: number): number {
  for (let q = p + 1; q < end; q++) {
    const k = src.charCodeAt(q);
    if (k === quote) {
      if (quote === SQUOTE && src.charCodeAt(q + 1) === SQUOTE && q + 1 < end) {
        q++;
        continue;
      }
      return q;
    }
    if (k === BACKSLASH && quote === DQUOTE) return -1;
  }
  return -1;
}

function quotedValue(p: number, close: number, quote: number): string {
  const raw = src.slice(p + 1, close);
  return quote === SQUOTE && raw.includes("''") ? raw.replaceAll("''", "'") : raw;
}

/** Whether only spaces and a comment (which needs a space before its `#`) follow `p`. */
function onlyCommentAfter(p: number): boolean {
  const from = p;
  while (p < end && src.charCodeAt(p) === SPACE) p++;
  return p === end || (p > from && src.charCodeAt(p) === HASH);
}

/** A flow sequence of scalars that opens and closes on the current line, `[` at `p`. */
function parseFlowSeq(p: number): unknown {
  const seq: unknown[] = [];
  p++;
  for (;;) {
    while (p < end && src.charCodeAt(p) === SPACE) p++;
    if (p >= end) return BAIL;
    let c = src.charCodeAt(p);
    // Right after `[` or after a comma: `[]` and the trailing comma of `[a, b,]` (both fine in YAML).
    if (c === RBRACKET) {
      p++;
      break;
    }
    if (c === DQUOTE || c === SQUOTE) {
      const close = scanQuoted(p, c);
      if (close < 0) return BAIL;
      seq.push(quotedValue(p, close, c));
      p = close + 1;
    } else {
      // Also refuses `,` (an empty entry is an error) and `#` (a comment inside the brackets).
      if (!isPlainStart(c, p)) return BAIL;
      let q = p + 1;
      let last = q;
      for (; q < end; q++) {
        const k = src.charCodeAt(q);
        if (k === COMMA || k === RBRACKET) break;
        if (k === SPACE) continue;
        if (k === LBRACKET || k === LBRACE || k === RBRACE) return BAIL;
        if (k === COLON) {
          // `[a: b]` and `[a:]` are single-pair mappings; `[http://x]` is a plain scalar.
          const n = src.charCodeAt(q + 1);
          if (q + 1 >= end || n === SPACE || n === COMMA || n === RBRACKET) return BAIL;
        }
        // A comment would leave the sequence unclosed on this line.
        if (k === HASH && src.charCodeAt(q - 1) === SPACE) return BAIL;
        last = q + 1;
      }
      seq.push(resolvePlain(src.slice(p, last)));
      p = q;
    }
    while (p < end && src.charCodeAt(p) === SPACE) p++;
    if (p >= end) return BAIL;
    c = src.charCodeAt(p);
    p++;
    if (c === RBRACKET) break;
    if (c !== COMMA) return BAIL;
  }
  return onlyCommentAfter(p) ? seq : BAIL;
}

/**
 * A plain scalar's value under the core schema, computed with the reference's own tests and
 * conversions (parseInt/parseFloat), so `012` is 12, `-0` is -0 and `9007199254740993` rounds the
 * same way. Only strings starting with a character some tag can match need the tests.
 */
function resolvePlain(s: string): unknown {
  switch (s.charCodeAt(0)) {
    case 0x7e: // ~
      return s.length === 1 ? null : s;
    case 0x6e: // n
    case 0x4e: // N
      return s === 'null' || s === 'Null' || s === 'NULL' ? null : s;
    case 0x74: // t
    case 0x54: // T
      return s === 'true' || s === 'True' || s === 'TRUE' ? true : s;
    case 0x66: // f
    case 0x46: // F
      return s === 'false' || s === 'False' || s === 'FALSE' ? false : s;
    case 0x2b: // +
    case DASH:
    case 0x2e: // .
    case 0x30:
    case 0x31:
    case 0x32:
    case 0x33:
    case 0x34:
    case 0x35:
    case 0x36:
    case 0x37:
    case 0x38:
    case 0x39:
      if (INT_OCT.test(s)) return parseInt(s.slice(2), 8);
      if (INT_DEC.test(s)) return parseInt(s, 10);
      if (INT_HEX.test(s)) return parseInt(s.slice(2), 16);
      if (FLOAT_NAN.test(s)) {
        if (s.endsWith('nan') || s.endsWith('NaN') || s.endsWith('NAN')) return NaN;
        return s.charCodeAt(0) === DASH ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      }
      if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
      return s;
    default:
      return s;
  }
}
