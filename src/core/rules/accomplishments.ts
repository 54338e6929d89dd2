import { rawHtmlLoss } from '../markdown/html-allowlist.ts';
import { allEntries, valid } from '../read/content.ts';
import { linksAreSafe, normalizeHeading as normalize, sectionsPresent } from '../markdown/body-scan.ts';
import { bodyLimits } from '../read/body-limits.ts';
import { outline } from '../read/source.ts';
import type { Rule } from './types.ts';
import { DEFAULT_SECTIONS } from '../../schema/index.ts';
import { LEARNED, requiredHeadings } from '../scaffold/scaffold.ts';

/** Required headings: `sections` from site.yaml for every item, "What we learned" for learnings. */
export const requiredSections: Rule = (ctx) => {
  const sections = ctx.site?.sections ?? DEFAULT_SECTIONS;
  for (const item of valid(ctx.content, 'accomplishments')) {
    const required = requiredHeadings(sections, item.data.outcome);
    // A body past the limits is never parsed; its `body-too-*` error says what to fix first.
    if (sectionsPresent(item.doc.body, required) || bodyLimits(item.doc).length > 0) continue;
    const body = outline(item.doc);
    const headings = new Set(body.headings.map((h) => normalize(h.text)));
    for (const section of new Set(required)) {
      if (headings.has(normalize(section))) continue;
      const hidden = body.hiddenHeadings.find((h) => normalize(h.text) === normalize(section));
      if (hidden) {
        const line = hidden.line + item.doc.bodyLine - 1;
        ctx.report({
          at: item,
          span: { line, column: 1, endLine: line, endColumn: 1 + hidden.depth + 1 + hidden.text.length },
          rule: 'required-section',
          message: `Section \`## ${section}\` is inside raw HTML \`<${hidden.element}>\`, which the site does not show, expected it outside`,
          hint: `move the heading and its text out of \`<${hidden.element}>\`, or remove the \`<${hidden.element}>\` tags`,
        });
        continue;
      }
      const why =
        section === LEARNED && item.data.outcome === 'learning'
          ? 'required by `outcome: learning`'
          : 'required by `sections` in `content/site.yaml`';
      const line = item.doc.bodyLine - 1;
      ctx.report({
        at: item,
        ...(section === LEARNED && !sections.includes(LEARNED)
          ? { path: ['outcome'] }
          : { span: { line, column: 1, endLine: line, endColumn: 4 } }),
        rule: 'required-section',
        message: `Missing section \`## ${section}\`, ${why}`,
        hint: `add a heading \`## ${section}\` to the body`,
      });
    }
  }
};

const SAFE_LINK = /^(https?:|mailto:)/i;

/** Links in bodies: http(s) and mailto only; raw HTML the site removes is reported, so authors know. */
export const bodyLinks: Rule = (ctx) => {
  for (const entry of allEntries(ctx.content)) {
    if (entry.doc.body.trim() === '' || linksAreSafe(entry.doc.body)) continue;
    const body = outline(entry.doc);
    const offset = entry.doc.bodyLine - 1;
    for (const link of body.links) {
      if (SAFE_LINK.test(link.url.trim())) continue;
      const protocol = /^([a-z][a-z0-9+.-]*):/i.exec(link.url.trim())?.[1];
      ctx.report({
        at: entry,
        span: { line: link.line + offset, column: link.column, endLine: link.line + offset, endColumn: link.endColumn },
        rule: 'link-protocol',
        message: protocol
          ? `Unexpected link protocol \`${protocol}:\` in the body, expected \`https:\`, \`http:\` or \`mailto:\``
          : `Unexpected relative link \`${truncate(link.url)}\` in the body, expected an absolute \`https://\` link`,
        hint: protocol
          ? 'link to a web page (https://…) or an address (mailto:…)'
          : 'links to other pages of this site change with the build: link to the repository file or the public page instead',
      });
    }
    // Raw HTML left open is an error of its own (`unclosed-html`), and the page shows it as text.
    const unclosed = new Set(body.unclosed.map((html) => html.offset));
    for (const html of body.html) {
      if (unclosed.has(html.offset)) continue;
      // Comments are dropped silently, and simple formatting (`<kbd>`, `<sub>`, `<details>`) is shown.
      const loss = rawHtmlLoss(html.value);
      if (!loss) continue;
      ctx.report({
        at: entry,
        span: { line: html.line + offset, column: html.column, endLine: html.line + offset, endColumn: html.endColumn },
        rule: 'raw-html',
        message:
          'element' in loss
            ? `Raw HTML \`<${loss.element}>\` in the body will not be shown, expected Markdown`
            : `The attributes of raw HTML \`${truncate(html.value.trim())}\` in the body will be removed, expected Markdown`,
        hint: 'use Markdown: `**bold**`, `[text](https://…)`, lists and headings',
      });
    }
  }
};

function truncate(value: string): string {
  const line = value.split('\n', 1)[0]!;
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
