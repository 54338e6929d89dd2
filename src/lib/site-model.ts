import type { Accomplishment, Cycle, Goal, KeyResult, Person, Site, Team } from '../schema/index.ts';
import { allows, leftOut, type Audience } from '../core/model/audience.ts';
import { compareText } from '../core/text/compare-text.ts';
import { claimIndex, keyResultKey, namedKeyResults, type KeyResultClaims } from '../core/model/claims.ts';
import { cycleCoverage, type PersonCoverage } from './coverage.ts';
import type { Doc, Entry } from './entry.ts';
import { goalTree, type GoalTree, type TreeStep } from '../core/model/goal-tree.ts';
import { openCycle } from '../core/model/open-cycle.ts';
import { valid, type Content } from '../core/read/content.ts';
import { unmoved, type Unmoved } from '../core/model/status.ts';
import { lineage } from './lineage.ts';
import { rollUp } from './progress.ts';

export type Item = Doc<Accomplishment>;

/** Everything in `content/`, as loaded: nothing filtered yet. */
export interface ContentInput {
  site: Site;
  teams: Doc<Team>[];
  people: Doc<Person>[];
  cycles: Doc<Cycle>[];
  goals: Doc<Goal>[];
  accomplishments: Item[];
}

/** One goal an item moved, as the item page draws it: the path from the top goal down. */
export interface ThroughlineLink {
  /** Empty steps never occur; a goal this build does not show is one `hidden` step. */
  path: TreeStep<Doc<Goal>>[];
  keyResult?: KeyResult;
  contribution?: string;
}

/**
 * The throughlines the item page's box draws: each distinct path once. A path is its goals from
 * the top down, then the key result if the item names one. A path drawn twice, or one that another
 * path runs through and goes on from (an item that claims a goal and its child: "Goal › This"
 * beside "Goal › Child › This", or a goal and one of its key results), adds nothing and is left
 * out. The order is the item's own. The contributions still come from every link: this is only
 * what the box draws.
 */
export function distinctPaths<L extends Pick<ThroughlineLink, 'path' | 'keyResult'>>(links: readonly L[]): L[] {
  const drawn = links.map((link) => [
    ...link.path.map((step) => (step.kind === 'goal' ? `goal:${step.goal.id}` : 'hidden')),
    ...(link.keyResult ? [`kr:${link.keyResult.id}`] : []),
  ]);
  const extends_ = (outer: readonly string[], inner: readonly string[]) =>
    outer.length > inner.length && inner.every((step, i) => outer[i] === step);
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((step, i) => b[i] === step);
  return links.filter((_, i) => {
    const mine = drawn[i]!;
    return !drawn.some((other, j) => extends_(other, mine) || (j < i && same(other, mine)));
  });
}

export type OutcomeCounts = Record<Accomplishment['outcome'], number>;

export interface SiteModel {
  site: Site;
  audience: Audience;
  teams: Doc<Team>[];
  /** Alphabetical by name: people are never ranked. */
  people: Doc<Person>[];
  /** Newest first. */
  cycles: Doc<Cycle>[];
  goals: Doc<Goal>[];
  /** Newest first. */
  items: Item[];
  /** Items whose outcome is `learning`, newest first. */
  learnings: Item[];
  /** Items no goal asked for, newest first. */
  unplanned: Item[];
  tree: GoalTree<Doc<Goal>>;
  /** The cycle people are submitting for today, as `new` and `status` pick it: see `openCycle`. */
  currentCycle: Doc<Cycle> | undefined;
  /** The build's day, `YYYY-MM-DD`: what "so far" and the current cycle are measured against. */
  today: string;
  /** Lookups answer `undefined` for anything this build does not show. */
  team(id: string): Doc<Team> | undefined;
  person(id: string): Doc<Person> | undefined;
  cycle(id: string): Doc<Cycle> | undefined;
  goal(id: string): Doc<Goal> | undefined;
  item(id: string): Item | undefined;
  itemsOfGoal(goalId: string): Item[];
  itemsOfKeyResult(goalId: string, krId: string): Item[];
  itemsOfPerson(personId: string): Item[];
  itemsOfCycle(cycleId: string): Item[];
  itemsOfTag(tag: string): Item[];
  itemsOfTeam(teamId: string): Item[];
  /** Every tag on a shown item, alphabetical, with how many shown items carry it. */
  tags: { tag: string; count: number }[];
  membersOf(teamId: string): Doc<Person>[];
  /** People who wrote items on this goal or a goal below it, alphabetical. */
  contributors(goalId: string): Doc<Person>[];
  /** 0..1, or undefined when the goal and its children measure nothing. */
  progress(goalId: string): number | undefined;
  /** A cycle's top goals: its goals whose parent this build does not show in the same cycle. */
  topGoals(cycleId: string): Doc<Goal>[];
  /** A team's top goals in a cycle: its goals of that cycle that serve none of its other ones. */
  teamGoals(teamId: string, cycleId: string): Doc<Goal>[];
  /** A team's roll-up: the mean progress of its top goals in a cycle (dropped goals left out). */
  teamProgress(teamId: string, cycleId: string): number | undefined;
  claims(goalId: string, kr: KeyResult): KeyResultClaims<Item>;
  throughline(item: Item): ThroughlineLink[];
  /** The shown items this one names in `builds_on`; hidden ones are left out. */
  buildsOn(item: Item): Item[];
  /** The shown items that name this one in `builds_on`, oldest first. */
  ledTo(item: Item): Item[];
  coverage(cycleId: string): PersonCoverage[];
  /** Goals of a cycle that no shown item moves, and key results no shown item names, by title. */
  gaps(cycleId: string): Unmoved<Doc<Goal>>;
  outcomes(items: readonly Item[]): OutcomeCounts;
}

/**
 * The one place the build's audience is applied: every page reads the site through this model, so
 * no page can forget to hide what its audience may not see. Drafts are never part of it.
 */
/** The site model of content as the check loaded it (no rendered bodies): for the benchmarks and tests. */
export function checkedSiteModel(content: Content, audience: Audience, today: string): SiteModel {
  const docs = <C extends 'teams' | 'people' | 'cycles' | 'goals' | 'accomplishments'>(collection: C) =>
    valid(content, collection).map((entry) => ({ id: entry.id, data: entry.data, html: '' }));
  if (!content.site?.data) throw new Error('no valid content/site.yaml');
  return siteModel(
    {
      site: content.site.data,
      teams: docs('teams'),
      people: docs('people'),
      cycles: docs('cycles'),
      goals: docs('goals'),
      accomplishments: docs('accomplishments'),
    },
    audience,
    today,
  );
}

export function siteModel(input: ContentInput, audience: Audience, today: string): SiteModel {
  const shown = <E extends Entry<{ visibility: Accomplishment['visibility'] }>>(list: readonly E[]) =>
    list.filter((e) => allows(audience, e.data.visibility));
  const teams = shown(input.teams).sort((a, b) => compareText(a.data.name, b.data.name) || compareText(a.id, b.id));
  const people = shown(input.people).sort((a, b) => compareText(a.data.name, b.data.name) || compareText(a.id, b.id));
  const cycles = [...input.cycles].sort((a, b) => compareText(b.data.start, a.data.start) || compareText(a.id, b.id));
  const goals = shown(input.goals);
  const items = input.accomplishments
    .filter((item) => leftOut(audience, item.data).length === 0)
    .sort((a, b) => compareText(b.data.date, a.data.date) || compareText(a.data.title, b.data.title));

  const index = <E extends Entry<unknown>>(list: readonly E[]) => new Map(list.map((e) => [e.id, e]));
  const teamById = index(teams);
  const personById = index(people);
  const cycleById = index(cycles);
  const goalById = index(goals);
  const itemById = index(items);
  const links = lineage(items);
  // Ownership of a key result is decided over every goal, shown or not, exactly as the check does.
  const anyGoal = new Map(input.goals.map((g) => [g.id, g.data]));
  const tree = goalTree(goals, (id) => anyGoal.get(id)?.parent);

  const group = (keys: (item: Item) => Iterable<string>) => {
    const map = new Map<string, Item[]>();
    for (const item of items)
      for (const key of new Set(keys(item))) {
        const list = map.get(key);
        if (list) list.push(item);
        else map.set(key, [item]);
      }
    return Object.assign((key: string) => map.get(key) ?? [], { keys: () => map.keys() });
  };
  const itemsOfGoal = group((i) => i.data.goals.map((l) => l.goal));
  const byKeyResult = group((i) => namedKeyResults(i.data, (id) => anyGoal.get(id)));
  const itemsOfKeyResult = (goalId: string, krId: string) => byKeyResult(keyResultKey(goalId, krId));
  const itemsOfPerson = group((i) => i.data.authors);
  const itemsOfCycle = group((i) => [i.data.cycle]);
  const tagged = group((i) => i.data.tags);
  const teamOfPerson = new Map(input.people.map((p) => [p.id, p.data.team]));
  const itemsOfTeam = group((i) => i.data.authors.flatMap((a) => teamOfPerson.get(a) ?? []));
  const membersOf = (() => {
    const map = new Map<string, Doc<Person>[]>();
    for (const p of people) {
      const list = map.get(p.data.team);
      if (list) list.push(p);
      else map.set(p.data.team, [p]);
    }
    return (id: string) => map.get(id) ?? [];
  })();

  const teamGoals = (teamId: string, cycleId: string) => {
    const own = goals.filter((g) => g.data.team === teamId && g.data.cycle === cycleId);
    const ids = new Set(own.map((g) => g.id));
    return own.filter((g) => g.data.parent === undefined || !ids.has(g.data.parent));
  };

  const progressMemo = new Map<string, number | undefined>();
  const progress = (goalId: string): number | undefined => {
    if (progressMemo.has(goalId)) return progressMemo.get(goalId);
    progressMemo.set(goalId, undefined); // a loop, if one slipped past the check, ends here
    const goal = goalById.get(goalId);
    const children = tree.children(goalId).filter((c) => c.data.status !== 'dropped');
    const value =
      goal &&
      rollUp(
        goal.data.key_results,
        children.map((c) => progress(c.id)),
      );
    progressMemo.set(goalId, value);
    return value;
  };

  return {
    site: input.site,
    audience,
    teams,
    people,
    cycles,
    goals,
    items,
    learnings: items.filter((i) => i.data.outcome === 'learning'),
    unplanned: items.filter((i) => i.data.goals.length === 0),
    tree,
    currentCycle: openCycle(cycles, today),
    today,
    team: (id) => teamById.get(id),
    person: (id) => personById.get(id),
    cycle: (id) => cycleById.get(id),
    goal: (id) => goalById.get(id),
    item: (id) => itemById.get(id),
    itemsOfGoal,
    itemsOfKeyResult,
    itemsOfPerson,
    itemsOfCycle,
    itemsOfTag: tagged,
    itemsOfTeam,
    tags: [...tagged.keys()].sort(compareText).map((tag) => ({ tag, count: tagged(tag).length })),
    membersOf,
    contributors(goalId) {
      const ids = new Set(tree.descendants(goalId).flatMap((g) => itemsOfGoal(g.id).flatMap((i) => i.data.authors)));
      return people.filter((p) => ids.has(p.id));
    },
    progress,
    topGoals(cycleId) {
      return goals.filter(
        (g) => g.data.cycle === cycleId && (g.data.parent === undefined || goalById.get(g.data.parent)?.data.cycle !== cycleId),
      );
    },
    teamGoals,
    teamProgress(teamId, cycleId) {
      // A goal under another of the team's goals is already counted in that goal's roll-up.
      const tops = teamGoals(teamId, cycleId).filter((g) => g.data.status !== 'dropped');
      return rollUp(
        [],
        tops.map((g) => progress(g.id)),
      );
    },
    claims: claimIndex(items, (id) => anyGoal.get(id)),
    throughline(item) {
      return item.data.goals.map((link) => {
        const goal = goalById.get(link.goal);
        if (!goal) return { path: [{ kind: 'hidden' }] };
        const keyResult = goal.data.key_results.find((kr) => kr.id === link.key_result);
        return {
          path: tree.path(goal.id),
          ...(keyResult && { keyResult }),
          ...(link.contribution !== undefined && { contribution: link.contribution }),
        };
      });
    },
    buildsOn: links.buildsOn,
    ledTo: links.ledTo,
    coverage(cycleId) {
      const cycle = cycleById.get(cycleId);
      return cycle ? cycleCoverage(cycle, people, items) : [];
    },
    gaps(cycleId) {
      return unmoved(
        goals.filter((g) => g.data.cycle === cycleId),
        items,
        tree,
        (id) => anyGoal.get(id),
      );
    },
    outcomes(list) {
      const counts: OutcomeCounts = { delivered: 0, partial: 0, missed: 0, learning: 0 };
      for (const item of list) counts[item.data.outcome] += 1;
      return counts;
    },
  };
}
