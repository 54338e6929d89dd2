import type { z } from 'zod';
import { AccomplishmentSchema } from './accomplishment.ts';
import type { CollectionName } from './common.ts';
import { CycleSchema } from './cycle.ts';
import { GoalSchema } from './goal.ts';
import { PersonSchema } from './person.ts';
import { TeamSchema } from './team.ts';

export * from './accomplishment.ts';
export * from './common.ts';
export * from './cycle.ts';
export * from './goal.ts';
export * from './person.ts';
export * from './site.ts';
export * from './team.ts';

/** The CLI's schemas: references are plain ids, checked against the content by the reference rule. */
export const schemas = {
  teams: TeamSchema,
  people: PersonSchema,
  cycles: CycleSchema,
  goals: GoalSchema,
  accomplishments: AccomplishmentSchema,
} as const satisfies Record<CollectionName, z.ZodType>;
