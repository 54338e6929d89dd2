import { valid, type Content, type ValidEntry } from './content.ts';

export type CountedItem = ValidEntry<'accomplishments'>;

/**
 * The items each person has in a cycle, counted the one way the `submission-count` check,
 * `status` and `report` all count them: items that pass the schema, never drafts, every
 * visibility (a private item still counts; it is only never shown), and each author once per
 * item even when listed twice. Keys are the ids the items name, known people or not.
 */
export function itemsPerPerson(content: Content, cycleId: string): Map<string, CountedItem[]> {
  const byPerson = new Map<string, CountedItem[]>();
  for (const item of valid(content, 'accomplishments')) {
    if (item.data.draft || item.data.cycle !== cycleId) continue;
    for (const author of new Set(item.data.authors)) {
      const list = byPerson.get(author);
      if (list) list.push(item);
      else byPerson.set(author, [item]);
    }
  }
  return byPerson;
}
