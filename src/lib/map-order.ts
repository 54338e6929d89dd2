import { byTitle } from '../core/text/compare-text.ts';
import type { Accomplishment, Goal } from '../schema/index.ts';
import type { Entry } from './entry.ts';

/** A goal in map order, with its depth in the goal tree and the shown parent it hangs under. */
export interface OrderedGoal extends Entry<Goal> {
  depth: number;
  parent?: string;
}

/** Where items attach, found once so layout only has to place them. */
export interface Attachments {
  /** Per goal or key-result key: the items drawn next to it (each item at its first target in map order). */
  placed: Map<string, Entry<Accomplishment>[]>;
  /** Per goal or key-result key: how many items link to it (an item linked twice counts in both). */
  linked: Map<string, number>;
  /** Per item id: every goal or key-result key it links to, in map order; one edge each. */
  targets: Map<string, string[]>;
  /** Items whose goals are all outside this build: drawn without naming those goals. */
  hidden: Entry<Accomplishment>[];
  /** Items no goal asked for (`goals` empty). */
  unplanned: Entry<Accomplishment>[];
}

export const goalKey = (goal: string): string => `goal:${goal}`;
export const krKey = (goal: string, kr: string): string => `kr:${goal}/${kr}`;

/**
 * Depth-first through the goal tree, siblings alphabetical. A goal whose parent is not in this
 * build is a root. The check rejects loops, but a loop must not hide goals: any goal not reached
 * from a root starts its own subtree.
 */
export function orderGoals(goals: readonly Entry<Goal>[]): OrderedGoal[] {
  const shown = new Set(goals.map((goal) => goal.id));
  const children = new Map<string | undefined, Entry<Goal>[]>();
  for (const goal of goals) {
    const parent = goal.data.parent;
    const key = parent !== undefined && parent !== goal.id && shown.has(parent) ? parent : undefined;
    const siblings = children.get(key) ?? [];
    siblings.push(goal);
    children.set(key, siblings);
  }
  for (const siblings of children.values()) siblings.sort(byTitle);

  const ordered: OrderedGoal[] = [];
  const seen = new Set<string>();
  const visit = (goal: Entry<Goal>, depth: number, parent?: string): void => {
    if (seen.has(goal.id)) return;
    seen.add(goal.id);
    ordered.push(parent === undefined ? { ...goal, depth } : { ...goal, depth, parent });
    for (const child of children.get(goal.id) ?? []) visit(child, depth + 1, goal.id);
  };
  for (const root of children.get(undefined) ?? []) visit(root, 0);
  for (const goal of [...goals].sort(byTitle)) visit(goal, 0);
  return ordered;
}

/**
 * Resolves each item's goal links against the shown goals. A link to a key result the goal does
 * not have falls back to the goal (the check reports it; the map still shows the work).
 */
export function attachItems(goals: readonly OrderedGoal[], items: readonly Entry<Accomplishment>[]): Attachments {
  const rank = new Map<string, number>();
  const keyResults = new Map<string, Set<string>>();
  for (const goal of goals) {
    rank.set(goalKey(goal.id), rank.size);
    for (const kr of goal.data.key_results) rank.set(krKey(goal.id, kr.id), rank.size);
    keyResults.set(goal.id, new Set(goal.data.key_results.map((kr) => kr.id)));
  }

  const result: Attachments = { placed: new Map(), linked: new Map(), targets: new Map(), hidden: [], unplanned: [] };
  for (const item of [...items].sort(byTitle)) {
    if (item.data.goals.length === 0) {
      result.unplanned.push(item);
      continue;
    }
    const targets = new Set<string>();
    for (const link of item.data.goals) {
      const krs = keyResults.get(link.goal);
      if (krs === undefined) continue; // not in this build: leak nothing about it
      targets.add(link.key_result !== undefined && krs.has(link.key_result) ? krKey(link.goal, link.key_result) : goalKey(link.goal));
    }
    if (targets.size === 0) {
      result.hidden.push(item);
      continue;
    }
    const sorted = [...targets].sort((a, b) => rank.get(a)! - rank.get(b)!);
    result.targets.set(item.id, sorted);
    for (const target of sorted) result.linked.set(target, (result.linked.get(target) ?? 0) + 1);
    const first = sorted[0]!;
    const list = result.placed.get(first) ?? [];
    list.push(item);
    result.placed.set(first, list);
  }
  return result;
}
