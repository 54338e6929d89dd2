import type { BodyLimitProblem } from './body-limits.ts';

/**
 * The first block quote or list marker nested past the limit. It follows CommonMark's first pass
 * over the lines: which open quotes and list items a line continues (a `>` for a quote, enough
 * indentation for an item), which it closes, and which it opens. It reads only the start of each
 * line and the open containers, which the limit bounds, so it stays linear. Where it cannot tell
 * without parsing more (is this line a paragraph's lazy continuation? is this `-` in code?), it
 * keeps the containers open and counts the marker: it may count too many levels, never too few.
 */
export function markdownDepth(body: string, limit: number): BodyLimitProblem | undefined {
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
