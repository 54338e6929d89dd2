import type { Accomplishment, Goal, KeyResult } from '../schema/index.ts';
import type { Entry } from './entry.ts';

export interface Claim {
  item: Entry<Accomplishment>;
  before: number;
  after: number;
  delta: number;
}

export interface KeyResultClaims {
  claims: Claim[];
  /** Sum of the claimed before → after deltas. */
  claimed: number;
  /** How far the key result actually moved, baseline → current. */
  actual: number;
  /** Claims add up to more movement, in the key result's direction, than it actually moved. */
  overClaimed: boolean;
}

/**
 * The goal that owns the key result an `impact` entry names: the one goal, among the item's own
 * goals, with a key result of that id (the `over-claim` and `unknown-key-result` checks read it
 * the same way). Undefined when none or several do.
 */
export function keyResultOwner(item: Accomplishment, krId: string, goal: (id: string) => Goal | undefined): string | undefined {
  const owners = [...new Set(item.goals.map((link) => link.goal))].filter((id) => goal(id)?.key_results.some((kr) => kr.id === krId));
  return owners.length === 1 ? owners[0] : undefined;
}

/**
 * What items claim on one key result, against what it actually moved. Only impacts in the key
 * result's unit count: numbers in another unit cannot be added up.
 */
export function keyResultClaims(
  goalId: string,
  kr: KeyResult,
  items: readonly Entry<Accomplishment>[],
  goal: (id: string) => Goal | undefined,
): KeyResultClaims {
  const claims: Claim[] = [];
  for (const item of items) {
    for (const impact of item.data.impact) {
      if (impact.key_result !== kr.id || impact.unit !== kr.unit) continue;
      if (keyResultOwner(item.data, kr.id, goal) !== goalId) continue;
      claims.push({ item, before: impact.before, after: impact.after, delta: impact.after - impact.before });
    }
  }
  const claimed = claims.reduce((sum, c) => sum + c.delta, 0);
  const actual = kr.current - kr.baseline;
  const direction = Math.sign(kr.target - kr.baseline) || 1;
  // Tolerate float noise: 0.1 + 0.2 must not read as an over-claim of 0.3.
  const overClaimed = claims.length > 0 && direction * claimed > direction * actual + 1e-9 * Math.max(1, Math.abs(actual));
  return { claims, claimed, actual, overClaimed };
}
