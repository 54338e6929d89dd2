import { z } from 'zod';
import { idRef, IsoDate, text } from './common.ts';

/** `content/cycles/<id>.md`: a review cycle, e.g. `2026-h1`. */
export const CycleSchema = z.strictObject({
  /** Display name, e.g. `H1 2026`. */
  name: text(60),
  /** First day of the cycle, `YYYY-MM-DD`. */
  start: IsoDate,
  /** Last day of the cycle, `YYYY-MM-DD`. */
  end: IsoDate,
  /** Last day to submit accomplishments for this cycle. Defaults to `end`. */
  due: IsoDate.optional(),
  /** How many accomplishments each person writes for this cycle. */
  submissions: z
    .strictObject({
      /** Fewest accomplishments per person. */
      min: z.int().min(0).max(50).default(3),
      /** Most accomplishments per person. */
      max: z.int().min(1).max(50).default(5),
    })
    .default({ min: 3, max: 5 }),
  /**
   * How many days before the due date `throughline check` starts reminding people who have fewer
   * than `submissions.min` accomplishments (a warning). Earlier, only `throughline status` shows who
   * needs more. Defaults to `14`.
   */
  reminder_days: z.int().min(0).max(366).default(14),
  /**
   * People not held to `submissions.min` in this cycle, e.g. on leave, or a lead who writes none:
   * `[{ person: dana, reason: on leave }]`. The maximum still applies.
   */
  exempt: z
    .array(
      z.strictObject({
        /** The id of the person. */
        person: idRef('people'),
        /** Why, e.g. `on leave`: shown on the cycle page of team builds only, never in a public one. */
        reason: text(200),
      }),
    )
    .default([]),
});
export type Cycle = z.infer<typeof CycleSchema>;
