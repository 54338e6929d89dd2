import { valid } from '../read/content.ts';
import { isPersonal } from '../read/paths.ts';
import { exemption, itemsPerPerson } from '../model/submission-counts.ts';
import { daysBetween } from '../model/status.ts';
import type { Rule } from './types.ts';

/**
 * Each person writes `min`..`max` items per cycle; drafts do not count, and people the cycle
 * exempts (or who joined after it started, or left before it ended) are held to no minimum.
 * A shortfall is a reminder (warning) only in the cycle's last `reminder_days` before the due
 * date, and an error after it. Having too many is a warning before the due date, an error after.
 *
 * Checking a change (`--changed-since`), an overdue count is reported only when the change makes
 * it worse than on the base (fewer items when short, more when over): a pull request never fails
 * for a count it does not make worse. The full check still reports every count.
 */
export const submissionCount: Rule = (ctx) => {
  // Personal items are not submitted: they count nowhere but on their author's own machine.
  const submitted = valid(ctx.content, 'accomplishments').filter((item) => !isPersonal(item.doc.file));
  const changes = ctx.changes;
  const before = changes && [...changes.before].filter(([file]) => !isPersonal(file)).map(([file, data]) => ({ file, data }));
  for (const cycle of valid(ctx.content, 'cycles')) {
    const due = cycle.data.due ?? cycle.data.end;
    // A cycle whose own dates or limits are wrong (cycle-dates) would only produce noise here.
    if (cycle.data.end < cycle.data.start || due < cycle.data.start || cycle.data.submissions.min > cycle.data.submissions.max) continue;
    const overdue = ctx.today > due;
    const reminding = daysBetween(ctx.today, due) <= cycle.data.reminder_days;
    const { max } = cycle.data.submissions;
    const byPerson = itemsPerPerson(submitted, cycle.id);
    const beforeByPerson = before && itemsPerPerson(before, cycle.id);
    for (const person of valid(ctx.content, 'people')) {
      const files = (byPerson.get(person.id) ?? []).map((item) => item.doc.file);
      const count = files.length;
      const min = exemption(person.id, person.data, cycle.data) === undefined ? cycle.data.submissions.min : 0;
      if (count >= min && count <= max) continue;
      const short = count < min;
      if (short && !overdue && !reminding) continue;
      let gone: string[] = [];
      if (changes && beforeByPerson) {
        const was = (beforeByPerson.get(person.id) ?? []).map((item) => item.file);
        const baseCount = files.filter((file) => !changes.changed.has(file)).length + was.length;
        if (overdue && (short ? count >= baseCount : count <= baseCount)) continue;
        // Items the change took away from this person: the problem is about them too.
        gone = was.filter((file) => !files.includes(file));
      }
      const severity = overdue ? 'error' : 'warning';
      const when = overdue ? `was due ${due}` : `is due ${due}`;
      ctx.report({
        at: person,
        rule: 'submission-count',
        severity,
        message: short
          ? `${person.data.name} has ${count} of ${min}–${max} accomplishments in cycle \`${cycle.id}\`, which ${when}`
          : `${person.data.name} has ${count} accomplishments in cycle \`${cycle.id}\`, expected at most ${max}`,
        hint: short
          ? `add ${min - count} more with \`npm run new\`, as author or co-author`
          : 'merge related items, or mark the least important ones `draft: true`',
        related: [cycle.doc.file, ...files, ...gone],
      });
    }
  }
};
