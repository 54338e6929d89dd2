import type { Accomplishment, Goal, KeyResult } from '../../schema/index.ts';

/** Anything with an accomplishment's data: the check's entries and the site's items alike. */
export interface HasItem {
  data: Accomplishment;
}

export interface Claim<I extends HasItem = HasItem> {
  item: I;
  before: number;
  after: number;
  delta: number;
}

export interface KeyResultClaims<I extends HasItem = HasItem> {
  claims: Claim<I>[];
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
 * What items claim on each key result, against what it actually moved, read in one pass over
 * the items. Only impacts in the key result's unit count: numbers in another unit cannot be
 * added up.
 */
export function claimIndex<I extends HasItem>(
  items: readonly I[],
  goal: (id: string) => Goal | undefined,
): (goalId: string, kr: KeyResult) => KeyResultClaims<I> {
  const byKeyResult = new Map<string, Claim<I>[]>();
  for (const item of items) {
    for (const impact of item.data.impact) {
      if (impact.key_result === undefined) continue;
      const owner = keyResultOwner(item.data, impact.key_result, goal);
      const kr = owner === undefined ? undefined : goal(owner)?.key_results.find((k) => k.id === impact.key_result);
      if (kr === undefined || impact.unit !== kr.unit) continue;
      const key = `${owner ?? ''}\u0000${kr.id}`;
      const list = byKeyResult.get(key) ?? [];
      list.push({ item, before: impact.before, after: impact.after, delta: impact.after - impact.before });
      byKeyResult.set(key, list);
    }
  }
  return (goalId, kr) => sum(byKeyResult.get(`${goalId}\u0000${kr.id}`) ?? [], kr);
}

/** The claims on one key result; see `claimIndex` for many. */
export function keyResultClaims<I extends HasItem>(
  goalId: string,
  kr: KeyResult,
  items: readonly I[],
  goal: (id: string) => Goal | undefined,
): KeyResultClaims<I> {
  return claimIndex(items, goal)(goalId, kr);
}

function sum<I extends HasItem>(claims: Claim<I>[], kr: KeyResult): KeyResultClaims<I> {
  const claimed = claims.reduce((total, c) => total + c.delta, 0);
  const actual = kr.current - kr.baseline;
  const direction = Math.sign(kr.target - kr.baseline) || 1;
  // Tolerate float noise: 0.1 + 0.2 must not read as an over-claim of 0.3.
  const overClaimed = claims.length > 0 && direction * claimed > direction * actual + 1e-9 * Math.max(1, Math.abs(actual));
  return { claims, claimed, actual, overClaimed };
}

/**
 * The key results an item names, as `goal\0kr` keys: through `goals[].key_result`, and through
 * `impact[].key_result` on the one goal of the item's that owns it. The site's goal pages group items
 * and `status` finds key results nothing names with it.
 */
export function namedKeyResults(item: Accomplishment, goal: (id: string) => Goal | undefined): string[] {
  return [
    ...item.goals.flatMap((link) => (link.key_result === undefined ? [] : [keyResultKey(link.goal, link.key_result)])),
    ...item.impact.flatMap((m) => {
      const owner = m.key_result === undefined ? undefined : keyResultOwner(item, m.key_result, goal);
      return owner === undefined || m.key_result === undefined ? [] : [keyResultKey(owner, m.key_result)];
    }),
  ];
}

/** The key of one key result of one goal, for grouping. */
export const keyResultKey = (goalId: string, krId: string) => `${goalId}\u0000${krId}`;
