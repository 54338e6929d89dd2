import type { Accomplishment, KeyResult } from '../schema/index.ts';

type Impact = Accomplishment['impact'][number];

/** Whether a before → after change is an improvement; `undefined` when nothing says which way is. */
export type Verdict = 'better' | 'worse' | 'unchanged' | undefined;

/**
 * The change judged by the direction that applies: the named key result's (its target against its
 * baseline), else the entry's own `better`. "0 breakages → 2 breakages" is never an achievement by
 * accident: without a direction it gets no verdict at all.
 */
export function impactVerdict(impact: Impact, keyResult: Pick<KeyResult, 'baseline' | 'target'> | undefined): Verdict {
  const direction = keyResult
    ? Math.sign(keyResult.target - keyResult.baseline)
    : impact.better === undefined
      ? 0
      : impact.better === 'higher'
        ? 1
        : -1;
  if (direction === 0) return undefined;
  const moved = Math.sign(impact.after - impact.before);
  if (moved === 0) return 'unchanged';
  return moved === direction ? 'better' : 'worse';
}
