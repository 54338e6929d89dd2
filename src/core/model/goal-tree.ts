import type { Goal } from '../../schema/index.ts';
import { byTitle } from '../text/compare-text.ts';
import type { Entry } from '../read/content.ts';

/** A step on the path from a top goal down to a goal: the goal, or a marker where it is hidden. */
export type TreeStep<G extends Entry<Goal> = Entry<Goal>> = { kind: 'goal'; goal: G } | { kind: 'hidden' };

export interface GoalTree<G extends Entry<Goal> = Entry<Goal>> {
  /** Goals with no parent, or whose parent this build does not show, in display order. */
  roots: G[];
  children(id: string): G[];
  /**
   * The path from the top goal to `id`, inclusive. A parent the build does not show appears once
   * as `hidden` and ends the climb, so no title or id of it leaks. Loops end the climb too: the
   * check forbids them, but a page must never hang on content that skipped the check.
   */
  path(id: string): TreeStep<G>[];
  /** `id` and every goal below it. */
  descendants(id: string): G[];
}

/**
 * `visible` are the goals this build shows; `parentOf` knows every goal's parent, shown or not,
 * so a path can say "a goal above this one is not shown" instead of pretending it is a top goal.
 */
export function goalTree<G extends Entry<Goal>>(visible: readonly G[], parentOf: (id: string) => string | undefined): GoalTree<G> {
  const byId = new Map(visible.map((g) => [g.id, g]));
  const kids = new Map<string, G[]>();
  const roots: G[] = [];
  for (const goal of [...visible].sort(byTitle)) {
    const parent = goal.data.parent;
    if (parent !== undefined && byId.has(parent) && !isInLoop(goal.id, parentOf)) {
      const list = kids.get(parent) ?? [];
      list.push(goal);
      kids.set(parent, list);
    } else roots.push(goal);
  }
  const children = (id: string): G[] => kids.get(id) ?? [];
  return {
    roots,
    children,
    path(id) {
      const steps: TreeStep<G>[] = [];
      const seen = new Set<string>();
      let at: string | undefined = id;
      while (at !== undefined && !seen.has(at)) {
        seen.add(at);
        const goal = byId.get(at);
        if (!goal) {
          steps.push({ kind: 'hidden' });
          break;
        }
        steps.push({ kind: 'goal', goal });
        at = parentOf(at);
      }
      return steps.reverse();
    },
    descendants(id) {
      const out: G[] = [];
      const seen = new Set<string>();
      const walk = (goal: G | undefined) => {
        if (!goal || seen.has(goal.id)) return;
        seen.add(goal.id);
        out.push(goal);
        children(goal.id).forEach(walk);
      };
      walk(byId.get(id));
      return out;
    },
  };
}

function isInLoop(id: string, parentOf: (id: string) => string | undefined): boolean {
  const seen = new Set<string>();
  for (let at = parentOf(id); at !== undefined; at = parentOf(at)) {
    if (at === id) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}
