import { countState, itemsPerPerson, type CountState } from '../core/model/submission-counts.ts';
import type { Accomplishment, Cycle, Person } from '../schema/index.ts';
import type { Entry } from './entry.ts';

export type CoverageStatus = CountState;

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
  const counted = itemsPerPerson(items, cycle.id);
  const { min, max } = cycle.data.submissions;
  return people.map((person) => {
    const count = counted.get(person.id)?.length ?? 0;
    return { person, count, status: countState(count, min, max) };
  });
}
