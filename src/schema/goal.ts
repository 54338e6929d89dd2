import { z } from 'zod';
import { Id, idRef, list, Measure, text, Visibility, type RefFactory } from './common.ts';

/** A measurable result of a goal, from `baseline` towards `target`; `target` below `baseline` means "reduce". */
export const KeyResultSchema = z.strictObject({
  /** Short id, unique within the goal, e.g. `ci-p50`. */
  id: Id,
  /** What is measured, e.g. `Median CI time on main`. */
  title: text(160),
  /** The unit of the numbers, e.g. `min`, `%`, `ms`. */
  unit: text(20),
  /** The value when the goal was set. */
  baseline: Measure,
  /**
   * The value the goal aims for; it must differ from `baseline`, since which side of it the
   * target lies on is the direction: above means "increase", below means "reduce". A target equal
   * to the baseline ("hold the line") has no direction, so neither progress nor claimed movement
   * could be measured against it, and the check rejects it.
   */
  target: Measure,
  /** The value now. */
  current: Measure,
});
export type KeyResult = z.infer<typeof KeyResultSchema>;

/** `content/goals/<id>.md`: a team goal for one cycle. The body says why it matters. */
export const goalSchema = <R extends z.ZodType>(ref: RefFactory<R>) =>
  z.strictObject({
    /** The goal as an outcome, e.g. `Halve the time engineers wait on CI`. */
    title: text(160),
    /** The id of the person accountable for the goal. */
    owner: ref('people'),
    /** The id of the team that owns the goal. */
    team: ref('teams'),
    /** The id of the cycle the goal belongs to. */
    cycle: ref('cycles'),
    /** The id of the goal this one serves, if any; the goal tree has no loops. */
    parent: ref('goals').optional(),
    /** Where the goal stands. */
    status: z.enum(['on-track', 'at-risk', 'off-track', 'done', 'dropped']),
    /** How progress is measured. */
    key_results: list(KeyResultSchema, { max: 10 }).default([]),
    /** Who may see this goal. Defaults to `team`. */
    visibility: Visibility.default('team'),
  });

export const GoalSchema = goalSchema(idRef);
export type Goal = z.infer<typeof GoalSchema>;
