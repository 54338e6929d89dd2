import { valid } from '../read/content.ts';
import { isPersonal } from '../read/paths.ts';
import { itemsPerPerson } from '../model/submission-counts.ts';
import type { Rule } from './types.ts';

/**
 * Each person writes `min`..`max` items per cycle. Before the due date a shortfall is a reminder
 * (warning); after it, an error. Drafts do not count.
 */
export const submissionCount: Rule = (ctx) => {
  for (const cycle of valid(ctx.content, 'cycles')) {
    const due = cycle.data.due ?? cycle.data.end;
    // A cycle whose own dates or limits are wrong (cycle-dates) would only produce noise here.
    if (cycle.data.end < cycle.data.start || due < cycle.data.start || cycle.data.submissions.min > cycle.data.submissions.max) continue;
    const overdue = ctx.today > due;
    const { min, max } = cycle.data.submissions;
    // Personal items are not submitted: they count nowhere but on their author's own machine.
    const submitted = valid(ctx.content, 'accomplishments').filter((item) => !isPersonal(item.doc.file));
    const byPerson = itemsPerPerson(submitted, cycle.id);
    for (const person of valid(ctx.content, 'people')) {
      const files = (byPerson.get(person.id) ?? []).map((item) => item.doc.file);
      const count = files.length;
      if (count >= min && count <= max) continue;
      const severity = overdue ? 'error' : 'warning';
      const when = overdue ? `was due ${due}` : `is due ${due}`;
      ctx.report({
        at: person,
        rule: 'submission-count',
        severity,
        message:
          count < min
            ? `${person.data.name} has ${count} of ${min}–${max} accomplishments in cycle \`${cycle.id}\`, which ${when}`
            : `${person.data.name} has ${count} accomplishments in cycle \`${cycle.id}\`, expected at most ${max}`,
        hint:
          count < min
            ? `add ${min - count} more with \`npm run new\`, as author or co-author`
            : 'merge related items, or mark the least important ones `draft: true`',
        related: [cycle.doc.file, ...files],
      });
    }
  }
};
