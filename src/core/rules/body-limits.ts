import type { Span } from '../diagnostics/diagnostics.ts';
import { MAX_BODY_DEPTH, MAX_BODY_LENGTH } from '../markdown/body-limits.ts';
import { bodyLimits } from '../read/body-limits.ts';
import { allEntries } from '../read/content.ts';
import type { SourceDoc } from '../read/source.ts';
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

function bodySpan(doc: SourceDoc, starts: readonly number[], offset: number): Span {
  const { line, column } = positionAt(starts, offset);
  const fileLine = line + doc.bodyLine - 1;
  return { line: fileLine, column, endLine: fileLine, endColumn: column + 1 };
}
