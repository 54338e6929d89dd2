import { markdownToMdast, type MdastNode } from 'satteri';

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
  headings: BodyHeading[];
  links: BodyLink[];
  /** Raw HTML that the site will drop; positions are relative to the body. */
  html: { line: number; column: number; endColumn: number; value: string }[];
}

/**
 * The parts of a body that rules look at, parsed with the same Markdown engine (satteri) that
 * Astro renders with, so a link the check accepts is the link the page shows.
 */
export function outlineBody(body: string): BodyOutline {
  const outline: BodyOutline = { headings: [], links: [], html: [] };
  if (body.trim() === '') return outline;
  const tree = markdownToMdast(body, { features: { frontmatter: false } });
  walk(tree, outline);
  return outline;
}

interface AnyNode {
  type: string;
  children?: AnyNode[];
  value?: string;
  url?: string;
  depth?: number;
  position?: { start: { line: number; column: number }; end: { line: number; column: number } };
}

function walk(tree: MdastNode, outline: BodyOutline): void {
  const stack: AnyNode[] = [tree as unknown as AnyNode];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const start = node.position?.start ?? { line: 1, column: 1 };
    const end = node.position?.end ?? start;
    const endColumn = end.line === start.line ? end.column : start.column + 1;
    switch (node.type) {
      case 'heading':
        outline.headings.push({ depth: node.depth ?? 1, text: textOf(node).trim(), line: start.line });
        break;
      case 'link':
      case 'image':
      case 'definition':
        outline.links.push({ url: node.url ?? '', line: start.line, column: start.column, endColumn, kind: node.type });
        break;
      case 'html':
        outline.html.push({ line: start.line, column: start.column, endColumn, value: node.value ?? '' });
        break;
    }
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  outline.headings.sort((a, b) => a.line - b.line);
  outline.links.sort((a, b) => a.line - b.line || a.column - b.column);
  outline.html.sort((a, b) => a.line - b.line || a.column - b.column);
}

function textOf(node: AnyNode): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(textOf).join('');
}
