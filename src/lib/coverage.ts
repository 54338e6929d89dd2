import type { Accomplishment, Cycle, Person } from '../schema/index.ts';
import type { Entry } from './entry.ts';

export type CoverageStatus = 'below' | 'within' | 'above';

export interface PersonCoverage {
  person: Entry<Person>;
  count: number;
  status: CoverageStatus;
}

/**
 * How many items each person has in a cycle against the cycle's min..max. People come in
 * alphabetical order, never sorted by count: coverage is a reminder, not a ranking.
 */
export function cycleCoverage(
  cycle: Entry<Cycle>,
  people: readonly Entry<Person>[],
  items: readonly Entry<Accomplishment>[],
): PersonCoverage[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    if (item.data.cycle !== cycle.id) continue;
    for (const author of new Set(item.data.authors)) counts.set(author, (counts.get(author) ?? 0) + 1);
  }
  const { min, max } = cycle.data.submissions;
  return people.map((person) => {
    const count = counts.get(person.id) ?? 0;
    return { person, count, status: count < min ? 'below' : count > max ? 'above' : 'within' };
  });
}
