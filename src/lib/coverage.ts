import { countState, exemption, itemsPerPerson, type CountState } from '../core/model/submission-counts.ts';
import type { Accomplishment, Cycle, Person } from '../schema/index.ts';
import type { Entry } from './entry.ts';

/** `exempt`: below the minimum, but not held to it (joined or left during the cycle, on leave…). */
export type CoverageStatus = CountState | 'exempt';

export interface PersonCoverage {
  person: Entry<Person>;
  count: number;
  status: CoverageStatus;
  /** Why the person is not held to the minimum, when they are not. For team eyes only. */
  exemptBecause?: string;
}

/**
 * How many items each person has in a cycle against the cycle's min..max. People come in
 * alphabetical order, never sorted by count: coverage is a reminder, not a ranking. The
 * exemptions are the check's own (`exemption`), so the site never calls someone short whom the
 * check and `status` excuse.
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
    const status = countState(count, min, max);
    const because = status === 'below' ? exemption(person.id, person.data, cycle.data) : undefined;
    return because === undefined ? { person, count, status } : { person, count, status: 'exempt', exemptBecause: because };
  });
}
