import type { Cycle, Goal, Person, Team } from '../schema/index.ts';
import { compareText } from '../core/text/compare-text.ts';
import type { Doc } from './entry.ts';
import { OUTCOME_LABELS, STATUS_LABELS } from './labels.ts';
import type { Item, SiteModel } from './site-model.ts';

/**
 * What a search can be narrowed by, as the page carries it for Pagefind (`data-pagefind-filter`)
 * and as the search page offers it. Values are the labels readers see, and every one comes from
 * the audience-filtered site model: a goal or team this build does not show is never a value.
 */
export const FACETS = ['type', 'cycle', 'team', 'goal', 'outcome', 'status', 'tag'] as const;
export type Facet = (typeof FACETS)[number];
export type Facets = Partial<Record<Facet, string[]>>;

export const FACET_LABELS: Record<Facet, string> = {
  type: 'Kind of page',
  cycle: 'Cycle',
  team: 'Team',
  goal: 'Goal',
  outcome: 'Outcome',
  status: 'Goal status',
  tag: 'Tag',
};

type Site = Pick<SiteModel, 'cycle' | 'team' | 'person' | 'goal'>;

/** An accomplishment: its cycle, its authors' teams, the goals it moved, outcome and tags. */
export function itemFacets(site: Site, item: Item): Facets {
  const { data } = item;
  return {
    type: ['Accomplishment'],
    cycle: names([site.cycle(data.cycle)?.data.name]),
    team: names(data.authors.map((id) => teamOf(site, site.person(id))?.data.name)),
    goal: names(data.goals.map((link) => site.goal(link.goal)?.data.title)),
    outcome: [OUTCOME_LABELS[data.outcome]],
    tag: names(data.tags),
  };
}

export function goalFacets(site: Site, goal: Doc<Goal>): Facets {
  return {
    type: ['Goal'],
    cycle: names([site.cycle(goal.data.cycle)?.data.name]),
    team: names([site.team(goal.data.team)?.data.name]),
    status: [STATUS_LABELS[goal.data.status]],
  };
}

export function personFacets(site: Site, person: Doc<Person>): Facets {
  return { type: ['Person'], team: names([teamOf(site, person)?.data.name]) };
}

export function teamFacets(team: Doc<Team>): Facets {
  return { type: ['Team'], team: [team.data.name] };
}

export function cycleFacets(cycle: Doc<Cycle>): Facets {
  return { type: ['Cycle'], cycle: [cycle.data.name] };
}

/**
 * Every value each facet takes on the pages the search indexes, for the search page's controls:
 * the union of the facets above over the whole (audience-filtered) site.
 */
export function allFacets(site: Site & Pick<SiteModel, 'items' | 'goals' | 'people' | 'teams' | 'cycles'>): Record<Facet, string[]> {
  const pages: Facets[] = [
    ...site.items.map((item) => itemFacets(site, item)),
    ...site.goals.map((goal) => goalFacets(site, goal)),
    ...site.people.map((person) => personFacets(site, person)),
    ...site.teams.map(teamFacets),
    ...site.cycles.map(cycleFacets),
  ];
  const all = Object.fromEntries(FACETS.map((facet) => [facet, new Set<string>()])) as Record<Facet, Set<string>>;
  for (const page of pages) for (const facet of FACETS) for (const value of page[facet] ?? []) all[facet].add(value);
  return Object.fromEntries(FACETS.map((facet) => [facet, order(facet, [...all[facet]])])) as Record<Facet, string[]>;
}

/** Outcomes and statuses in their own order (as everywhere on the site), the rest alphabetical. */
function order(facet: Facet, values: string[]): string[] {
  const fixed: readonly string[] | undefined =
    facet === 'outcome' ? Object.values(OUTCOME_LABELS) : facet === 'status' ? Object.values(STATUS_LABELS) : undefined;
  if (fixed) return fixed.filter((value) => values.includes(value));
  return values.sort(compareText);
}

function teamOf(site: Site, person: Doc<Person> | undefined): Doc<Team> | undefined {
  return person === undefined ? undefined : site.team(person.data.team);
}

/** Shown values once each, in first-seen order; anything the build does not show is dropped. */
function names(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}
