import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { accomplishmentSchema, AccomplishmentSchema, type Accomplishment, type CollectionName } from '../../src/schema/index.ts';
import { isCalendarDate } from '../../src/schema/common.ts';

// The same schema serves the CLI (ids are strings) and Astro (ids become references): both must
// normalise the short form `goals: [ci-speed]` to `{ goal }`.

const item = {
  title: 'Cut CI time',
  summary: 'Sharded the tests.',
  authors: ['ben'],
  cycle: '2026-h1',
  date: '2026-03-01',
  outcome: 'delivered',
  visibility: 'team',
};

describe('the accomplishment schema', () => {
  it('expands the short form of goals and fills defaults for the CLI', () => {
    const parsed = AccomplishmentSchema.parse({ ...item, goals: ['ci-speed', { goal: 'ship-faster', key_result: 'lead-time' }] });
    expect(parsed.goals).toEqual([{ goal: 'ci-speed' }, { goal: 'ship-faster', key_result: 'lead-time' }]);
    expect(parsed).toMatchObject({ impact: [], evidence: [], tags: [], draft: false });
    expectTypeOf<Accomplishment['goals'][number]['goal']>().toEqualTypeOf<string>();
    expectTypeOf<Accomplishment['date']>().toEqualTypeOf<string>();
  });

  it('expands the short form with a reference() that turns ids into objects, as Astro does', () => {
    const reference = (collection: CollectionName) => z.string().transform((id) => ({ id, collection }));
    const schema = accomplishmentSchema(reference);
    const parsed = schema.parse({ ...item, goals: ['ci-speed', { goal: 'ship-faster' }] });
    expect(parsed.goals).toEqual([{ goal: { id: 'ci-speed', collection: 'goals' } }, { goal: { id: 'ship-faster', collection: 'goals' } }]);
    expect(parsed.authors).toEqual([{ id: 'ben', collection: 'people' }]);
    expectTypeOf(parsed.goals[0]!.goal).toEqualTypeOf<{ id: string; collection: CollectionName }>();
  });

  it('has no default visibility for accomplishments: authors must choose', () => {
    const rest: Record<string, unknown> = { ...item };
    delete rest['visibility'];
    expect(AccomplishmentSchema.safeParse(rest).success).toBe(false);
    expect(AccomplishmentSchema.safeParse(item).success).toBe(true);
  });
});

describe('calendar dates', () => {
  it('knows the days of every year, 0000–0099 included', () => {
    const days = {
      '2026-04-18': true,
      '2024-02-29': true,
      '2023-02-29': false,
      '2100-02-29': false,
      '2000-02-29': true,
      '2026-04-31': false,
      '2026-12-31': true,
      '2026-13-01': false,
      '2026-00-10': false,
      '2026-01-00': false,
      '2026-01-32': false,
      // Date.UTC reads years 0–99 as 1900–1999, so these were once "no such day".
      '0000-01-01': true,
      '0000-02-29': true,
      '0001-02-28': true,
      '0004-02-29': true,
      '0099-12-31': true,
      '0100-02-29': false,
      '9999-12-31': true,
    };
    const wrong = Object.entries(days).filter(([date, real]) => isCalendarDate(date) !== real);
    expect(wrong).toEqual([]);
  });
});
