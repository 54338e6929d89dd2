import type { Element, Root } from 'hast';
import { markdownToHast, type Features } from 'satteri';
import { bodyLimitProblems, MAX_BODY_DEPTH } from '../core/markdown/body-limits.ts';
import { hasRawHtml } from '../core/markdown/body-scan.ts';
import { escapeHtml } from '../core/text/text-checks.ts';
import { outlineBody } from '../core/markdown/markdown.ts';
import { toHtml } from './markdown/html.ts';
import { FOOTNOTE_PREFIX, sanitize } from './markdown/sanitize.ts';

export interface Heading {
  /** The rendered level, 2–6: the page's own title is the only h1. */
  depth: number;
  /** Equal to the heading element's `id`. */
  slug: string;
  text: string;
}

export interface RenderedMarkdown {
  html: string;
  headings: Heading[];
}

/**
 * Every id a body can produce starts with `h-` (headings) or `fn-` (footnotes), so no body can
 * clobber an id the page layout owns, however its headings are worded. The part after `h-` is
 * github-slugger's slug, so `## What we learned` is `#h-what-we-learned`, and links written
 * GitHub-style as `[see](#what-we-learned)` are pointed at it.
 */
const HEADING_PREFIX = 'h-';

const FEATURES: Features = {
  gfm: { footnotes: { clobberPrefix: FOOTNOTE_PREFIX } },
  // Bodies come without front matter; a leading `---` is a thematic break here.
  frontmatter: false,
  // Raw HTML is parsed into elements so the sanitizer judges real elements, not strings.
  rawHtml: true,
};

/**
 * Renders an untrusted Markdown body to HTML that is safe to inline in a page.
 *
 * Headings get no self-link: a link inside the heading would add its label to the heading's
 * accessible name, and one beside it needs a wrapper and styles that belong to the page. The page
 * can build a table of contents from `headings`, whose slugs are the ids in `html`.
 */
export function renderMarkdown(body: string): RenderedMarkdown {
  // Past the limits the check enforces, the engine could take minutes: such a body (which the
  // check has refused) is shown as its text, in time linear in its length.
  if (bodyLimitProblems(body).length > 0) return asText(body);
  try {
    const source = showUnclosedHtml(body);
    if (source === undefined) return asText(body);
    // Satteri's own HTML output would need the tree sent back to Rust; serializing the small
    // sanitized tree here is several times faster and keeps escaping in one place.
    // A Markdown document always parses to a root.
    const tree = sanitize(markdownToHast(source, { features: FEATURES, position: false }) as Root);
    const headings = anchorHeadings(tree);
    return { html: toHtml(tree), headings };
  } catch {
    // One pathological body must not fail the whole site build; escaped text is always safe.
    return asText(body);
  }
}

function asText(body: string): RenderedMarkdown {
  return { html: `<p>${escapeHtml(body)}</p>`, headings: [] };
}

/**
 * The body with every piece of raw HTML left open (`unclosed-html`, the same scan as the check)
 * escaped, so that the page shows it as text instead of losing everything after it. Escaping a
 * tag inside a paragraph changes nothing else, but escaping one in an HTML block can turn the
 * block back into Markdown with raw HTML of its own: then the result is scanned once more, and
 * undefined, to show the body as text, if that still finds some.
 */
function showUnclosedHtml(body: string): string | undefined {
  if (!hasRawHtml(body)) return body;
  const unclosed = outlineBody(body).unclosed;
  if (unclosed.length === 0) return body;
  // Each escape adds three characters, and a paragraph of character references is where the
  // engine is slowest: past a few dozen, this is no write-up, and its text is shown as it is.
  if (unclosed.length > MAX_BODY_DEPTH) return undefined;
  // `&lt;` is text both in Markdown and inside raw HTML, unlike a backslash escape.
  let escaped = '';
  let from = 0;
  for (const { offset } of unclosed) {
    if (offset < from) continue;
    escaped += `${body.slice(from, offset)}&lt;`;
    from = offset + 1;
  }
  escaped += body.slice(from);
  if (unclosed.every((html) => html.inline && html.kind === 'element')) return escaped;
  return outlineBody(escaped).unclosed.length === 0 ? escaped : undefined;
}

/** Demotes h1 to h2, gives every heading its id, and points fragment links at the prefixed ids. */
function anchorHeadings(root: Root): Heading[] {
  const headings: Heading[] = [];
  const fragmentLinks: Element[] = [];
  const seen = new Map<string, number>();
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const level = /^h([1-6])$/.exec(child.tagName)?.[1];
      // The footnotes label already carries its own id.
      if (level !== undefined && child.properties.id === undefined) {
        const depth = Math.max(2, Number(level));
        const text = textContent(child).replace(/\s+/g, ' ').trim();
        const slug = HEADING_PREFIX + unique(headingAnchor(text), seen);
        child.tagName = `h${depth}`;
        child.properties.id = slug;
        headings.push({ depth, slug, text });
      } else if (child.tagName === 'a' && child.properties.href?.startsWith('#')) {
        fragmentLinks.push(child);
      }
      visit(child);
    }
  };
  visit(root);
  const ids = new Set(headings.map((heading) => heading.slug));
  for (const link of fragmentLinks) {
    const target = link.properties.href!.slice(1);
    if (!ids.has(target) && ids.has(HEADING_PREFIX + target)) link.properties.href = `#${HEADING_PREFIX}${target}`;
  }
  return headings;
}

/**
 * A heading's anchor as GitHub writes it (github-slugger's rule): lowercase, drop everything but
 * letters, marks, numbers, `_`, `-` and spaces, so `#links` written for GitHub work here too. Not
 * an id: unlike `slugify` in core/text/slug.ts it keeps every script and has no length limit.
 */
function headingAnchor(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** github-slugger's dedup: the second `intro` is `intro-1`, skipping any suffix already taken. */
function unique(slug: string, seen: Map<string, number>): string {
  let result = slug;
  while (seen.has(result)) {
    const count = seen.get(slug)! + 1;
    seen.set(slug, count);
    result = `${slug}-${count}`;
  }
  seen.set(result, 0);
  return result;
}

function textContent(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textContent(child) : '')).join('');
}
