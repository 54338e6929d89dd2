import { COLLECTIONS } from '../../schema/index.ts';
import { valid } from '../read/content.ts';
import type { Rule } from './types.ts';

/** Ids are unique per collection, also across letter case (file systems disagree about case). */
export const duplicates: Rule = (ctx) => {
  for (const collection of COLLECTIONS) {
    const seen = new Map<string, string>();
    for (const entry of ctx.content.entries[collection].values()) {
      const key = entry.id.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, entry.id);
        continue;
      }
      const other = ctx.content.entries[collection].get(first)!;
      ctx.report({
        at: entry,
        rule: 'duplicate-id',
        message: `Duplicate id \`${entry.id}\`, \`${other.doc.file}\` already has it${first === entry.id ? '' : ' (ids ignore letter case)'}`,
        hint: 'rename one of the files; ids must be unique in a collection',
        related: [other.doc.file],
      });
    }
  }
  for (const goal of valid(ctx.content, 'goals')) {
    const seen = new Set<string>();
    goal.data.key_results.forEach((kr, index) => {
      if (seen.has(kr.id)) {
        ctx.report({
          at: goal,
          path: ['key_results', index, 'id'],
          rule: 'duplicate-id',
          message: `Duplicate key result id \`${kr.id}\`, expected each key result of a goal to have its own id`,
        });
      }
      seen.add(kr.id);
    });
  }
  const handles = new Map<string, string>();
  for (const person of valid(ctx.content, 'people')) {
    const handle = person.data.github?.toLowerCase();
    if (handle === undefined) continue;
    const first = handles.get(handle);
    if (first === undefined) {
      handles.set(handle, person.id);
      continue;
    }
    ctx.report({
      at: person,
      path: ['github'],
      rule: 'duplicate-id',
      message: `Duplicate GitHub handle \`${person.data.github!}\`, person \`${first}\` already has it`,
      hint: 'each person has their own handle; pull requests are matched to people by it',
      related: [ctx.content.entries.people.get(first)!.doc.file],
    });
  }
  for (const item of valid(ctx.content, 'accomplishments')) {
    repeats(item.data.authors, (author, index) => {
      ctx.report({
        at: item,
        path: ['authors', index],
        rule: 'duplicate-entry',
        message: `Duplicate author \`${author}\`, expected each person once`,
        hint: 'remove the second one',
      });
    });
    const goals = new Map<string, number>();
    item.data.goals.forEach((link, index) => {
      const key = `${link.goal}\u0000${link.key_result ?? ''}`;
      if (goals.has(key)) {
        ctx.report({
          at: item,
          path: ['goals', index],
          rule: 'duplicate-entry',
          message: `Duplicate goal \`${link.goal}\`${link.key_result ? ` with key result \`${link.key_result}\`` : ''}, already listed as \`goals[${goals.get(key)!}]\``,
          hint: 'merge the two entries',
        });
      }
      goals.set(key, index);
    });
    repeats(item.data.builds_on, (id, index) => {
      ctx.report({
        at: item,
        path: ['builds_on', index],
        rule: 'duplicate-entry',
        message: `Duplicate item \`${id}\` in \`builds_on\`, expected each item once`,
        hint: 'remove the second one',
      });
    });
  }
};

/** Calls `found` for each entry of `list` that an earlier one already named, with its index. */
function repeats(list: readonly string[], found: (value: string, index: number) => void): void {
  const seen = new Set<string>();
  list.forEach((value, index) => {
    if (seen.has(value)) found(value, index);
    seen.add(value);
  });
}
