import { VOID_ELEMENTS } from './html-allowlist.ts';

/**
 * What a Markdown body may be, for the check that reports it and the renderer that refuses to
 * parse anything else: the Markdown engine has paths that grow with the square of the input, so
 * one pull request could otherwise stall the site's build for minutes.
 */

/**
 * At most this many characters (UTF-16 code units). Real write-ups are 1–3,000; the engine's
 * worst known inputs (a paragraph of character references, a word of `_`) take a few hundred ms
 * here and seconds at five times the size; bench/markdown.ts measures them.
 */
export const MAX_BODY_LENGTH = 20_000;

/**
 * Block quotes and list items may nest this deep, and raw HTML elements as deep again. Real bodies
 * nest a handful of levels; the engine's time grows with the depth on every line.
 */
export const MAX_BODY_DEPTH = 32;

export type BodyLimitProblem =
  | { kind: 'length'; length: number; offset: number }
  /** `offset` is the marker or tag that goes one level past the limit. */
  | { kind: 'depth'; nesting: 'markdown' | 'html'; offset: number };

/** The limits; `depth` other than MAX_BODY_DEPTH only to test the scan against the parser on small bodies. */
const LIMITS = { length: MAX_BODY_LENGTH, depth: MAX_BODY_DEPTH };

/**
 * Every limit the body breaks, each at the first place it breaks it. Linear passes that look at
 * the start of each line and at each `<`, cheap enough to run on every body before any parse.
 */
export function bodyLimitProblems(body: string, limits = LIMITS): BodyLimitProblem[] {
  const problems: BodyLimitProblem[] = [];
  if (body.length > limits.length) problems.push({ kind: 'length', length: body.length, offset: limits.length });
  const markdown = markdownDepth(body, limits.depth);
  const html = htmlDepth(body, limits.depth);
  const depth = markdown && html ? (markdown.offset <= html.offset ? markdown : html) : (markdown ?? html);
  if (depth) problems.push(depth);
  return problems;
}

/**
 * The first block quote or list marker nested past the limit. It follows CommonMark's first pass
 * over the lines: which open quotes and list items a line continues (a `>` for a quote, enough
 * indentation for an item), which it closes, and which it opens. It reads only the start of each
 * line and the open containers, which the limit bounds, so it stays linear. Where it cannot tell
 * without parsing more (is this line a paragraph's lazy continuation? is this `-` in code?), it
 * keeps the containers open and counts the marker: it may count too many levels, never too few.
 */
function markdownDepth(body: string, limit: number): BodyLimitProblem | undefined {
  if (!hasMarkers(body, limit + 1)) return undefined;
  // Open containers, outermost first: a quote, or a list item and the indentation its lines need.
  const open: ({ quote: true } | { quote: false; need: number })[] = [];
  let afterText = false;
  for (let start = 0; start < body.length;) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    const lineEnd = body.charCodeAt(end - 1) === 13 ? end - 1 : end;
    // Most lines are prose outside any container: nothing to continue, nothing to open.
    if (open.length === 0 && !mayOpen(body.charCodeAt(start))) {
      afterText = start < lineEnd;
      start = end + 1;
      continue;
    }
    const line = new LineCursor(body, start, lineEnd);
    let matched = 0;
    for (; matched < open.length; matched++) {
      const container = open[matched]!;
      if (container.quote) {
        if (line.indent() > 3 || body.charCodeAt(line.afterIndent) !== 62 /* > */) break;
        line.skip(line.indent());
        line.quoteMarker();
      } else if (!line.blank()) {
        if (line.indent() < container.need) break;
        line.skip(container.need);
      }
    }
    if (matched < open.length && !(afterText && mayBeLazy(body, line, lineEnd))) open.length = matched;
    for (;;) {
      const indent = line.indent();
      const at = line.afterIndent;
      if (body.charCodeAt(at) === 62) {
        line.skip(indent);
        line.quoteMarker();
        open.push({ quote: true });
      } else {
        const width = listMarker(body, at, lineEnd);
        if (width === 0) break;
        line.skip(indent);
        line.skip(width);
        const spaces = line.indent();
        // CommonMark: 1–4 columns after the marker set where its content starts; more is code
        // inside it, and an item that starts empty has its content one column past the marker.
        const gap = spaces === 0 || spaces > 4 || line.blank() ? 1 : spaces;
        open.push({ quote: false, need: indent + width + gap });
        if (gap === spaces) line.skip(gap);
      }
      if (open.length > limit) return { kind: 'depth', nesting: 'markdown', offset: at };
    }
    afterText = !line.blank();
    start = end + 1;
  }
  return undefined;
}

const ORDERED = /\d[.)]/g;

/**
 * Whether the body has `count` characters that could open a quote or a list item (`>`, `-`, `*`,
 * `+`, a digit then `.` or `)`) anywhere. Every level of nesting takes one, so a body with fewer
 * cannot nest too deep; most bodies are done with a few native searches.
 */
function hasMarkers(body: string, count: number): boolean {
  let found = 0;
  for (const marker of ['>', '-', '*', '+']) {
    for (let i = body.indexOf(marker); i !== -1; i = body.indexOf(marker, i + 1)) if (++found >= count) return true;
  }
  ORDERED.lastIndex = 0;
  while (ORDERED.exec(body)) if (++found >= count) return true;
  return false;
}

/** Whether a line starting with this character may open a quote or a list item. */
function mayOpen(c: number): boolean {
  return c === 32 || c === 9 || c === 62 /* > */ || c === 45 /* - */ || c === 42 /* * */ || c === 43 /* + */ || isDigit(c);
}

/**
 * Whether a line that does not continue every open container may be a lazy continuation of the
 * paragraph before it, which keeps them open. A blank line, a quote or a list item never is: the
 * rule that `2.` or an empty item cannot interrupt a paragraph applies only inside the paragraph's
 * own container, which such a line has left.
 */
function mayBeLazy(body: string, line: LineCursor, lineEnd: number): boolean {
  if (line.blank()) return false;
  const indent = line.indent();
  const at = line.afterIndent;
  return indent > 3 || (body.charCodeAt(at) !== 62 /* > */ && listMarker(body, at, lineEnd) === 0);
}

/** A position in one line, counting columns as CommonMark does: a tab to the next multiple of 4. */
class LineCursor {
  private readonly body: string;
  private readonly end: number;
  private pos: number;
  private column = 0;
  /** Columns of a tab that a step took only part of. */
  private spare = 0;
  /** Where the whitespace measured by the last `indent()` ends. */
  afterIndent = 0;

  constructor(body: string, start: number, end: number) {
    this.body = body;
    this.pos = start;
    this.end = end;
  }

  /** Columns of whitespace from here, without moving. */
  indent(): number {
    let columns = this.spare;
    let column = this.column;
    let i = this.pos;
    for (; i < this.end; i++) {
      const c = this.body.charCodeAt(i);
      if (c === 32) {
        columns++;
        column++;
      } else if (c === 9) {
        columns += 4 - (column % 4);
        column += 4 - (column % 4);
      } else break;
    }
    this.afterIndent = i;
    return columns;
  }

  blank(): boolean {
    this.indent();
    return this.afterIndent >= this.end;
  }

  /** Moves past `columns` columns of whitespace or marker characters. */
  skip(columns: number): void {
    let left = columns;
    const spare = Math.min(this.spare, left);
    this.spare -= spare;
    left -= spare;
    while (left > 0 && this.pos < this.end) {
      const width = this.body.charCodeAt(this.pos) === 9 ? 4 - (this.column % 4) : 1;
      this.pos++;
      this.column += width;
      if (width > left) this.spare = width - left;
      left -= Math.min(width, left);
    }
  }

  /** Moves past a `>` and the one space (or tab column) after it that belongs to the marker. */
  quoteMarker(): void {
    this.skip(1);
    if (this.indent() > 0) this.skip(1);
  }
}

const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*\r?$/;

/** The width of a list marker (`-`, `*`, `+`, `1.`, `1)`) at `i`, or 0. */
function listMarker(body: string, i: number, end: number): number {
  const c = body.charCodeAt(i);
  let width = 0;
  if (c === 45 /* - */ || c === 42 /* * */ || c === 43 /* + */) width = 1;
  else {
    while (width < 9 && isDigit(body.charCodeAt(i + width))) width++;
    const delimiter = body.charCodeAt(i + width);
    if (width === 0 || (delimiter !== 46 /* . */ && delimiter !== 41) /* ) */) return 0;
    width++;
  }
  const after = body.charCodeAt(i + width);
  if (i + width < end && after !== 32 && after !== 9 && after !== 13) return 0;
  // `- - -` is a thematic break, not three lists: worth a look only if the next mark is the
  // same. The scan stops reading a line past the depth limit, so the look is taken at most that
  // many times on one line.
  if (width === 1 && c !== 43) {
    let next = i + 1;
    while (body.charCodeAt(next) === 32 || body.charCodeAt(next) === 9) next++;
    if (body.charCodeAt(next) === c && THEMATIC_BREAK.test(body.slice(i, end))) return 0;
  }
  return width;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>]|$)/y;
// Start tags that close an open element of these names first, as the HTML parser does; without
// this, thirty-three `<li>` or `<p>` left open would count as nesting.
const CLOSES: Record<string, readonly string[]> = {
  p: ['p'],
  li: ['li', 'p'],
  dt: ['dt', 'dd', 'p'],
  dd: ['dt', 'dd', 'p'],
  option: ['option'],
  optgroup: ['option', 'optgroup'],
};
// Elements an end tag does not close past, as in HTML's "has an element in scope".
const SCOPE = new Set('applet caption html table td th marquee object template svg math'.split(' '));
const SCOPE_OF: Record<string, ReadonlySet<string>> = {
  li: new Set([...SCOPE, 'ol', 'ul']),
  p: new Set([...SCOPE, 'button']),
};
const FORMATTING = new Set('a b big code em font i nobr s small strike strong tt u'.split(' '));
// Elements that start a fresh list of formatting elements, which their end restores.
const MARKERS = new Set('applet caption marquee object template td th'.split(' '));
// Table parts, which HTML ignores outside a table, and where in a table each may go.
const TABLE_CONTEXT: Record<string, ReadonlySet<string>> = {
  tbody: new Set(['table']),
  thead: new Set(['table']),
  tfoot: new Set(['table']),
  caption: new Set(['table']),
  tr: new Set(['table', 'tbody', 'thead', 'tfoot']),
  td: new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']),
  th: new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']),
};

/**
 * The first raw HTML start tag nested past the limit. It reads every `<name` and `</name` in the
 * body, in code or not, and never searches for where a tag ends, so it stays linear on any input.
 * It follows what decides depth in HTML's tree builder, erring on the deep side: the stack of open
 * elements (an end tag closes what it is in scope of; `<li>` and `<p>` close the one before; table
 * cells get their row and body), and the formatting elements (`<b>`, `<i>`…), which HTML opens
 * again inside every later element until their own end tag, however the elements around them
 * were closed: one counts from its start tag to its end tag. HTML ignores `/>` on its own
 * elements, so a self-closed `<div/>` opens one here too. tests/core/body-limits.test.ts holds it
 * to the parser's trees.
 */
function htmlDepth(body: string, limit: number): BodyLimitProblem | undefined {
  const open: string[] = [];
  // The formatting elements not yet ended, with the depth of the stack they were opened at, and
  // null for a marker.
  const formatting: ({ name: string; at: number } | null)[] = [];
  let active = 0;
  const popTo = (length: number) => {
    while (open.length > length) {
      if (!MARKERS.has(open.pop()!)) continue;
      while (formatting.length > 0 && formatting[formatting.length - 1] !== null) {
        formatting.pop();
        active--;
      }
      formatting.pop();
    }
  };
  /** Ends the last formatting element of that name since the last marker, unless a table opened since hides it. */
  const endFormatting = (name: string) => {
    for (let at = formatting.length - 1; at >= 0; at--) {
      const entry = formatting[at];
      if (entry === null || entry === undefined) return;
      if (entry.name !== name) continue;
      for (let inner = entry.at; inner < open.length; inner++) if (inScope(SCOPE, open[inner]!)) return;
      formatting.splice(at, 1);
      active--;
      return;
    }
  };
  for (let i = body.indexOf('<'); i !== -1; i = body.indexOf('<', i + 1)) {
    TAG.lastIndex = i;
    const match = TAG.exec(body);
    if (!match) continue;
    const name = match[2]!.toLowerCase();
    if (match[1] === '/') {
      if (FORMATTING.has(name)) {
        endFormatting(name);
        continue;
      }
      const scope = SCOPE_OF[name] ?? SCOPE;
      let at = open.length - 1;
      while (at >= 0 && open[at] !== name && !inScope(scope, open[at]!)) at--;
      if (at >= 0 && open[at] === name) popTo(at);
      continue;
    }
    if (VOID_ELEMENTS.has(name)) continue;
    if (FORMATTING.has(name)) {
      // A new `<a>` ends the one before only where no table stands between them: not counted.
      formatting.push({ name, at: open.length });
      active++;
    } else {
      const context = TABLE_CONTEXT[name];
      const table = context ? open.lastIndexOf('table') : -1;
      if (context && table !== -1) {
        // Back to where the part may go, adding the body and row HTML puts around a bare cell.
        let at = open.length - 1;
        while (at > table && !context.has(open[at]!)) at--;
        popTo(at + 1);
        if ((name === 'tr' || name === 'td' || name === 'th') && open[at] === 'table') open.push('tbody');
        if ((name === 'td' || name === 'th') && open[open.length - 1] !== 'tr') open.push('tr');
      }
      const closes = CLOSES[name];
      while (closes && open.length > 0 && closes.includes(open[open.length - 1]!)) popTo(open.length - 1);
      // Outside a table, HTML ignores a table part, or keeps it as it is where the body starts
      // with one: counted, as a boundary end tags stop at, but not as a marker.
      open.push(context && table === -1 ? `#${name}` : name);
      if (MARKERS.has(name) && !(context && table === -1)) formatting.push(null);
    }
    if (open.length + active > limit) return { kind: 'depth', nesting: 'html', offset: i };
  }
  return undefined;
}

function inScope(scope: ReadonlySet<string>, element: string): boolean {
  return scope.has(element) || element.startsWith('#');
}
