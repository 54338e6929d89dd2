import type { CardSpec } from '../core/card-spec.ts';
import { listText } from '../core/text/suggest.ts';
import type { Doc } from './entry.ts';
import type { Formatting } from './format.ts';
import { OUTCOME_LABELS, STATUS_LABELS } from './labels.ts';
import type { Item, SiteModel } from './site-model.ts';
import type { Cycle, Goal, Person, Team } from '../schema/index.ts';

/**
 * The social card of each page that has one, from the audience-filtered site model only: a name,
 * title or id this build does not show never reaches a card. The item's page, the card list and
 * the page's meta all ask these same functions, so a page's `og:image` is always a card the build
 * renders.
 */
export function siteCards(site: SiteModel, format: Formatting) {
  const card = (file: string, kicker: string, title: string, lines: (string | undefined)[], badge?: CardSpec['badge']): CardSpec => ({
    file: `${file}.png`,
    kicker,
    title,
    ...(badge && { badge }),
    lines: lines.filter((line): line is string => line !== undefined && line !== ''),
    site: site.site.title,
  });
  const cycleName = (id: string) => site.cycle(id)?.data.name;
  return {
    home: (): CardSpec => card('home', '', site.site.title, [site.site.description]),
    item(item: Item): CardSpec {
      const shown = item.data.authors.flatMap((id) => site.person(id)?.data.name ?? []);
      const hidden = item.data.authors.length - shown.length;
      // Named only when this build shows them, as the page's own author list does.
      const names = hidden === 0 ? shown : [...shown, hidden === 1 ? 'one person not shown' : `${hidden} people not shown`];
      const goal = item.data.goals.map((link) => site.goal(link.goal)).find((g) => g !== undefined);
      const moves = item.data.goals.length === 0 ? 'Unplanned work' : goal && `Moves: ${goal.data.title}`;
      return card(
        `items/${item.id}`,
        kicker('Accomplishment', cycleName(item.data.cycle)),
        item.data.title,
        [`By ${listText(names)}`, moves],
        { label: OUTCOME_LABELS[item.data.outcome], tone: item.data.outcome },
      );
    },
    goal(goal: Doc<Goal>): CardSpec {
      const owner = site.person(goal.data.owner);
      const team = site.team(goal.data.team);
      return card(
        `goals/${goal.id}`,
        kicker('Goal', cycleName(goal.data.cycle)),
        goal.data.title,
        [owner && `Owner: ${owner.data.name}`, team && `Team: ${team.data.name}`],
        { label: STATUS_LABELS[goal.data.status], tone: goal.data.status },
      );
    },
    person(person: Doc<Person>): CardSpec {
      return card(`people/${person.id}`, 'Person', person.data.name, [person.data.role, site.team(person.data.team)?.data.name]);
    },
    team(team: Doc<Team>): CardSpec {
      const lead = site.person(team.data.lead);
      return card(`teams/${team.id}`, 'Team', team.data.name, [lead && `Lead: ${lead.data.name}`]);
    },
    cycle(cycle: Doc<Cycle>): CardSpec {
      return card(`cycles/${cycle.id}`, 'Cycle', cycle.data.name, [`${format.date(cycle.data.start)} – ${format.date(cycle.data.end)}`]);
    },
    /** Every card of the build: one per page kind that has one, each entity this build shows. */
    all(): CardSpec[] {
      return [
        this.home(),
        ...site.items.map((i) => this.item(i)),
        ...site.goals.map((g) => this.goal(g)),
        ...site.people.map((p) => this.person(p)),
        ...site.teams.map((t) => this.team(t)),
        ...site.cycles.map((c) => this.cycle(c)),
      ];
    },
  };
}

export type SiteCards = ReturnType<typeof siteCards>;

function kicker(kind: string, cycle: string | undefined): string {
  return cycle === undefined ? kind : `${kind} · ${cycle}`;
}

/** What a screen reader says for the card: its kind and title. */
export function cardAlt(spec: CardSpec): string {
  return spec.kicker === '' ? spec.title : `${spec.kicker}: ${spec.title}`;
}
