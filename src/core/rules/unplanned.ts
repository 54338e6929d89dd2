import { valid } from '../read/content.ts';
import type { Rule } from './types.ts';

/** Work either moves a goal or says why it mattered anyway; never both, never neither. */
export const unplanned: Rule = (ctx) => {
  for (const item of valid(ctx.content, 'accomplishments')) {
    const reason = item.data.unplanned?.trim() ?? '';
    if (item.data.goals.length === 0 && reason === '') {
      ctx.report({
        at: item,
        path: item.data.unplanned === undefined ? ['goals'] : ['unplanned'],
        rule: 'unplanned',
        message: 'No goals and no `unplanned` reason, expected one of them',
        hint: 'list the goals this moved, or add `unplanned: <why it mattered>`',
      });
    } else if (item.data.goals.length > 0 && reason !== '') {
      ctx.report({
        at: item,
        path: ['unplanned'],
        rule: 'unplanned',
        message: 'Both `goals` and an `unplanned` reason, expected only one',
        hint: 'remove `unplanned` if the work moved these goals, or empty `goals` if it was unplanned',
      });
    }
  }
};
