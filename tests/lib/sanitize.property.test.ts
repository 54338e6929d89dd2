import fc from 'fast-check';
import type { ElementContent, RootContent } from 'hast';
import { htmlToHast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { KEPT_ELEMENTS } from '../../src/core/markdown/html-allowlist.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';

// Whatever a body is made of, the page gets only the allowlist: this builds bodies from the
// pieces attacks are made of and reads the rendered HTML back as a browser would.

// The renderer's own additions to the elements a body may use: task list checkboxes and the
// footnotes section.
const ALLOWED = new Set([...KEPT_ELEMENTS, 'input', 'section']);
const SAFE_HREF = /^(?:https?:|mailto:|#)/i;

const tag = fc.constantFrom(
  ...['script', 'SCRIPT', 'style', 'iframe', 'svg', 'math', 'template', 'img', 'a', 'object', 'embed', 'form', 'input', 'button'],
  ...['textarea', 'title', 'select', 'noscript', 'xmp', 'plaintext', 'base', 'meta', 'link', 'video', 'source', 'details', 'table'],
  ...['td', 'div', 'p', 'b', 'kbd', 'mtext', 'mglyph', 'foreignObject', 'desc', 'frameset', 'body'],
);
const url = fc.constantFrom(
  ...['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)'],
  ...[
    'java&#x09;script:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
  ],
  ...['javascript&colon;alert(1)', '&#0000106avascript:alert(1)', '\u0001javascript:alert(1)', 'data:text/html,<script>alert(1)</script>'],
  ...['data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+', 'vbscript:msgbox(1)', 'VBSCRIPT:msgbox(1)', '//evil.example', '/relative'],
  ...['https://ok.example/a?b=1&c=2', 'mailto:a@example.com', '#h-impact', 'x'],
);
const attributeName = fc.constantFrom(
  ...['onerror', 'onload', 'onclick', 'OnMouseOver', 'onfocus', 'ontoggle', 'onbegin', 'style', 'href', 'src', 'srcdoc', 'srcset'],
  ...['action', 'formaction', 'xlink:href', 'data', 'background', 'poster', 'title', 'class', 'id', 'name', 'http-equiv', 'content'],
);
const attributeValue = fc.oneof(
  url,
  fc.constantFrom('alert(1)', 'expression(alert(1))', 'background:url(javascript:alert(1))', '"><script>alert(1)</script>'),
);
const quote = fc.constantFrom('"', "'", '');
const attribute = fc.tuple(attributeName, quote, attributeValue).map(([name, q, value]) => ` ${name}=${q}${value}${q}`);
const attributes = fc.array(attribute, { maxLength: 3 }).map((list) => list.join(''));

const html = fc.oneof(
  fc.tuple(tag, attributes).map(([name, attrs]) => `<${name}${attrs}>`),
  fc.tuple(tag, attributes).map(([name, attrs]) => `<${name}${attrs}/>`),
  // Never finished: the tag runs into whatever follows.
  fc.tuple(tag, attributes).map(([name, attrs]) => `<${name}${attrs}`),
  tag.map((name) => `</${name}>`),
  fc.constantFrom('<!-- c -->', '<!--', '-->', '--!>', '<!-->', '<![CDATA[x]]>', '<![CDATA[', ']]>', '<?php x ?>', '<!DOCTYPE html>'),
  fc.constantFrom('<scr<script>ipt>', '</scr</script>ipt>', '<<script>', '&lt;script&gt;', '&#60;script&#62;', '\\<script>'),
);
const markdown = fc.oneof(
  url.map((to) => `[x](${to})`),
  url.map((to) => `[x](<${to}>)`),
  url.map((to) => `[x](${to} "t")`),
  url.map((to) => `![i](${to})`),
  url.map((to) => `<${to}>`),
  url.map((to) => `\n[r]: ${to}\n`),
  fc.constantFrom('[x][r]', '[^1]', '\n[^1]: note\n', '**b**', '_e_', '`code <b>`', '\n```\n<script>\n```\n', '# H', '\n## Impact\n'),
  fc.constantFrom('> ', '- ', '1. ', '- [ ] ', '| a |\n| - |\n| b |', '\n', '\n\n', ' ', 'text', 'www.example.com', 'a@example.com'),
);
const body = fc.array(fc.oneof(html, markdown), { maxLength: 24 }).map((parts) => parts.join(''));

/** Every element outside the allowlist, `on*` or `style` attribute, and link or source that is not http(s), mailto or `#`. */
function violations(rendered: string): string[] {
  const found: string[] = [];
  const visit = (nodes: readonly (RootContent | ElementContent)[]): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (!ALLOWED.has(node.tagName)) found.push(`<${node.tagName}>`);
      for (const [name, value] of Object.entries(node.properties)) {
        if (/^on/i.test(name)) found.push(`${name} on <${node.tagName}>`);
        if (name === 'style') found.push(`style on <${node.tagName}>`);
        if (name === 'href' && !SAFE_HREF.test(String(value))) found.push(`href=${String(value)}`);
        if (name !== 'href' && /^(src|srcSet|srcDoc|action|formAction|data|poster|background|xLinkHref)$/.test(name))
          found.push(`${name} on <${node.tagName}>`);
      }
      visit(node.children);
    }
  };
  const tree = htmlToHast(rendered, { fragment: true });
  visit(tree.type === 'root' ? tree.children : []);
  return found;
}

describe('renderMarkdown on arbitrary hostile bodies', () => {
  it('has a checker that sees what it must reject', () => {
    expect(violations('<p style="x" onclick="y"><a href="javascript:x">a</a><img src="https://x"><svg></svg></p>')).toEqual([
      'style on <p>',
      'onClick on <p>',
      'href=javascript:x',
      '<img>',
      'src on <img>',
      '<svg>',
    ]);
  });

  it('never throws, and renders only allowlisted elements, no event handler, no style, and only safe links', () => {
    fc.assert(
      fc.property(body, (text) => {
        const { html: rendered } = renderMarkdown(text);
        expect(violations(rendered), `${JSON.stringify(text)}\n→ ${rendered}`).toEqual([]);
      }),
      { numRuns: 2000, seed: 20261201 },
    );
  });
});
