import { valid } from '../read/content.ts';
import type { Rule } from './types.ts';

/**
 * `builds_on` looks back: work builds on what came before it, never on itself or on later work.
 * The same day is allowed, since two pieces of work can land together. An item the site's
 * audience may not see, or a draft, is not a problem here: the site leaves its link out.
 */
export const buildsOn: Rule = (ctx) => {
  const items = ctx.content.entries.accomplishments;
  for (const item of valid(ctx.content, 'accomplishments')) {
    item.data.builds_on.forEach((id, index) => {
      if (id === item.id) {
        ctx.report({
          at: item,
          path: ['builds_on', index],
          rule: 'builds-on',
          message: `Item \`${id}\` names itself in \`builds_on\`, expected an earlier item`,
          hint: 'remove it; `builds_on` lists the earlier work this one grew out of',
        });
        return;
      }
      const earlier = items.get(id);
      if (earlier?.data === undefined || earlier.data.date <= item.data.date) return;
      ctx.report({
        at: item,
        path: ['builds_on', index],
        rule: 'builds-on',
        message: laterWork(id, earlier.data.date, item.data.date),
        hint: `if \`${id}\` built on this one, list this item in its \`builds_on\` instead`,
        related: [earlier.doc.file],
      });
    });
  }
};

/** Shared with `new --builds-on`, so the command and the check say it in the same words. */
export function laterWork(id: string, earlierDate: string, date: string): string {
  return `Item \`${id}\` is dated ${earlierDate}, after this item's ${date}, expected work from before it`;
}
