import { describe, expect, it } from 'vitest';
import { rawHtmlLoss } from '../../src/core/markdown/html-allowlist.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';

// The check warns exactly where the renderer removes something: both read one allowlist.
describe('what the site removes from raw HTML', () => {
  const shown = [
    '<kbd>Ctrl</kbd>',
    '<sub>2</sub>',
    '<details><summary>More</summary>text</details>',
    '<a href="https://x.org" title="X">x</a>',
  ];
  const lost = [
    ['<script>alert(1)</script>', { element: 'script' }],
    ['<div>wrapped</div>', { element: 'div' }],
    ['<span style="color:red">red</span>', { element: 'span' }],
    ['<b onclick="steal()">bold</b>', { attributes: 'b' }],
    ['<a href="javascript:go()">go</a>', { attributes: 'a' }],
    ['<kbd class="key">K</kbd>', { attributes: 'kbd' }],
  ] as const;

  it('says nothing of simple formatting, which the page shows as written', () => {
    for (const html of shown) {
      expect(rawHtmlLoss(html), html).toBeUndefined();
      expect(renderMarkdown(`Text ${html} text.`).html, html).toContain(
        html.replace(/ title="X"/, ' title="X" rel="nofollow noopener noreferrer ugc"'),
      );
    }
  });

  it('names the element or the attributes the page loses', () => {
    for (const [html, loss] of lost) {
      expect(rawHtmlLoss(html), html).toEqual(loss);
      expect(renderMarkdown(`Text ${html} text.`).html, html).not.toContain(html);
    }
  });
});
