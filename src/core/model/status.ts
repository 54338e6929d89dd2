import { signed } from '../text/numbers.ts';
import type { Accomplishment, Goal, KeyResult } from '../../schema/index.ts';
import { claimIndex, keyResultKey, namedKeyResults } from './claims.ts';
import { byTitle, compareText } from '../text/compare-text.ts';
import { goalTree, type GoalTree } from './goal-tree.ts';
import { valid, type Content, type ValidEntry } from '../read/content.ts';
import { countState, exemption, itemsPerPerson, type CountState } from './submission-counts.ts';

export interface PersonCount {
  id: string;
  name: string;
  /** Items that count: no drafts, every visibility, as the `submission-count` check counts. */
  items: number;
  /** Drafts in the cycle, which do not count yet. */
  drafts: number;
  /**
   * Not held to the minimum: the cycle's `exempt` names them, or they joined after it started or
   * left before it ended. Why is never said here: the cycle's reason is for the team only.
   */
  exempt: boolean;
  /** Against the cycle's range; an exempt person's minimum is 0. */
  state: CountState;
}

export interface GoalRef {
  id: string;
  title: string;
}

export interface KeyResultRef {
  goal: GoalRef;
  keyResult: { id: string; title: string };
}

export interface OverClaim extends KeyResultRef {
  unit: string;
  baseline: number;
  current: number;
  /** Sum of the items' before → after deltas. */
  claimed: number;
  /** current − baseline. */
  actual: number;
  /** How many claims add up to `claimed`. */
  claims: number;
}

/**
 * Where a cycle stands, as plain data: `status` prints it as a table, Markdown or JSON (this is
 * the JSON shape, with `version` added). Only content that passes the schema is counted; private
 * items are counted and never named.
 */
export interface CycleStatus {
  today: string;
  cycle: {
    id: string;
    name: string;
    start: string;
    end: string;
    /** The due date, or the end when the cycle sets none. */
    due: string;
    /** Days from today to the due date; negative once it has passed. */
    daysLeft: number;
    submissions: { min: number; max: number };
    /** Items in the cycle that count: no drafts, every visibility. */
    items: number;
  };
  /** Everyone in `content/people/`, alphabetical by name: never ranked by count. */
  people: PersonCount[];
  /** Goals of the cycle (not dropped) that no item moves, directly or through a goal below. */
  goalsWithoutItems: GoalRef[];
  /** Key results of those goals that no item names, in `goals` or in `impact`. */
  keyResultsWithoutItems: KeyResultRef[];
  /** Items of the cycle with no evidence link; private ones only counted. */
  itemsWithoutEvidence: { items: { id: string; file: string; title: string }[]; private: number };
  /** Key results of the cycle's goals whose claims add up to more than they moved. */
  overClaimed: OverClaim[];
}

/** The status of cycle `cycleId`, which must be a valid cycle of `content`. */
export function cycleStatus(content: Content, cycleId: string, today: string): CycleStatus {
  const cycle = content.entries.cycles.get(cycleId)?.data;
  if (cycle === undefined) throw new Error(`cycleStatus: no valid cycle \`${cycleId}\``);
  const { min, max } = cycle.submissions;
  const due = cycle.due ?? cycle.end;
  const all = valid(content, 'accomplishments');
  const counted = all.filter((item) => !item.data.draft);
  const inCycle = counted.filter((item) => item.data.cycle === cycleId);

  const perPerson = itemsPerPerson(all, cycleId);
  const drafts = new Map<string, number>();
  for (const item of all)
    if (item.data.draft && item.data.cycle === cycleId)
      for (const author of new Set(item.data.authors)) drafts.set(author, (drafts.get(author) ?? 0) + 1);
  const people = valid(content, 'people')
    .sort((a, b) => compareText(a.data.name, b.data.name) || compareText(a.id, b.id))
    .map((person): PersonCount => {
      const items = perPerson.get(person.id)?.length ?? 0;
      const exempt = exemption(person.id, person.data, cycle) !== undefined;
      const state = countState(items, exempt ? 0 : min, max);
      return { id: person.id, name: person.data.name, items, drafts: drafts.get(person.id) ?? 0, exempt, state };
    });

  const goals = valid(content, 'goals');
  const goalData = (id: string) => content.entries.goals.get(id)?.data;
  const ofCycle = goals.filter((g) => g.data.cycle === cycleId).sort(byTitle);
  const tree = goalTree(goals, (id) => goalData(id)?.parent);
  const gaps = unmoved(ofCycle, counted, tree, goalData);
  const goalRef = (g: ValidEntry<'goals'>): GoalRef => ({ id: g.id, title: g.data.title });

  const withoutEvidence = inCycle.filter((item) => item.data.evidence.length === 0);
  const claimsOn = claimIndex(counted, goalData);

  return {
    today,
    cycle: {
      id: cycleId,
      name: cycle.name,
      start: cycle.start,
      end: cycle.end,
      due,
      daysLeft: daysBetween(today, due),
      submissions: { min, max },
      items: inCycle.length,
    },
    people,
    goalsWithoutItems: gaps.goals.map(goalRef),
    keyResultsWithoutItems: gaps.keyResults.map(({ goal, kr }) => ({ goal: goalRef(goal), keyResult: { id: kr.id, title: kr.title } })),
    itemsWithoutEvidence: {
      items: withoutEvidence
        .filter((item) => item.data.visibility !== 'private')
        .sort(byTitle)
        .map((item) => ({ id: item.id, file: item.doc.file, title: item.data.title })),
      private: withoutEvidence.filter((item) => item.data.visibility === 'private').length,
    },
    overClaimed: ofCycle.flatMap((g) =>
      g.data.key_results.flatMap((kr): OverClaim[] => {
        const { claims, claimed, actual, overClaimed } = claimsOn(g.id, kr);
        if (!overClaimed) return [];
        const { unit, baseline, current } = kr;
        const keyResult = { id: kr.id, title: kr.title };
        return [{ goal: goalRef(g), keyResult, unit, baseline, current, claimed, actual, claims: claims.length }];
      }),
    ),
  };
}

/** What no item has moved yet: see `unmoved`. */
export interface Unmoved<G> {
  goals: G[];
  keyResults: { goal: G; kr: KeyResult }[];
}

/**
 * The goals among `goals` (not dropped) that no item moves, directly or through a goal below, and
 * their key results that no item names, in `goals` or in `impact`; by title, as goals are listed
 * everywhere. `status`
 * and the site's cycle page both ask this, each over the items it counts, so they never disagree
 * about what is left.
 */
export function unmoved<G extends { id: string; data: Goal }>(
  goals: readonly G[],
  items: readonly { data: Accomplishment }[],
  tree: GoalTree<G>,
  goalData: (id: string) => Goal | undefined,
): Unmoved<G> {
  const moved = new Set(items.flatMap((item) => item.data.goals.map((link) => link.goal)));
  const named = new Set(items.flatMap((item) => namedKeyResults(item.data, goalData)));
  const open = goals.filter((g) => g.data.status !== 'dropped').sort(byTitle);
  return {
    goals: open.filter((g) => tree.descendants(g.id).every((goal) => !moved.has(goal.id))),
    keyResults: open.flatMap((goal) =>
      goal.data.key_results.filter((kr) => !named.has(keyResultKey(goal.id, kr.id))).map((kr) => ({ goal, kr })),
    ),
  };
}

/** `2 of 3–5`: a count against the cycle's range. */
export function countText(count: number, min: number, max: number): string {
  return `${count} of ${min}–${max}`;
}

/** `needs 1 more`, `ok`, `over by 1`, `exempt` (below the minimum, not held to it): a reminder, never a score. */
export function stateText(count: number, min: number, max: number, exempt = false): string {
  if (count < min) return exempt ? 'exempt' : `needs ${min - count} more`;
  return count > max ? `over by ${count - max}` : 'ok';
}

/** `due 2026-07-10, 5 days left`, `due today (2026-07-10)`, `was due 2026-07-10, 140 days ago`. */
export function dueText(due: string, daysLeft: number): string {
  if (daysLeft === 0) return `due today (${due})`;
  if (daysLeft > 0) return `due ${due}, ${daysLeft} day${daysLeft === 1 ? '' : 's'} left`;
  return `was due ${due}, ${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago`;
}

/** `items claim −14 min, it moved −8 min (20 → 12)`: the over-claim check's numbers, in words. */
export function overClaimText(o: OverClaim): string {
  return `items claim ${signed(o.claimed)} ${o.unit}, it moved ${signed(o.actual)} ${o.unit} (${o.baseline} → ${o.current})`;
}

/** Whole days from `from` to `to`, both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
