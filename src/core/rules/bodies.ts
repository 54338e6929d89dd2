import { MAX_BODY_DEPTH, MAX_BODY_LENGTH } from '../markdown/body-limits.ts';
import { hasRawHtml } from '../markdown/body-scan.ts';
import { allEntries } from '../read/content.ts';
import type { Span } from '../diagnostics/diagnostics.ts';
import type { UnclosedHtml } from '../markdown/raw-html.ts';
import { bodyLimits, outline, type SourceDoc } from '../read/source.ts';
import { lineStarts, positionAt } from '../text/text-checks.ts';
import type { Rule } from './types.ts';

/**
 * Every body the site renders stays within the limits the renderer holds it to, so a pull request
 * that would stall the build fails its check instead, at the line where the body goes too far.
 */
export const bodyLimitRules: Rule = (ctx) => {
  for (const entry of allEntries(ctx.content)) {
    const problems = bodyLimits(entry.doc);
    if (problems.length === 0) continue;
    const starts = lineStarts(entry.doc.body);
    for (const problem of problems) {
      const span = bodySpan(entry.doc, starts, problem.offset);
      if (problem.kind === 'length') {
        ctx.report({
          at: entry,
          span,
          rule: 'body-too-large',
          message: `Body is ${problem.length.toLocaleString('en-US')} characters long, expected at most ${MAX_BODY_LENGTH.toLocaleString('en-US')}`,
          hint: 'keep the write-up to the point and link to longer material: a design doc, a dashboard, the pull request',
        });
      } else {
        ctx.report({
          at: entry,
          span,
          rule: 'body-too-deep',
          message:
            problem.nesting === 'markdown'
              ? `Block quotes and lists are nested more than ${MAX_BODY_DEPTH} deep, expected at most ${MAX_BODY_DEPTH} levels`
              : `Raw HTML elements are nested more than ${MAX_BODY_DEPTH} deep, expected at most ${MAX_BODY_DEPTH} levels`,
          hint:
            problem.nesting === 'markdown'
              ? 'a few levels of quotes and lists are all a write-up needs: remove the extra `>` and indentation'
              : 'close the elements you open, or write the structure in Markdown',
        });
      }
    }
  }
};

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

function bodySpan(doc: SourceDoc, starts: readonly number[], offset: number): Span {
  const { line, column } = positionAt(starts, offset);
  const fileLine = line + doc.bodyLine - 1;
  return { line: fileLine, column, endLine: fileLine, endColumn: column + 1 };
}
