import type { ElementContent, Properties, Root } from 'hast';
import { escapeHtml } from '../../core/text/text-checks.ts';

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

/** Serializes a sanitized tree; every text and attribute value is escaped. */
export function toHtml(root: Root): string {
  // One string built in document order: a body at the size limit can hold tens of thousands of elements.
  let out = '';
  const write = (node: ElementContent): void => {
    if (node.type === 'text') out += escapeHtml(node.value);
    else if (node.type === 'element') {
      out += `<${node.tagName}${attributes(node.properties)}>`;
      if (VOID.has(node.tagName)) return;
      for (const child of node.children) write(child);
      out += `</${node.tagName}>`;
    }
  };
  for (const node of root.children) if (node.type === 'element' || node.type === 'text') write(node);
  return out;
}

function attributes(properties: Properties): string {
  let out = '';
  for (const [key, value] of Object.entries(properties)) {
    const name = ATTRIBUTE_NAMES[key];
    if (name === undefined || value === undefined || value === null || value === false) continue;
    if (value === true) out += ` ${name}`;
    else {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      out += ` ${name}="${escapeHtml(text).replace(/"/g, '&quot;')}"`;
    }
  }
  return out;
}
