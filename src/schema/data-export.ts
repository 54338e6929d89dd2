import { z } from 'zod';
import { OUTCOMES } from './accomplishment.ts';
import { Visibility } from './common.ts';

/**
 * The shapes of the site's data exports, `/data/*.json`, written once: the build parses every
 * document it writes with these, the types are inferred from them and docs/data.md is generated
 * from their descriptions (`npm run docs:data`). Any change a reader's code could trip on (a field
 * removed, renamed or retyped) bumps `DATA_SCHEMA_VERSION`; a new field does not.
 */
export const DATA_SCHEMA_VERSION = 1;

const id = z.string().describe('id');
const address = z.string().describe('link to its page on this site');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What every document starts with. */
const envelope = {
  schemaVersion: z.literal(DATA_SCHEMA_VERSION).describe('The version of these shapes; raised on every breaking change.'),
  generated: isoDate.describe('The day the site was built, `YYYY-MM-DD`.'),
  audience: Visibility.describe('Who the build is for: it holds only what this audience may see.'),
};

export const ExportedAuthorSchema = z.strictObject({
  id: id.describe('The person’s id.'),
  name: z.string().describe('The person’s name.'),
});

export const ExportedGoalLinkSchema = z.strictObject({
  goal: id.describe('The id of a goal this build shows.'),
  keyResult: z.string().nullable().describe('The id of the key result of that goal the work moved, or `null`.'),
  contribution: z.string().nullable().describe('How the work moved the goal, or `null`.'),
});

export const ExportedImpactSchema = z.strictObject({
  metric: z.string().describe('What was measured.'),
  keyResult: z
    .string()
    .nullable()
    .describe('The id of the key result it moved, when that key result belongs to a goal this build shows; else `null`.'),
  before: z.number().describe('The value before the work.'),
  after: z.number().describe('The value after the work.'),
  unit: z.string().describe('The unit of both numbers.'),
  better: z.enum(['higher', 'lower']).nullable().describe('Which way is an improvement, when the author said so; else `null`.'),
});

export const ExportedEvidenceSchema = z.strictObject({
  label: z.string().describe('What the link shows.'),
  url: z.string().describe('The link.'),
});

export const ExportedItemSchema = z.strictObject({
  id: id.describe('The accomplishment’s id, `<cycle>/<slug>`.'),
  url: address.describe('Its page on this site.'),
  title: z.string().describe('What changed.'),
  summary: z.string().describe('One or two sentences.'),
  cycle: id.describe('The id of its review cycle.'),
  date: isoDate.describe('When the work landed, `YYYY-MM-DD`.'),
  outcome: z.enum(OUTCOMES).describe('`delivered`, `partial`, `missed` or `learning`.'),
  authors: z.array(ExportedAuthorSchema).describe('The authors this build shows, lead first.'),
  authorsNotShown: z.number().int().min(0).describe('How many more authors this build does not show (never who).'),
  goals: z.array(ExportedGoalLinkSchema).describe('The goals it moved that this build shows.'),
  goalsNotShown: z.number().int().min(0).describe('How many more goals it moved that this build does not show.'),
  unplanned: z.string().nullable().describe('Why it mattered though no goal asked for it; `null` for planned work.'),
  impact: z.array(ExportedImpactSchema).describe('Before → after changes.'),
  evidence: z.array(ExportedEvidenceSchema).describe('Links that show the work.'),
  tags: z.array(z.string()).describe('Topics.'),
  buildsOn: z.array(z.string()).describe('The ids of the earlier accomplishments it built on that this build shows.'),
  teams: z.array(id).describe('The ids of the teams of its shown authors, as the team pages count it.'),
});

export const ExportedKeyResultSchema = z.strictObject({
  id: id.describe('Its id, unique within the goal.'),
  title: z.string().describe('What is measured.'),
  unit: z.string().describe('The unit of the numbers.'),
  baseline: z.number().describe('The value when the goal was set.'),
  current: z.number().describe('The value now.'),
  target: z.number().describe('The value the goal aims for.'),
  direction: z.enum(['increase', 'decrease']).describe('`increase` when the target is above the baseline, else `decrease`.'),
});

export const ExportedGoalSchema = z.strictObject({
  id: id.describe('The goal’s id.'),
  url: address.describe('Its page on this site.'),
  title: z.string().describe('The goal as an outcome.'),
  cycle: id.describe('The id of its cycle.'),
  team: id.nullable().describe('The id of the team that owns it, or `null` when this build does not show the team.'),
  owner: id.nullable().describe('The id of its owner, or `null` when this build does not show that person.'),
  parent: id.nullable().describe('The id of the goal it serves, or `null` when it has none this build shows.'),
  status: z.enum(['on-track', 'at-risk', 'off-track', 'done', 'dropped']).describe('Where it stands.'),
  progress: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe('0 to 1, rolled up from its key results and shown child goals as its page shows it; `null` when nothing is measured.'),
  keyResults: z.array(ExportedKeyResultSchema).describe('How progress is measured.'),
});

export const ExportedPersonSchema = z.strictObject({
  id: id.describe('The person’s id.'),
  url: address.describe('Their portfolio on this site.'),
  name: z.string().describe('Their name.'),
  role: z.string().describe('Their role.'),
  team: id.nullable().describe('The id of their team, or `null` when this build does not show it.'),
});

export const ExportedCycleSchema = z.strictObject({
  id: id.describe('The cycle’s id.'),
  url: address.describe('Its page on this site.'),
  name: z.string().describe('Its name.'),
  start: isoDate.describe('Its first day, `YYYY-MM-DD`.'),
  end: isoDate.describe('Its last day, `YYYY-MM-DD`.'),
  due: isoDate.nullable().describe('The last day to submit, `YYYY-MM-DD`, or `null` when the cycle names none.'),
});

export const AccomplishmentsDocumentSchema = z.strictObject({
  ...envelope,
  items: z.array(ExportedItemSchema).describe('Every accomplishment this build shows, newest first; never drafts.'),
});

export const GoalsDocumentSchema = z.strictObject({
  ...envelope,
  goals: z.array(ExportedGoalSchema).describe('Every goal this build shows.'),
});

export const PeopleDocumentSchema = z.strictObject({
  ...envelope,
  people: z.array(ExportedPersonSchema).describe('Everyone this build shows, alphabetical.'),
});

export const CyclesDocumentSchema = z.strictObject({
  ...envelope,
  cycles: z.array(ExportedCycleSchema).describe('Every review cycle, latest first.'),
});

export type ExportedItem = z.infer<typeof ExportedItemSchema>;
export type ExportedGoal = z.infer<typeof ExportedGoalSchema>;
export type ExportedPerson = z.infer<typeof ExportedPersonSchema>;
export type AccomplishmentsDocument = z.infer<typeof AccomplishmentsDocumentSchema>;
export type GoalsDocument = z.infer<typeof GoalsDocumentSchema>;
export type ExportedCycle = z.infer<typeof ExportedCycleSchema>;
export type CyclesDocument = z.infer<typeof CyclesDocumentSchema>;
export type PeopleDocument = z.infer<typeof PeopleDocumentSchema>;
