import { hasRawHtml } from '../markdown/body-scan.ts';
import { allEntries } from '../read/content.ts';
import type { UnclosedHtml } from '../markdown/raw-html.ts';
import { outline } from '../read/source.ts';
import type { Rule } from './types.ts';

/**
 * Raw HTML that is opened and never closed would take everything after it off the page, required
 * sections included, so it is an error, at the tag. The renderer shows such a tag as text.
 */
export const unclosedHtml: Rule = (ctx) => {
  for (const entry of allEntries(ctx.content)) {
    // No raw HTML at all (most bodies, found without a parse), or a body past the limits, which
    // is never parsed: nothing to find.
    if (!hasRawHtml(entry.doc.body)) continue;
    const offset = entry.doc.bodyLine - 1;
    for (const html of outline(entry.doc).unclosed) {
      const line = html.line + offset;
      const text = entry.doc.body.slice(html.offset, html.end).split('\n', 1)[0]!.trimEnd();
      ctx.report({
        at: entry,
        span: { line, column: html.column, endLine: line, endColumn: html.column + text.length },
        rule: 'unclosed-html',
        ...describe(html, text),
      });
    }
  }
};

function describe(html: UnclosedHtml, text: string): { message: string; hint: string } {
  switch (html.kind) {
    case 'element':
      return {
        message:
          html.name === 'plaintext'
            ? 'Raw HTML `<plaintext>` would hide the rest of the body, expected Markdown'
            : `Unclosed raw HTML \`<${html.name}>\` would hide the rest of the body, expected \`</${html.name}>\`${html.anywhere ? '' : ' in the same paragraph or HTML block'}`,
        hint: `the site never shows \`<${html.name}>\` or what is inside it: remove the tag, or put it in backticks to show it as text`,
      };
    case 'comment':
      return {
        message: 'Unclosed HTML comment `<!--` would hide the rest of the body, expected `-->`',
        hint: 'end the comment with `-->`, or remove it',
      };
    case 'tag':
      return {
        message: `Unfinished raw HTML \`${text.length > 40 ? `${text.slice(0, 39)}…` : text}\` would hide what follows it, expected the tag to end with \`>\``,
        hint: 'end the tag with `>` after closing any quoted value, or put it in backticks to show it as text',
      };
  }
}
