import type { KeyResult } from '../../schema/index.ts';
import type { ContentEntry, ValidEntry } from '../read/content.ts';

/** Which key result an `impact` entry's `key_result` names, among the item's own goals. */
export type ImpactTarget =
  | { kind: 'found'; goal: ValidEntry<'goals'>; kr: KeyResult }
  | { kind: 'unknown'; candidates: string[] }
  | { kind: 'ambiguous'; goals: string[] }
  /** One of the item's goals does not resolve, so the owner cannot be known. */
  | { kind: 'unresolved' };

export function impactTarget(
  links: readonly { goal: string }[],
  keyResult: string,
  goals: ReadonlyMap<string, ContentEntry<'goals'>>,
): ImpactTarget {
  const owners: ValidEntry<'goals'>[] = [];
  for (const link of links) {
    const goal = goals.get(link.goal);
    if (goal?.data === undefined) return { kind: 'unresolved' };
    if (!owners.includes(goal as ValidEntry<'goals'>)) owners.push(goal as ValidEntry<'goals'>);
  }
  // One match per goal: two key results sharing an id in one goal is duplicate-id's problem.
  const matches = owners.flatMap((goal) => {
    const kr = goal.data.key_results.find((k) => k.id === keyResult);
    return kr ? [{ goal, kr }] : [];
  });
  if (matches.length === 1) return { kind: 'found', ...matches[0]! };
  if (matches.length > 1) return { kind: 'ambiguous', goals: matches.map((m) => m.goal.id) };
  return { kind: 'unknown', candidates: owners.flatMap((goal) => goal.data.key_results.map((kr) => kr.id)) };
}
