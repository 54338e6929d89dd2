import type { AccomplishmentsDocument, CyclesDocument, GoalsDocument, PeopleDocument } from '../../schema/data-export.ts';
import { AccomplishmentSchema, CycleSchema, GoalSchema, type CollectionName } from '../../schema/index.ts';
import { emptyContent, type Content, type ContentEntry, type DataOf } from '../read/content.ts';
import type { SourceDoc } from '../read/source.ts';

/**
 * What the write page knows of the site: the build's own data exports (`/data/*.json`), so it
 * offers and accepts exactly the people, cycles, goals and items its audience may see.
 */
export interface WriteCatalog {
  people: PeopleDocument['people'];
  cycles: CyclesDocument['cycles'];
  goals: GoalsDocument['goals'];
  items: AccomplishmentsDocument['items'];
}

// Stands in for a person, team or owner the build does not show: only the draft's own problems
// are kept, so nothing ever reports it.
const NOT_SHOWN = 'not-shown';

export function stubDoc(file: string): SourceDoc {
  return { file, text: '', yaml: '', yamlLine: 2, body: '', bodyLine: 3 };
}

function entry<C extends CollectionName>(collection: C, id: string, data: DataOf[C] | undefined): ContentEntry<C> {
  return { collection, id, doc: stubDoc(`content/${collection}/${id}.md`), raw: undefined, data };
}

/**
 * The catalog as the check's content, for the rules that need only ids, dates and key results.
 * Each entry's data goes through its own schema from what the export says, so a rule sees the
 * same shapes as in a check; fields the export does not carry get neutral values no rule reads
 * for another file's sake.
 */
export function catalogContent(catalog: WriteCatalog): Content {
  const content = emptyContent();
  for (const person of catalog.people) content.entries.people.set(person.id, entry('people', person.id, undefined));
  for (const cycle of catalog.cycles) {
    const data = CycleSchema.safeParse({ name: cycle.name, start: cycle.start, end: cycle.end, ...(cycle.due ? { due: cycle.due } : {}) });
    content.entries.cycles.set(cycle.id, entry('cycles', cycle.id, data.data));
  }
  for (const goal of catalog.goals) {
    const data = GoalSchema.safeParse({
      title: goal.title,
      owner: goal.owner ?? NOT_SHOWN,
      team: goal.team ?? NOT_SHOWN,
      cycle: goal.cycle,
      status: goal.status,
      key_results: goal.keyResults.map(({ id, title, unit, baseline, target, current }) => ({
        id,
        title,
        unit,
        baseline,
        target,
        current,
      })),
    });
    content.entries.goals.set(goal.id, entry('goals', goal.id, data.data));
  }
  for (const item of catalog.items) {
    const data = AccomplishmentSchema.safeParse({
      title: item.title,
      summary: item.summary,
      authors: item.authors.length > 0 ? item.authors.map((a) => a.id) : [NOT_SHOWN],
      cycle: item.cycle,
      date: item.date,
      outcome: item.outcome,
      unplanned: item.unplanned ?? NOT_SHOWN,
      tags: item.tags,
      visibility: 'team',
    });
    content.entries.accomplishments.set(item.id, entry('accomplishments', item.id, data.data));
  }
  return content;
}
