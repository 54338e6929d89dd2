import type { Doc } from '../../src/lib/entry.ts';
import type { ContentInput, Item } from '../../src/lib/site-model.ts';
import { AccomplishmentSchema, CycleSchema, GoalSchema, PersonSchema, SiteSchema, TeamSchema } from '../../src/schema/index.ts';

// Inputs go through the real schemas, so defaults (visibility, submissions) are the ones content gets.
export const doc = <T>(id: string, data: T): Doc<T> => ({ id, data, html: '' });

export function person(id: string, name: string, extra: Record<string, unknown> = {}) {
  return doc(id, PersonSchema.parse({ name, role: 'Engineer', team: 'core', ...extra }));
}

export function goal(id: string, extra: Record<string, unknown> = {}) {
  return doc(id, GoalSchema.parse({ title: `Goal ${id}`, owner: 'ana', team: 'core', cycle: 'c1', status: 'on-track', ...extra }));
}

export function item(id: string, extra: Record<string, unknown> = {}): Item {
  return doc(
    id,
    AccomplishmentSchema.parse({
      title: `Item ${id}`,
      summary: 'Did a thing.',
      authors: ['ana'],
      cycle: 'c1',
      date: '2026-03-01',
      goals: ['g1'],
      outcome: 'delivered',
      visibility: 'team',
      ...extra,
    }),
  );
}

export function content(parts: Partial<ContentInput> = {}): ContentInput {
  return {
    site: SiteSchema.parse({
      title: 'T',
      description: 'D',
      url: 'https://example.org/impact',
      repo: 'https://github.com/acme/impact',
      audience: 'team',
    }),
    teams: [doc('core', TeamSchema.parse({ name: 'Core', lead: 'ana' }))],
    people: [person('ana', 'Ana Silva'), person('ben', 'Ben Okafor')],
    cycles: [
      doc('c1', CycleSchema.parse({ name: 'H1', start: '2026-01-01', end: '2026-06-30' })),
      doc('c2', CycleSchema.parse({ name: 'H2', start: '2026-07-01', end: '2026-12-31' })),
    ],
    goals: [goal('g1')],
    accomplishments: [],
    ...parts,
  };
}
