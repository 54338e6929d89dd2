import { z } from 'zod';
import { IsoDate, text } from './common.ts';

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
});
export type Cycle = z.infer<typeof CycleSchema>;
