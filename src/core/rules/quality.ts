import { valid } from '../read/content.ts';
import { SECTION_PROMPTS } from '../scaffold/scaffold.ts';
import type { Rule } from './types.ts';

const PROMPTS = new Set(SECTION_PROMPTS);

/**
 * The prompts `npm run new` writes under each heading are questions to answer, not the answer. A
 * draft may keep them while it is written: drafts are never built, so no prompt is published.
 */
export const templateText: Rule = (ctx) => {
  for (const item of valid(ctx.content, 'accomplishments')) {
    if (item.data.draft) continue;
    const lines = item.doc.body.split('\n');
    for (const [index, line] of lines.entries()) {
      const text = line.trim();
      if (!PROMPTS.has(text)) continue;
      const at = item.doc.bodyLine + index;
      const column = line.indexOf(text) + 1;
      ctx.report({
        at: item,
        span: { line: at, column, endLine: at, endColumn: column + text.length },
        rule: 'template-text',
        message: 'The prompt written by `npm run new` is still in the body, expected your own words',
        hint: 'answer the question in a sentence or two in place of the prompt, or remove the section if it is not required',
      });
    }
  }
};

const SHIPPED = new Set(['delivered', 'partial']);

/** Work that shipped, or partly, leaves a trace: a pull request, a dashboard, a document. */
export const noEvidence: Rule = (ctx) => {
  for (const item of valid(ctx.content, 'accomplishments')) {
    if (!SHIPPED.has(item.data.outcome) || item.data.evidence.length > 0 || item.data.draft) continue;
    const written = typeof item.raw === 'object' && item.raw !== null && 'evidence' in item.raw;
    ctx.report({
      at: item,
      path: [written ? 'evidence' : 'outcome'],
      rule: 'no-evidence',
      message: `No \`evidence\` for an item with \`outcome: ${item.data.outcome}\`, expected at least one link that shows the work`,
      hint: 'add `evidence: [{label: "PR #123", url: "https://github.com/org/repo/pull/123"}]`: a pull request, a dashboard or a document',
    });
  }
};
