import { markdownToMdast, type MdastNode } from 'satteri';
import { scanRawHtml, type HtmlFragment, type UnclosedHtml } from './raw-html.ts';
import { lineStarts, positionAt } from '../text/text-checks.ts';

export interface BodyHeading {
  depth: number;
  text: string;
  line: number;
}

export interface BodyLink {
  url: string;
  line: number;
  column: number;
  endColumn: number;
  kind: 'link' | 'image' | 'definition';
}

export interface BodyOutline {
  /** The headings the page shows: not those inside an element the site drops with its content. */
  headings: BodyHeading[];
  /** The headings inside such an element, and its name. */
  hiddenHeadings: (BodyHeading & { element: string })[];
  links: BodyLink[];
  /** Raw HTML that the site will drop; positions are relative to the body. */
  html: (HtmlFragment & { line: number; column: number; endColumn: number; value: string; footnote: boolean; inline: boolean })[];
  /**
   * Raw HTML left open that would hide the rest of the body (see `scanRawHtml`); `inline` when in
   * a paragraph, heading or cell: a complete tag, which the engine reads the same once escaped.
   */
  unclosed: (UnclosedHtml & { line: number; column: number; inline: boolean })[];
}

/**
 * The parts of a body that rules look at, parsed with the same Markdown engine (satteri) that
 * Astro renders with, so a link the check accepts is the link the page shows.
 */
export function outlineBody(body: string): BodyOutline {
  const outline: BodyOutline = { headings: [], hiddenHeadings: [], links: [], html: [], unclosed: [] };
  if (body.trim() === '') return outline;
  const tree = markdownToMdast(body, { features: { frontmatter: false } });
  const headings = walk(tree, outline);
  outline.headings = headings.map(({ heading }) => heading);
  if (outline.html.length === 0) return outline;
  // Footnotes go to the end of the page, in a list of their own: their HTML cannot close what
  // the body opens, nor hide anything but later footnotes.
  const notes = scanRawHtml(
    body,
    outline.html.filter((html) => html.footnote),
  );
  const main = scanRawHtml(
    body,
    outline.html.filter((html) => !html.footnote),
  );
  const unclosed = [...main.unclosed, ...notes.unclosed].sort((a, b) => a.offset - b.offset);
  const hidden = [...main.hidden, ...notes.hidden];
  const starts = lineStarts(body);
  // Both in document order: the fragment each is in, in one pass.
  let f = 0;
  outline.unclosed = unclosed.map((html) => {
    while (f < outline.html.length - 1 && outline.html[f]!.endOffset <= html.offset) f++;
    return { ...html, ...positionAt(starts, html.offset), inline: outline.html[f]!.inline };
  });
  if (hidden.length === 0) return outline;
  // A heading inside a dropped element is not on the page; one with a dropped element inside it
  // loses that part of its text. Both in document order: one pass over headings and ranges.
  const ranges = [...hidden].sort((a, b) => a.start - b.start);
  const isHidden = (offset: number) => ranges.some((range) => offset >= range.start && offset < range.end);
  let r = 0;
  let reach = { end: -1, name: '' };
  outline.headings = [];
  for (const { heading, node, offset } of headings) {
    // Ranges that start where the heading does are inside it (`<svg></svg> Impact` as a setext heading).
    for (; r < ranges.length && ranges[r]!.start < offset; r++) if (ranges[r]!.end > reach.end) reach = ranges[r]!;
    if (offset < reach.end) {
      outline.hiddenHeadings.push({ ...heading, element: reach.name });
      continue;
    }
    const end = node.position?.end.offset ?? offset;
    const overlaps = r < ranges.length && ranges[r]!.start < end;
    outline.headings.push(overlaps ? { ...heading, text: textOf(node, isHidden).trim() } : heading);
  }
  return outline;
}

interface AnyNode {
  type: string;
  children?: AnyNode[];
  value?: string;
  url?: string;
  depth?: number;
  position?: { start: Point; end: Point };
}

interface Point {
  line: number;
  column: number;
  /** UTF-16 code units from the start of the body, as JavaScript strings count. */
  offset?: number;
}

/** Fills the outline's links and raw HTML in document order; returns the headings, in order. */
function walk(tree: MdastNode, outline: BodyOutline): { heading: BodyHeading; node: AnyNode; offset: number }[] {
  const headings: { heading: BodyHeading; node: AnyNode; offset: number }[] = [];
  // Each node with the block it is inline content of (-1 if none), and whether raw HTML opened
  // there may close in a later block (see `HtmlFragment`).
  const stack: [AnyNode, number, boolean, boolean][] = [[tree as unknown as AnyNode, -1, true, false]];
  let blocks = 0;
  while (stack.length > 0) {
    const [node, inBlock, spanning, inFootnote] = stack.pop()!;
    const footnote = inFootnote || node.type === 'footnoteDefinition';
    const block = node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' ? blocks++ : inBlock;
    // Past the end of a heading, a table cell or a footnote, HTML left open changes the page.
    const spans = spanning && node.type !== 'heading' && node.type !== 'tableCell' && node.type !== 'footnoteDefinition';
    const start = node.position?.start ?? { line: 1, column: 1 };
    const end = node.position?.end ?? start;
    const endColumn = end.line === start.line ? end.column : start.column + 1;
    switch (node.type) {
      case 'heading':
        headings.push({
          heading: { depth: node.depth ?? 1, text: textOf(node).trim(), line: start.line },
          node,
          offset: start.offset ?? 0,
        });
        break;
      case 'link':
      case 'image':
      case 'definition':
        outline.links.push({ url: node.url ?? '', line: start.line, column: start.column, endColumn, kind: node.type });
        break;
      case 'html':
        outline.html.push({
          line: start.line,
          column: start.column,
          endColumn,
          value: node.value ?? '',
          offset: start.offset ?? 0,
          endOffset: end.offset ?? start.offset ?? 0,
          // An HTML block is a block of its own.
          block: block === -1 ? blocks++ : block,
          inline: block !== -1,
          spans,
          footnote,
        });
        break;
    }
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, block, spans, footnote]);
  }
  headings.sort((a, b) => a.offset - b.offset);
  outline.links.sort((a, b) => a.line - b.line || a.column - b.column);
  outline.html.sort((a, b) => a.offset - b.offset);
  return headings;
}

/** The text the page shows for a node: raw HTML tags in it are markup, not text, and text `hidden` by a dropped element is not shown. */
function textOf(node: AnyNode, hidden?: (offset: number) => boolean): string {
  if (node.type === 'html') return '';
  if (typeof node.value === 'string') return hidden?.(node.position?.start.offset ?? -1) ? '' : node.value;
  return (node.children ?? []).map((child) => textOf(child, hidden)).join('');
}
