import {
  DATA_SCHEMA_VERSION,
  type AccomplishmentsDocument,
  type CyclesDocument,
  type ExportedCycle,
  type ExportedGoal,
  type ExportedItem,
  type ExportedPerson,
  type GoalsDocument,
  type PeopleDocument,
} from '../schema/data-export.ts';
import type { WriteCatalog } from '../core/write/catalog.ts';
import type { CsvCell } from './csv.ts';
import { keyResultProgress } from './progress.ts';
import type { Item, SiteModel } from './site-model.ts';
import type { SiteUrls } from './urls.ts';

/**
 * The data exports, built from the audience-filtered site model and nothing else, so they can
 * hold no more than the pages do. Where an item points at someone or something this build does
 * not show, the export does what the pages do: it leaves the name, title and id out and at most
 * counts it ("1 more not shown").
 */

/** Absolute addresses: a JSON file is read far from the page that links it. */
function absolute(site: SiteModel, path: string): string {
  return new URL(path, site.site.url).href;
}

function envelope(site: SiteModel) {
  return { schemaVersion: DATA_SCHEMA_VERSION, generated: site.today, audience: site.audience } as const;
}

export function exportedItem(site: SiteModel, urls: SiteUrls, item: Item): ExportedItem {
  const { data } = item;
  const authors = data.authors.flatMap((id) => {
    const person = site.person(id);
    return person ? [{ id: person.id, name: person.data.name }] : [];
  });
  const links = data.goals.filter((link) => site.goal(link.goal) !== undefined);
  // A key result id is only as visible as the goal it belongs to.
  const shownKeyResults = new Set(links.flatMap((link) => site.goal(link.goal)!.data.key_results.map((kr) => kr.id)));
  const teams = [...new Set(authors.flatMap(({ id }) => site.person(id)?.data.team ?? []))].filter((team) => site.team(team) !== undefined);
  return {
    id: item.id,
    url: absolute(site, urls.item(item.id)),
    title: data.title,
    summary: data.summary,
    cycle: data.cycle,
    date: data.date,
    outcome: data.outcome,
    authors,
    authorsNotShown: data.authors.length - authors.length,
    goals: links.map((link) => ({
      goal: link.goal,
      keyResult: link.key_result !== undefined && shownKeyResults.has(link.key_result) ? link.key_result : null,
      contribution: link.contribution ?? null,
    })),
    goalsNotShown: data.goals.length - links.length,
    unplanned: data.unplanned ?? null,
    impact: data.impact.map((m) => ({
      metric: m.metric,
      keyResult: m.key_result !== undefined && shownKeyResults.has(m.key_result) ? m.key_result : null,
      before: m.before,
      after: m.after,
      unit: m.unit,
      better: m.better ?? null,
    })),
    evidence: data.evidence.map((e) => ({ label: e.label, url: e.url })),
    tags: [...data.tags],
    buildsOn: site.buildsOn(item).map((earlier) => earlier.id),
    teams,
  };
}

export function accomplishmentsDocument(site: SiteModel, urls: SiteUrls): AccomplishmentsDocument {
  return { ...envelope(site), items: site.items.map((item) => exportedItem(site, urls, item)) };
}

export function goalsDocument(site: SiteModel, urls: SiteUrls): GoalsDocument {
  const shown = (id: string | undefined, exists: (id: string) => unknown) => (id !== undefined && exists(id) !== undefined ? id : null);
  const goals = site.goals.map((goal): ExportedGoal => ({
    id: goal.id,
    url: absolute(site, urls.goal(goal.id)),
    title: goal.data.title,
    cycle: goal.data.cycle,
    team: shown(goal.data.team, (id) => site.team(id)),
    owner: shown(goal.data.owner, (id) => site.person(id)),
    parent: shown(goal.data.parent, (id) => site.goal(id)),
    status: goal.data.status,
    progress: site.progress(goal.id) ?? null,
    keyResults: goal.data.key_results.map((kr) => ({
      id: kr.id,
      title: kr.title,
      unit: kr.unit,
      baseline: kr.baseline,
      current: kr.current,
      target: kr.target,
      direction: keyResultProgress(kr).reduce ? 'decrease' : 'increase',
    })),
  }));
  return { ...envelope(site), goals };
}

export function peopleDocument(site: SiteModel, urls: SiteUrls): PeopleDocument {
  const people = site.people.map((person): ExportedPerson => ({
    id: person.id,
    url: absolute(site, urls.person(person.id)),
    name: person.data.name,
    role: person.data.role,
    team: site.team(person.data.team) ? person.data.team : null,
  }));
  return { ...envelope(site), people };
}

export function cyclesDocument(site: SiteModel, urls: SiteUrls): CyclesDocument {
  const cycles = site.cycles.map((cycle): ExportedCycle => ({
    id: cycle.id,
    url: absolute(site, urls.cycle(cycle.id)),
    name: cycle.data.name,
    start: cycle.data.start,
    end: cycle.data.end,
    due: cycle.data.due ?? null,
  }));
  return { ...envelope(site), cycles };
}

/** What the write page reads from the four documents above, as the page receives them. */
export function writeCatalog(site: SiteModel, urls: SiteUrls): WriteCatalog {
  return {
    people: peopleDocument(site, urls).people,
    cycles: cyclesDocument(site, urls).cycles,
    goals: goalsDocument(site, urls).goals,
    items: accomplishmentsDocument(site, urls).items,
  };
}

/** The CSV's columns, in order; lists inside a cell are joined with `; `. */
export const CSV_COLUMNS = [
  'id',
  'url',
  'title',
  'summary',
  'cycle',
  'date',
  'outcome',
  'authors',
  'authorsNotShown',
  'goal',
  'keyResult',
  'contribution',
  'goalsNotShown',
  'unplanned',
  'tags',
  'teams',
] as const;

/**
 * One row per item–goal link, for a pivot table of work by goal; an item with no goal this build
 * shows (unplanned work, or only goals it hides) is one row with the goal columns empty. Built from
 * the JSON document, so the two exports cannot disagree.
 */
export function accomplishmentRows(document: AccomplishmentsDocument): CsvCell[][] {
  return document.items.flatMap((item) => {
    const links = item.goals.length > 0 ? item.goals : [null];
    return links.map((link) => {
      const row: Record<(typeof CSV_COLUMNS)[number], CsvCell> = {
        id: item.id,
        url: item.url,
        title: item.title,
        summary: item.summary,
        cycle: item.cycle,
        date: item.date,
        outcome: item.outcome,
        authors: item.authors.map((a) => a.name).join('; '),
        authorsNotShown: item.authorsNotShown,
        goal: link?.goal ?? null,
        keyResult: link?.keyResult ?? null,
        contribution: link?.contribution ?? null,
        goalsNotShown: item.goalsNotShown,
        unplanned: item.unplanned,
        tags: item.tags.join('; '),
        teams: item.teams.join('; '),
      };
      return CSV_COLUMNS.map((column) => row[column]);
    });
  });
}
