import type { ElementContent, Properties, Root } from 'hast';

// The sanitizer's output is the only input: a handful of elements and attributes. An attribute
// missing here is not written at all, so a slip in the sanitizer cannot become markup.
const ATTRIBUTE_NAMES: Record<string, string> = {
  align: 'align',
  ariaDescribedBy: 'aria-describedby',
  ariaLabel: 'aria-label',
  checked: 'checked',
  className: 'class',
  colSpan: 'colspan',
  disabled: 'disabled',
  href: 'href',
  id: 'id',
  rel: 'rel',
  rowSpan: 'rowspan',
  start: 'start',
  title: 'title',
  type: 'type',
};
const VOID = new Set(['br', 'hr', 'input']);

/** Text as HTML shows it: `&`, `<` and `>` escaped. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Serializes a sanitized tree; every text and attribute value is escaped. */
export function toHtml(root: Root): string {
  return root.children.map((node) => (node.type === 'element' || node.type === 'text' ? serialize(node) : '')).join('');
}

function serialize(node: ElementContent): string {
  if (node.type === 'text') return escapeText(node.value);
  if (node.type !== 'element') return '';
  const open = `<${node.tagName}${attributes(node.properties)}>`;
  return VOID.has(node.tagName) ? open : `${open}${node.children.map(serialize).join('')}</${node.tagName}>`;
}

function attributes(properties: Properties): string {
  let out = '';
  for (const [key, value] of Object.entries(properties)) {
    const name = ATTRIBUTE_NAMES[key];
    if (name === undefined || value === undefined || value === null || value === false) continue;
    if (value === true) out += ` ${name}`;
    else {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      out += ` ${name}="${escapeText(text).replace(/"/g, '&quot;')}"`;
    }
  }
  return out;
}
