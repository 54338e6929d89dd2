import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { MAX_BODY_DEPTH } from '../../core/markdown/body-limits.ts';
import { DROPPED_ELEMENTS, KEPT_ELEMENTS } from '../../core/markdown/html-allowlist.ts';

/**
 * An allowlist sanitizer for the hast tree of an untrusted body, in the spirit of GitHub's
 * sanitize schema. It builds a new tree instead of editing the input, so nothing it has not
 * looked at can reach the output: unknown node types, elements and attributes are left behind.
 */

/** Footnote ids (`fn-fn-1`, `fn-fnref-1`, `fn-label`) all start here; see `renderMarkdown`. */
export const FOOTNOTE_PREFIX = 'fn-';
const FOOTNOTE_LABEL = `${FOOTNOTE_PREFIX}label`;

const VOID = new Set(['br', 'hr', 'input']);
// Unwrapped blocks keep a line break around their content so `<div>a</div><div>b</div>` stays two words.
const BLOCK = new Set('div section article aside header footer main nav figure figcaption address center hgroup search'.split(' '));
// Elements in DROPPED_ELEMENTS go with their content; any other unknown element (span, div,
// font…) is unwrapped and its children are sanitized.

// Deeper trees are flattened to text. The check lets Markdown containers and raw HTML each nest
// MAX_BODY_DEPTH deep, so real bodies stay well above this; a bounded depth keeps this walk and
// the serializer behind it off the end of the call stack.
const MAX_DEPTH = 2 * MAX_BODY_DEPTH;

const EXTERNAL_REL = ['nofollow', 'noopener', 'noreferrer', 'ugc'];

interface Context {
  depth: number;
  inLink: boolean;
  inListItem: boolean;
  inFootnotes: boolean;
}

export function sanitize(root: Readonly<Root>): Root {
  return { type: 'root', children: sanitizeAll(root.children, { depth: 0, inLink: false, inListItem: false, inFootnotes: false }) };
}

/**
 * The URL as written if a browser would open it as `http:`, `https:`, `mailto:` or a fragment.
 * The value arrives entity-decoded; testing an allowlisted prefix (rather than a blocklist) means
 * obfuscations such as `jav\tascript:` or a leading control character are rejected, not parsed.
 */
function safeUrl(value: string | undefined): string | undefined {
  const url = value?.trim();
  return url !== undefined && /^(?:https?:|mailto:|#)/i.test(url) ? url : undefined;
}

function sanitizeAll(nodes: readonly RootContent[], ctx: Context): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) for (const clean of sanitizeNode(node, ctx)) out.push(clean);
  return out;
}

function sanitizeNode(node: RootContent, ctx: Context): ElementContent[] {
  if (node.type === 'text') return [{ type: 'text', value: node.value }];
  // Comments, doctypes and anything the engine may add later are not content.
  if (node.type !== 'element') return [];
  const tag = node.tagName.toLowerCase();
  if (DROPPED_ELEMENTS.has(tag)) return [];
  if (ctx.depth >= MAX_DEPTH) return [{ type: 'text', value: textOf(node) }];
  const inner = { ...ctx, depth: ctx.depth + 1 };
  switch (tag) {
    case 'a':
      return link(node, inner);
    case 'img':
      return image(node.properties, ctx);
    case 'input':
      return checkbox(node.properties, ctx);
    case 'li':
      inner.inListItem = true;
      break;
    case 'section':
      // Only the engine's footnotes section is kept, so the label and back-links keep working.
      if (node.properties['dataFootnotes'] === undefined) break;
      return [element('section', { className: ['footnotes'] }, sanitizeAll(node.children, { ...inner, inFootnotes: true }))];
  }
  const children = sanitizeAll(node.children, inner);
  // Paragraphs emptied by the sanitizer (`<p><script>…</script></p>`) would only leave gaps.
  if (tag === 'p' && children.length === 0) return [];
  if (!KEPT_ELEMENTS.has(tag))
    return BLOCK.has(tag) ? [{ type: 'text', value: '\n' }, ...children, { type: 'text', value: '\n' }] : children;
  return [element(tag, attributes(tag, node.properties, ctx), VOID.has(tag) ? [] : children)];
}

function attributes(tag: string, props: Properties, ctx: Context): Properties {
  switch (tag) {
    case 'th':
    case 'td':
      return { align: alignment(props), colSpan: bounded(props.colSpan), rowSpan: bounded(props.rowSpan) };
    case 'ol':
      return { start: integer(props.start), className: only(props.className, 'contains-task-list') };
    case 'ul':
      return { className: only(props.className, 'contains-task-list') };
    case 'li':
      return { className: only(props.className, 'task-list-item'), id: ctx.inFootnotes ? footnoteId(props.id) : undefined };
    case 'abbr':
    case 'q':
      return { title: props.title };
    case 'code':
      // The fenced block's info string, for a highlighter or a CSS hook; nothing else.
      return { className: props.className?.filter((name) => /^language-[\w#+.-]{1,40}$/.test(name)).slice(0, 1) };
    case 'h2':
      // The footnotes section's hidden heading; every other heading id is set by `renderMarkdown`.
      return ctx.inFootnotes && props.id === 'footnote-label' ? { id: FOOTNOTE_LABEL, className: ['visually-hidden'] } : {};
    default:
      return {};
  }
}

function link(node: Element, ctx: Context): ElementContent[] {
  const props = node.properties;
  const href = safeUrl(props.href);
  const children = sanitizeAll(node.children, { ...ctx, inLink: true });
  // Links cannot nest; an unsafe link keeps its text and loses its target.
  if (href === undefined || ctx.inLink) return children;
  // A link whose content was all dropped (`<a href=…><img src=…></a>`) still needs a name.
  if (children.every((child) => child.type === 'text' && child.value.trim() === '')) children.push({ type: 'text', value: href });
  const footnote = href.startsWith(`#${FOOTNOTE_PREFIX}`);
  return [
    element(
      'a',
      {
        href,
        title: props.title,
        rel: /^https?:/i.test(href) ? EXTERNAL_REL : undefined,
        // A footnote reference names the hidden label and its back-link says where it goes.
        id: footnote ? footnoteId(props.id) : undefined,
        ariaLabel: footnote ? props.ariaLabel : undefined,
        ariaDescribedBy: footnote && props.ariaDescribedBy?.includes('footnote-label') ? [FOOTNOTE_LABEL] : undefined,
      },
      children,
    ),
  ];
}

/** An image loads from its host as the page opens (a tracking pixel), so it becomes a link to itself. */
function image(props: Properties, ctx: Context): ElementContent[] {
  const src = safeUrl(props.src);
  const alt = props.alt?.trim() ?? '';
  if (src === undefined || !/^https?:/i.test(src) || ctx.inLink) return alt === '' ? [] : [{ type: 'text', value: alt }];
  return [element('a', { href: src, title: props.title, rel: EXTERNAL_REL }, [{ type: 'text', value: alt === '' ? src : alt }])];
}

/** A GFM task-list checkbox, shown but never editable; any other input is dropped. */
function checkbox(props: Properties, ctx: Context): ElementContent[] {
  if (!ctx.inListItem || props.type?.toLowerCase() !== 'checkbox') return [];
  const checked = props.checked !== undefined && props.checked !== false;
  return [element('input', { type: 'checkbox', checked, disabled: true }, [])];
}

function element(tagName: string, properties: Properties, children: ElementContent[]): Element {
  // Undefined and false values would serialize as nothing anyway; dropping them keeps the tree plain.
  const defined: Properties = {};
  for (const [key, value] of Object.entries(properties)) if (value !== undefined && value !== false) defined[key] = value;
  return { type: 'element', tagName, properties: defined, children };
}

/** GFM writes alignment as a style; the `align` attribute says the same without allowing CSS. */
function alignment(props: Properties): string | undefined {
  const value = props.align ?? /^\s*text-align\s*:\s*(\w+)\s*;?\s*$/i.exec(props.style ?? '')?.[1];
  const lower = value?.toLowerCase();
  return lower === 'left' || lower === 'right' || lower === 'center' ? lower : undefined;
}

function bounded(value: number | string | undefined): number | undefined {
  const n = integer(value);
  return n !== undefined && n >= 1 && n <= 1000 ? n : undefined;
}

function integer(value: number | string | undefined): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
}

function only(names: string[] | undefined, allowed: string): string[] | undefined {
  return names?.includes(allowed) ? [allowed] : undefined;
}

function footnoteId(id: string | undefined): string | undefined {
  return id?.startsWith(FOOTNOTE_PREFIX) ? id : undefined;
}

/** Visible text of a subtree, walked without recursion because it may be arbitrarily deep. */
function textOf(node: Element): string {
  let text = '';
  const stack: RootContent[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.type === 'text') text += next.value;
    else if (next.type === 'element' && !DROPPED_ELEMENTS.has(next.tagName.toLowerCase())) {
      for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
    }
  }
  return text;
}
