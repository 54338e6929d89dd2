import { valid } from '../read/content.ts';
import type { Rule } from './types.ts';

/** A cycle's own dates and limits make sense. */
export const cycleDates: Rule = (ctx) => {
  for (const cycle of valid(ctx.content, 'cycles')) {
    const { start, end, due, submissions } = cycle.data;
    if (end < start) {
      ctx.report({
        at: cycle,
        path: ['end'],
        rule: 'cycle-dates',
        message: `Cycle ends on ${end}, before it starts on ${start}`,
        hint: 'swap `start` and `end`, or fix the year',
      });
    }
    if (due !== undefined && due < start) {
      ctx.report({
        at: cycle,
        path: ['due'],
        rule: 'cycle-dates',
        message: `Cycle is due on ${due}, before it starts on ${start}`,
        hint: '`due` is the last day to submit, usually shortly after `end`',
      });
    }
    if (submissions.min > submissions.max) {
      ctx.report({
        at: cycle,
        path: ['submissions', 'min'],
        rule: 'cycle-dates',
        message: `\`submissions.min\` is ${submissions.min}, above \`submissions.max\` ${submissions.max}`,
        hint: 'nobody could meet both; lower `min` or raise `max`',
      });
    }
  }
};

/** An accomplishment sits in its cycle's folder and is dated inside that cycle. */
export const accomplishmentDates: Rule = (ctx) => {
  const cycles = ctx.content.entries.cycles;
  for (const item of valid(ctx.content, 'accomplishments')) {
    const folder = item.id.split('/')[0]!;
    if (folder !== item.data.cycle) {
      ctx.report({
        at: item,
        path: ['cycle'],
        rule: 'cycle-folder',
        message: `Cycle \`${item.data.cycle}\` differs from the folder \`${folder}/\` the file is in`,
        hint: `move the file to \`content/accomplishments/${item.data.cycle}/\`, or set \`cycle: ${folder}\``,
      });
    }
    const cycle = cycles.get(item.data.cycle);
    if (cycle?.data && (item.data.date < cycle.data.start || item.data.date > cycle.data.end)) {
      ctx.report({
        at: item,
        path: ['date'],
        rule: 'date-outside-cycle',
        message: `Date ${item.data.date} is outside cycle \`${cycle.id}\`, expected ${cycle.data.start} to ${cycle.data.end}`,
        hint: 'use the day the work landed; work from another cycle belongs in that cycle’s folder',
        related: [cycle.doc.file],
      });
    }
    if (item.data.date > ctx.today) {
      ctx.report({
        at: item,
        path: ['date'],
        rule: 'future-date',
        message: `Date ${item.data.date} is after today (${ctx.today})`,
        hint: 'use the day the work landed',
      });
    }
    item.data.goals.forEach((link, index) => {
      const goal = ctx.content.entries.goals.get(link.goal)?.data;
      if (!goal || goal.cycle === item.data.cycle) return;
      ctx.report({
        at: item,
        path: ['goals', index, ...(typeof (item.raw as { goals?: unknown[] }).goals?.[index] === 'object' ? ['goal'] : [])],
        rule: 'goal-cycle',
        message: `Goal \`${link.goal}\` belongs to cycle \`${goal.cycle}\`, this item to \`${item.data.cycle}\``,
        hint: 'pick a goal of this cycle, or check the item’s `cycle`',
      });
    });
  }
};
