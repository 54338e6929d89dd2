import { z } from 'zod';
import { GoalSchema, KeyResultSchema } from './goal.ts';

// What the build learns from git about the content's past: the versions of each goal file and the
// commits that touched each accomplishment. One shape for the reader, the loader and the pages.

/** A commit on the main line: its full hash and the day it landed (the committer's own date). */
export const StampSchema = z.strictObject({
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type Stamp = z.infer<typeof StampSchema>;

/**
 * The parts of a goal whose changes the site reports: where it sits, how it stands, what it
 * measures. Parsing a whole goal with it keeps just these (a plain object drops the other keys).
 */
export const GoalStateSchema = z.object({
  ...GoalSchema.pick({ cycle: true, parent: true, status: true, visibility: true }).shape,
  key_results: z.array(z.object(KeyResultSchema.pick({ id: true, unit: true, baseline: true, target: true, current: true }).shape)),
});
export type GoalState = z.infer<typeof GoalStateSchema>;

/** A goal file as one commit left it; only commits that changed a part the site reports count. */
export const GoalVersionSchema = StampSchema.extend({ state: GoalStateSchema });
export type GoalVersion = z.infer<typeof GoalVersionSchema>;

/** Why the pages have no history: git missing, not a repository, or a shallow clone (CI's default). */
export const HistoryGapSchema = z.enum(['no-git', 'not-a-repository', 'shallow', 'failed']);
export type HistoryGap = z.infer<typeof HistoryGapSchema>;

/** One entry of the `history` collection: the state of the whole, a goal's versions, or an item's commits. */
export const HistoryEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('state'), available: z.boolean(), gap: HistoryGapSchema.optional() }),
  z.strictObject({ kind: z.literal('goal'), versions: z.array(GoalVersionSchema) }),
  z.strictObject({ kind: z.literal('item'), commits: z.array(StampSchema) }),
]);
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
