import type { Accomplishment, Cycle, Person } from '../../schema/index.ts';

/** Where a person stands against the cycle's min..max. */
export type CountState = 'below' | 'within' | 'above';

/**
 * The items each person has in a cycle, counted the one way the `submission-count` check,
 * `status`, `report` and the site's coverage pages all count them: never drafts, every visibility
 * the caller passes in (the check counts private items too; they are only never shown), and each
 * author once per item even when listed twice. Keys are the ids the items name, known people or not.
 */
export function itemsPerPerson<I extends { data: Accomplishment }>(items: Iterable<I>, cycleId: string): Map<string, I[]> {
  const byPerson = new Map<string, I[]>();
  for (const item of items) {
    if (item.data.draft || item.data.cycle !== cycleId) continue;
    for (const author of new Set(item.data.authors)) {
      const list = byPerson.get(author);
      if (list) list.push(item);
      else byPerson.set(author, [item]);
    }
  }
  return byPerson;
}

export function countState(count: number, min: number, max: number): CountState {
  return count < min ? 'below' : count > max ? 'above' : 'within';
}

/**
 * Why `person` is not held to the cycle's `submissions.min`, or undefined when they are: they
 * joined after the cycle started, left before it ended, or the cycle's `exempt` names them. The
 * maximum holds for everyone. The cycle's reason is for the team only: callers that print this
 * show that someone is exempt, never why.
 */
export function exemption(personId: string, person: Person, cycle: Cycle): string | undefined {
  const listed = cycle.exempt.find((entry) => entry.person === personId);
  if (listed) return listed.reason;
  if (person.joined !== undefined && person.joined > cycle.start) return `joined ${person.joined}`;
  if (person.left !== undefined && person.left < cycle.end) return `left ${person.left}`;
  return undefined;
}
