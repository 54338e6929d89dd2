import type { ElementContent, RootContent } from 'hast';
import { htmlToHast } from 'satteri';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown.ts';

// The rendered HTML is parsed again, the way a browser would, and checked against an allowlist
// written here independently of the sanitizer's own tables.
const ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'title', 'rel', 'id', 'ariaLabel', 'ariaDescribedBy'],
  abbr: ['title'],
  q: ['title'],
  th: ['align', 'colSpan', 'rowSpan'],
  td: ['align', 'colSpan', 'rowSpan'],
  ol: ['start', 'className'],
  ul: ['className'],
  li: ['className', 'id'],
  input: ['type', 'checked', 'disabled'],
  code: ['className'],
  section: ['className'],
  h2: ['id', 'className'],
  h3: ['id'],
  h4: ['id'],
  h5: ['id'],
  h6: ['id'],
};
const PLAIN = 'p br hr em strong b i pre kbd sub sup del ins s blockquote dl dt dd table thead tbody tr details summary mark'.split(' ');
const CLASSES = new Set(['contains-task-list', 'task-list-item', 'footnotes', 'visually-hidden']);

function violations(html: string): string[] {
  const found: string[] = [];
  const visit = (nodes: readonly RootContent[] | readonly ElementContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'comment') found.push(`comment ${node.value}`);
      if (node.type !== 'element') continue;
      const tag = node.tagName;
      const allowed = ATTRIBUTES[tag] ?? (PLAIN.includes(tag) ? [] : undefined);
      if (allowed === undefined) found.push(`element <${tag}>`);
      for (const [name, value] of Object.entries(node.properties)) {
        if (!(allowed ?? []).includes(name) || /^on/i.test(name)) found.push(`attribute ${name} on <${tag}>`);
        if (name === 'href' && !/^(?:https?:|mailto:|#)/i.test(String(value))) found.push(`href ${String(value)}`);
        if (name === 'id' && !/^(?:h|fn)-/.test(String(value))) found.push(`id ${String(value)}`);
      }
      for (const name of node.properties.className ?? []) {
        if (!CLASSES.has(name) && !/^language-[\w#+.-]+$/.test(name)) found.push(`class ${name}`);
      }
      if (tag === 'input' && (node.properties.type !== 'checkbox' || node.properties.disabled !== true)) found.push('enabled input');
      if (tag === 'a' && /^https?:/i.test(node.properties.href ?? '') && !node.properties.rel?.includes('noopener')) {
        found.push(`external link without rel: ${node.properties.href ?? ''}`);
      }
      visit(node.children);
    }
  };
  const tree = htmlToHast(html, { fragment: true });
  visit(tree.type === 'root' ? tree.children : []);
  return found;
}

const XSS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<img srcset="https://tracker.example/p.gif 1x" src="https://tracker.example/p.gif">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  '<a href="jav\tascript:alert(1)">x</a>',
  '<a href=" JAVASCRIPT:alert(1)">x</a>',
  '<a href="&#x01;javascript:alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<a href="https://ok.example" onclick="alert(1)" onmouseover=alert(1) style="position:fixed;inset:0" target=_blank class=btn id=main name=x>x</a>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '[x](file:///etc/passwd)',
  '[x](//evil.example/x)',
  '[x](../../admin)',
  '[x][r]\n\n[r]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '![x](javascript:alert(1))',
  '![x](https://tracker.example/pixel.gif)',
  '[<img src=x onerror=alert(1)>](https://ok.example)',
  '<a href="https://ok.example">[x](javascript:alert(1))</a>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<math href="javascript:alert(1)">CLICKME</math>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="https://evil.example/x.swf">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button><input type=submit></form>',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<<script>script>alert(1)//<</script>/script>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<details open ontoggle=alert(1)><summary>x</summary></details>',
  '<body onload=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<audio src=x onerror=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<textarea onfocus=alert(1) autofocus>x</textarea>',
  '<select onfocus=alert(1) autofocus><option>x</select>',
  '<template><img src=x onerror=alert(1)></template>',
  '<table background="javascript:alert(1)"><tr><td style=x onclick=alert(1) colspan=99999>a</td></tr></table>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<picture><source srcset="https://tracker.example/p"><img src="https://tracker.example/p"></picture>',
  '<form id=test><input name=attributes></form><img name=cookie>',
  '- <input type=checkbox onclick=alert(1) name=x value=y> task',
  '<h1 id="main" class="x" onclick="alert(1)">Heading</h1>',
  '<section data-footnotes><h2 id="footnote-label" onclick=alert(1)>x</h2><a href="#fn-x" id="clobber" aria-label="x">y</a></section>',
];

describe('renderMarkdown', () => {
  it('renders a typical body', () => {
    const { html, headings } = renderMarkdown(
      [
        'Shipped the **new onboarding flow**, replacing the _three-step_ wizard.',
        '',
        '## Impact',
        '',
        '- Sign-up completion went from 61% to 74%',
        '- Support tickets dropped by a third',
        '',
        '## What we learned',
        '',
        'Short forms beat clever forms; see the [design doc](https://example.com/doc "Design") or <mailto:team@example.com>.',
        '',
      ].join('\n'),
    );
    expect(html).toMatchInlineSnapshot(`
      "<p>Shipped the <strong>new onboarding flow</strong>, replacing the <em>three-step</em> wizard.</p>
      <h2 id="h-impact">Impact</h2>
      <ul>
      <li>Sign-up completion went from 61% to 74%</li>
      <li>Support tickets dropped by a third</li>
      </ul>
      <h2 id="h-what-we-learned">What we learned</h2>
      <p>Short forms beat clever forms; see the <a href="https://example.com/doc" title="Design" rel="nofollow noopener noreferrer ugc">design doc</a> or <a href="mailto:team@example.com">mailto:team@example.com</a>.</p>"
    `);
    expect(headings).toMatchInlineSnapshot(`
      [
        {
          "depth": 2,
          "slug": "h-impact",
          "text": "Impact",
        },
        {
          "depth": 2,
          "slug": "h-what-we-learned",
          "text": "What we learned",
        },
      ]
    `);
  });

  it('renders GFM tables, strikethrough, task lists and autolinks', () => {
    const body = [
      '| Metric | Before | After |',
      '| :----- | :----: | ----: |',
      '| p95    | 900 ms | 300 ms |',
      '',
      '~~Old plan~~ new plan, see www.example.com, https://example.com/x and ops@example.com.',
      '',
      '- [x] Done',
      '- [ ] Not yet',
    ].join('\n');
    expect(renderMarkdown(body).html).toMatchInlineSnapshot(`
      "<table>
      <thead>
      <tr>
      <th align="left">Metric</th>
      <th align="center">Before</th>
      <th align="right">After</th>
      </tr>
      </thead>
      <tbody>
      <tr>
      <td align="left">p95</td>
      <td align="center">900 ms</td>
      <td align="right">300 ms</td>
      </tr>
      </tbody>
      </table>
      <p><del>Old plan</del> new plan, see <a href="http://www.example.com" rel="nofollow noopener noreferrer ugc">www.example.com</a>, <a href="https://example.com/x" rel="nofollow noopener noreferrer ugc">https://example.com/x</a> and <a href="mailto:ops@example.com">ops@example.com</a>.</p>
      <ul class="contains-task-list">
      <li class="task-list-item"><input type="checkbox" checked disabled> Done</li>
      <li class="task-list-item"><input type="checkbox" disabled> Not yet</li>
      </ul>"
    `);
  });

  it('keeps footnotes working under their own id prefix', () => {
    expect(renderMarkdown('Faster[^p95].\n\n[^p95]: Measured at p95.').html).toMatchInlineSnapshot(`
      "<p>Faster<sup><a href="#fn-fn-p95" id="fn-fnref-p95" aria-describedby="fn-label">1</a></sup>.</p>
      <section class="footnotes"><h2 id="fn-label" class="visually-hidden">Footnotes</h2>
      <ol>
      <li id="fn-fn-p95">
      <p>Measured at p95. <a href="#fn-fnref-p95" aria-label="Back to reference 1">↩</a></p>
      </li>
      </ol>
      </section>"
    `);
  });

  it('renders code with its markup escaped', () => {
    expect(renderMarkdown('Use `<b>` here.\n\n```html\n<script>alert(1)</script>\n```').html).toMatchInlineSnapshot(`
      "<p>Use <code>&lt;b&gt;</code> here.</p>
      <pre><code class="language-html">&lt;script&gt;alert(1)&lt;/script&gt;
      </code></pre>"
    `);
  });

  it('turns images into links so nothing loads from elsewhere', () => {
    const body = [
      '![Architecture diagram](https://example.com/arch.png "Arch")',
      '![](https://example.com/pixel.gif)',
      '![Local](./local.png) ![Script](javascript:alert(1))',
      '[![Badge](https://example.com/badge.svg)](https://example.com/ci)',
    ].join('\n\n');
    expect(renderMarkdown(body).html).toMatchInlineSnapshot(`
      "<p><a href="https://example.com/arch.png" title="Arch" rel="nofollow noopener noreferrer ugc">Architecture diagram</a></p>
      <p><a href="https://example.com/pixel.gif" rel="nofollow noopener noreferrer ugc">https://example.com/pixel.gif</a></p>
      <p>Local Script</p>
      <p><a href="https://example.com/ci" rel="nofollow noopener noreferrer ugc">Badge</a></p>"
    `);
  });

  it('keeps the text of links whose target is not allowed', () => {
    const body =
      '[ok](https://example.com) [mail](mailto:a@example.com) [js](javascript:alert(1)) [rel](../x) [proto](//evil.example) <javascript:alert(1)>';
    expect(renderMarkdown(body).html).toMatchInlineSnapshot(
      `"<p><a href="https://example.com" rel="nofollow noopener noreferrer ugc">ok</a> <a href="mailto:a@example.com">mail</a> js rel proto javascript:alert(1)</p>"`,
    );
  });

  it('unwraps unknown elements, drops dangerous ones with their content, and drops attributes', () => {
    const body = [
      '<div class="note" style="color:red">Kept <span onclick="x()">text</span> <font color=red>here</font></div>',
      '',
      '<script>alert(1)</script><style>p{}</style><!-- hidden -->',
      '',
      '<p title="t" id="clobber">Para <abbr title="Service level objective" class="x">SLO</abbr> <q title="Q" cite="https://x">quote</q></p>',
      '',
      '<ol start="3" reversed><li>Third</li></ol>',
    ].join('\n');
    expect(renderMarkdown(body).html).toMatchInlineSnapshot(`
      "
      Kept text here


      <p>Para <abbr title="Service level objective">SLO</abbr> <q title="Q">quote</q></p>
      <ol start="3"><li>Third</li></ol>"
    `);
  });

  it('keeps harmless formatting HTML', () => {
    const { html } = renderMarkdown(
      '<details><summary>More</summary>text</details>\n\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <mark>note</mark>, <ins>new</ins> <del>old</del>.',
    );
    expect(html).toContain('<details><summary>More</summary>text</details>');
    expect(html).toContain('<kbd>Ctrl</kbd>+<kbd>C</kbd>');
    for (const tag of ['sub', 'sup', 'mark', 'ins', 'del']) expect(html).toContain(`<${tag}>`);
    expect(violations(html)).toEqual([]);
  });

  it('gives headings stable, deduplicated, prefixed ids and demotes h1', () => {
    const body = [
      '# Title',
      '## What we learned',
      '## What we learned',
      '### What we learned',
      '## What we learned-1',
      '#### C++ & Rust: the 2024 edition!',
      '## Ünïcödé Straße',
      '## `code`, [a link](https://example.com) and **bold**',
      '## 🎉',
      '###### Six',
      '<h1 id="main" class="x">Raw   <em>HTML</em></h1>',
      '',
      'See [what we learned](#what-we-learned), [the title](#h-title) and [nowhere](#nowhere).',
    ].join('\n');
    const { html, headings } = renderMarkdown(body);
    expect(headings).toEqual([
      { depth: 2, slug: 'h-title', text: 'Title' },
      { depth: 2, slug: 'h-what-we-learned', text: 'What we learned' },
      { depth: 2, slug: 'h-what-we-learned-1', text: 'What we learned' },
      { depth: 3, slug: 'h-what-we-learned-2', text: 'What we learned' },
      { depth: 2, slug: 'h-what-we-learned-1-1', text: 'What we learned-1' },
      { depth: 4, slug: 'h-c--rust-the-2024-edition', text: 'C++ & Rust: the 2024 edition!' },
      { depth: 2, slug: 'h-ünïcödé-straße', text: 'Ünïcödé Straße' },
      { depth: 2, slug: 'h-code-a-link-and-bold', text: 'code, a link and bold' },
      { depth: 2, slug: 'h-', text: '🎉' },
      { depth: 6, slug: 'h-six', text: 'Six' },
      { depth: 2, slug: 'h-raw-html', text: 'Raw HTML' },
    ]);
    for (const heading of headings) expect(html).toContain(`<h${heading.depth} id="${heading.slug}">`);
    expect(html).not.toContain('<h1');
    expect(html).toContain('<a href="#h-what-we-learned">what we learned</a>');
    expect(html).toContain('<a href="#h-title">the title</a>');
    expect(html).toContain('<a href="#nowhere">nowhere</a>');
  });

  it('leaves the footnotes label out of the headings', () => {
    expect(renderMarkdown('## Notes\n\nA[^1].\n\n[^1]: B.').headings).toEqual([{ depth: 2, slug: 'h-notes', text: 'Notes' }]);
  });
});

describe('renderMarkdown on hostile input', () => {
  it('has a checker that sees what it must reject', () => {
    const html =
      '<p id="main" style="x"><img src=x><a href="javascript:alert(1)" onclick="x">a</a><a href="https://x">b</a><!--c--></p><svg></svg>';
    expect(violations(html)).toEqual([
      'attribute id on <p>',
      'id main',
      'attribute style on <p>',
      'element <img>',
      'attribute src on <img>',
      'href javascript:alert(1)',
      'attribute onClick on <a>',
      'external link without rel: https://x',
      'comment c',
      'element <svg>',
    ]);
  });

  it(`neutralises ${XSS.length} known XSS payloads`, () => {
    expect(XSS.length).toBeGreaterThanOrEqual(30);
    for (const payload of XSS) {
      const { html } = renderMarkdown(payload);
      expect(violations(html), `${payload}\n→ ${html}`).toEqual([]);
      expect(html, payload).not.toMatch(
        /<(?:script|style|iframe|img|svg|math|object|embed|form|base|meta|link|template|textarea|select|button)\b/i,
      );
    }
    expect(violations(renderMarkdown(XSS.join('\n\n')).html)).toEqual([]);
    expect(violations(renderMarkdown(XSS.join('')).html)).toEqual([]);
  });

  it('never throws and stays safe on random bodies', () => {
    const markdown = ['#', '## ', ' ', '\n', '\n\n', '> ', '- ', '1. ', '* ', '_', '`', '```', '[', ']', '(', ')'];
    const more = ['![', '[^1]', '[^1]: ', '---', '[ ] ', '[x] '];
    const tags = ['<', '>', '</', '/>', '<!--', '-->', 'a', 'Heading', 'script', 'div', 'img', 'a href=', 'src=', ' onerror='];
    const quotes = ['"', "'", '='];
    const text = ['javascript:', 'https://x.example', '|', '| - |', ':', '~~', '&', '&#x6A;', '&colon;', '\t', '\\'];
    const unicode = ['é', '🎉', '\u0000', '\u202e'];
    const pieces = [...markdown, ...more, ...tags, ...quotes, ...text, ...unicode];
    const random = mulberry32(20261128);
    for (let n = 0; n < 400; n++) {
      const body = Array.from({ length: Math.floor(random() * 120) }, () => pieces[Math.floor(random() * pieces.length)]!).join('');
      const { html, headings } = renderMarkdown(body);
      expect(violations(html), body).toEqual([]);
      for (const heading of headings) expect(html, body).toContain(`id="${heading.slug}"`);
    }
  });

  it('renders nesting up to the limits the check enforces', () => {
    const quotes = renderMarkdown(`${'> '.repeat(32)}quote`).html;
    expect(quotes.match(/<blockquote>/g)).toHaveLength(32);
    const lists = renderMarkdown(Array.from({ length: 32 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')).html;
    expect(lists.match(/<ul>/g)).toHaveLength(32);
    expect(lists).toContain('item 31');
  });

  it('survives deep nesting', () => {
    // Most of these are past the check's limits and shown as their text: escaped, never run.
    const bodies: [string, string][] = [
      ['> '.repeat(1000) + 'quote', 'quote'],
      [Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n'), 'item 199'],
      ['<div>'.repeat(3000) + 'div', 'div'],
      ['<ul><li>'.repeat(1000) + '<script>alert(1)</script>list', 'list'],
      ['*'.repeat(3000) + 'em' + '*'.repeat(3000), 'em'],
      ['['.repeat(3000) + 'link' + ']'.repeat(3000) + '(https://example.com)', 'link'],
      ['<a href="https://example.com">'.repeat(1000) + 'anchor', 'anchor'],
      ['|a|\n|-|\n' + '|b|\n'.repeat(2000), '<td>b</td>'],
    ];
    for (const [body, text] of bodies) {
      const { html } = renderMarkdown(body);
      expect(violations(html)).toEqual([]);
      expect(html).toContain(text);
      expect(html).not.toMatch(/<script/i);
    }
  });
});

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
