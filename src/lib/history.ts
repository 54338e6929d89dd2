import type { Cycle, Goal, KeyResult } from '../schema/index.ts';
import type { GoalState, GoalVersion, HistoryEntry, HistoryGap, Stamp } from '../schema/history.ts';
import type { Doc } from './entry.ts';
import type { Formatting } from './format.ts';
import type { Item, SiteModel } from './site-model.ts';

/** One value a key result's `current` took, and when. */
export interface HistoryPoint extends Stamp {
  value: number;
}

export interface KeyResultHistory {
  /** Oldest first; one point per change of `current`. */
  points: HistoryPoint[];
  /** The day `current` was last set; stale when that is more than the site's `stale_after_days` ago. */
  updated: string;
  stale: boolean;
}

/** What happened to a goal an item served, after the item's own date. */
export type GoalMove =
  | { kind: 'dropped'; goal: Doc<Goal>; date: string }
  | { kind: 'reparented'; goal: Doc<Goal>; date: string; from?: Doc<Goal> | 'hidden'; to?: Doc<Goal> | 'hidden' }
  | {
      kind: 'retargeted';
      goal: Doc<Goal>;
      keyResult: KeyResult;
      date: string;
      field: 'baseline' | 'target' | 'unit';
      was: string;
      now: string;
      /** The key result's unit before and after the change, for the numbers. */
      units: { was: string; now: string };
    };

export interface ItemAudit {
  submitted: Stamp;
  edited: Stamp;
  /** Commits that changed the item after its cycle's due date. */
  afterDue: Stamp[];
}

export interface SiteHistory {
  available: boolean;
  gap?: HistoryGap;
  keyResult(goalId: string, krId: string): KeyResultHistory | undefined;
  item(item: Item): ItemAudit | undefined;
  /** Changes to the goals `item` served made after `item`'s date: it is judged against what it worked to. */
  movesAfter(item: Item): GoalMove[];
  /** What changed in the goals since the cycle before `cycleId`; undefined for the first cycle. */
  sincePrevious(cycleId: string): CycleChanges | undefined;
}

/** A cycle's goals against the previous cycle's, as its page lists them. */
export interface CycleChanges {
  previous: Doc<Cycle>;
  /** Goals new this cycle. */
  added: Doc<Goal>[];
  /** Goals that were the previous cycle's and moved on to this one (their `cycle` changed). */
  carried: Doc<Goal>[];
  /** The previous cycle's goals that were dropped. */
  dropped: Doc<Goal>[];
  /** Moves of this cycle's goals during the cycle: a new parent, or a key result retargeted. */
  moves: GoalMove[];
}

/**
 * The history the pages may show: only goals and items this build's model shows, and a parent
 * that it hides is only ever "hidden", never named. Days are compared as `YYYY-MM-DD` text.
 */
export function siteHistory(entries: readonly { id: string; data: HistoryEntry }[], site: SiteModel): SiteHistory {
  const state = entries.find((e) => e.data.kind === 'state')?.data;
  const goals = new Map<string, GoalVersion[]>();
  const items = new Map<string, Stamp[]>();
  for (const { id, data } of entries) {
    if (data.kind === 'goal') goals.set(id.slice('goal/'.length), data.versions);
    else if (data.kind === 'item') items.set(id.slice('item/'.length), data.commits);
  }
  const available = state?.kind === 'state' && state.available;
  const versionsOf = (goalId: string) => (available && site.goal(goalId) ? (goals.get(goalId) ?? []) : []);
  const parentOf = (id: string | undefined) => (id === undefined ? undefined : (site.goal(id) ?? 'hidden'));

  return {
    available,
    ...(state?.kind === 'state' && state.gap !== undefined ? { gap: state.gap } : {}),
    keyResult(goalId, krId) {
      const points = keyResultPoints(versionsOf(goalId), krId);
      const last = points.at(-1);
      if (last === undefined) return undefined;
      return { points, updated: last.date, stale: daysBetween(last.date, site.today) > site.site.stale_after_days };
    },
    item(item) {
      const commits = available && site.item(item.id) ? items.get(item.id) : undefined;
      const submitted = commits?.[0];
      const edited = commits?.at(-1);
      if (submitted === undefined || edited === undefined) return undefined;
      const due = site.cycle(item.data.cycle)?.data.due;
      return { submitted, edited, afterDue: due === undefined ? [] : commits!.filter((c) => c.date > due) };
    },
    movesAfter(item) {
      const moves: GoalMove[] = [];
      const served = new Map<string, Set<string>>();
      for (const link of item.data.goals) {
        const krs = served.get(link.goal) ?? new Set<string>();
        if (link.key_result !== undefined) krs.add(link.key_result);
        served.set(link.goal, krs);
      }
      for (const [goalId, krIds] of served) {
        const goal = site.goal(goalId);
        const versions = versionsOf(goalId);
        if (goal === undefined) continue;
        // The version in force on the item's day, then every later one against the one before it.
        let before = [...versions].reverse().find((v) => v.date <= item.data.date)?.state;
        if (before === undefined) continue;
        for (const version of versions.filter((v) => v.date > item.data.date)) {
          moves.push(...changes(goal, before, version, krIds, parentOf));
          before = version.state;
        }
      }
      return moves;
    },
    sincePrevious(cycleId) {
      // Newest first: the previous cycle is the next one in the list.
      const at = site.cycles.findIndex((c) => c.id === cycleId);
      const cycle = site.cycles[at];
      const previous = site.cycles[at + 1];
      if (cycle === undefined || previous === undefined) return undefined;
      const now = site.goals.filter((g) => g.data.cycle === cycleId);
      const carried = now.filter((g) => versionsOf(g.id).some((v) => v.state.cycle === previous.id));
      const moves: GoalMove[] = [];
      for (const goal of now) {
        const versions = versionsOf(goal.id);
        const krIds = new Set(goal.data.key_results.map((kr) => kr.id));
        // Only what happened while the cycle ran; a goal's first version is its birth, not a move.
        for (let i = 1; i < versions.length; i++) {
          const version = versions[i]!;
          if (version.date < cycle.data.start || version.date > cycle.data.end) continue;
          moves.push(...changes(goal, versions[i - 1]!.state, version, krIds, parentOf).filter((move) => move.kind !== 'dropped'));
        }
      }
      return {
        previous,
        added: now.filter((g) => !carried.includes(g)),
        carried,
        dropped: site.goals.filter((g) => g.data.cycle === previous.id && g.data.status === 'dropped'),
        moves,
      };
    },
  };
}

function changes(
  goal: Doc<Goal>,
  before: GoalState,
  version: GoalVersion,
  krIds: ReadonlySet<string>,
  parentOf: (id: string | undefined) => Doc<Goal> | 'hidden' | undefined,
): GoalMove[] {
  const after = version.state;
  const date = version.date;
  const moves: GoalMove[] = [];
  if (after.status === 'dropped' && before.status !== 'dropped') moves.push({ kind: 'dropped', goal, date });
  if (after.parent !== before.parent) {
    const from = parentOf(before.parent);
    const to = parentOf(after.parent);
    moves.push({ kind: 'reparented', goal, date, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
  }
  for (const krId of krIds) {
    const was = before.key_results.find((kr) => kr.id === krId);
    const now = after.key_results.find((kr) => kr.id === krId);
    const keyResult = goal.data.key_results.find((kr) => kr.id === krId);
    if (was === undefined || now === undefined || keyResult === undefined) continue;
    for (const field of ['baseline', 'target', 'unit'] as const)
      if (was[field] !== now[field])
        moves.push({
          kind: 'retargeted',
          goal,
          keyResult,
          date,
          field,
          was: String(was[field]),
          now: String(now[field]),
          units: { was: was.unit, now: now.unit },
        });
  }
  return moves;
}

/** Each value `current` took, in order, with the commit that set it; repeats of the same value are one point. */
function keyResultPoints(versions: readonly GoalVersion[], krId: string): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  for (const version of versions) {
    const kr = version.state.key_results.find((k) => k.id === krId);
    if (kr === undefined || points.at(-1)?.value === kr.current) continue;
    points.push({ commit: version.commit, date: version.date, value: kr.current });
  }
  return points;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A move as the item page and the portfolio say it, against the item's own day: "When this landed
 * (Mar 14, 2026), the target of Pages a week was 10 pages; it changed to 5 pages on Apr 20, 2026."
 */
export function moveText(move: GoalMove, landed: string, format: Formatting): string {
  const when = `When this landed (${format.date(landed)})`;
  const goal = `“${move.goal.data.title}”`;
  const on = format.date(move.date);
  switch (move.kind) {
    case 'dropped':
      return `${when}, ${goal} was being pursued; it was dropped on ${on}.`;
    case 'reparented':
      return `${when}, ${goal} served ${parentName(move.from)}; since ${on} it serves ${parentName(move.to)}.`;
    case 'retargeted': {
      const [was, now] = retargetValues(move, format);
      return `${when}, the ${move.field} of ${move.keyResult.title} was ${was}; it changed to ${now} on ${on}.`;
    }
  }
}

function parentName(parent: Doc<Goal> | 'hidden' | undefined): string {
  return parent === undefined ? 'no other goal' : parent === 'hidden' ? 'a goal this site does not show' : `“${parent.data.title}”`;
}

/** Each number in the unit of its own day: the unit itself may be what changed. */
function retargetValues(move: Extract<GoalMove, { kind: 'retargeted' }>, format: Formatting): [string, string] {
  if (move.field === 'unit') return [move.was, move.now];
  return [format.withUnit(Number(move.was), move.units.was), format.withUnit(Number(move.now), move.units.now)];
}

/** Why a page shows no history, in the words the page uses after "History is unavailable: ". */
export function gapText(gap: HistoryGap | undefined): string {
  switch (gap) {
    case 'shallow':
      return 'this site was built from a shallow clone of its repository, which holds only the latest commits.';
    case 'no-git':
      return 'git was not installed where this site was built.';
    case 'not-a-repository':
      return 'this site was not built from a git repository.';
    default:
      return 'git could not read the repository’s history when this site was built.';
  }
}

/** A move during a cycle, as the cycle page lists it: "The target of Pages a week (On-call) changed from 10 pages to 5 pages on Apr 20, 2026." */
export function changeText(move: GoalMove, format: Formatting): string {
  const goal = `“${move.goal.data.title}”`;
  const on = format.date(move.date);
  switch (move.kind) {
    case 'dropped':
      return `${goal} was dropped on ${on}.`;
    case 'reparented':
      return `${goal} moved from serving ${parentName(move.from)} to serving ${parentName(move.to)} on ${on}.`;
    case 'retargeted': {
      const [was, now] = retargetValues(move, format);
      return `The ${move.field} of ${move.keyResult.title} (${goal}) changed from ${was} to ${now} on ${on}.`;
    }
  }
}
