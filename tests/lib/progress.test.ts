import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyResultProgress, rollUp } from '../../src/lib/progress.ts';
import { KeyResultSchema } from '../../src/schema/goal.ts';
import { MEASURE_MAX } from '../../src/schema/common.ts';

const kr = (baseline: number, target: number, current: number) => ({ id: 'k', title: 'K', unit: 'ms', baseline, target, current });

describe('key result progress', () => {
  it('is finite for the extreme values of defect 9, and does not spread NaN to parents', () => {
    const p = keyResultProgress(kr(-1e308, 1e308, 0));
    expect(p).toEqual({ fraction: 0.5, raw: 0.5, reduce: false });
    expect(rollUp([kr(-1e308, 1e308, 0), kr(0, 10, 10)], [0.25])).toBeCloseTo(0.5833, 4);
    expect(keyResultProgress(kr(0, 5e-324, 1e15))).toEqual({ fraction: 1, raw: Number.MAX_VALUE, reduce: false });
  });

  it('refuses measures the pages could not show', () => {
    expect(KeyResultSchema.safeParse(kr(-1e308, 1e308, 0)).success).toBe(false);
    expect(KeyResultSchema.safeParse(kr(-MEASURE_MAX, MEASURE_MAX, 0)).success).toBe(true);
  });

  it('is a finite share between 0 and 1 for every key result the schema accepts', () => {
    const measure = fc.double({ min: -MEASURE_MAX, max: MEASURE_MAX, noNaN: true });
    const any = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.oneof(measure, any), fc.oneof(measure, any), fc.oneof(measure, any), (baseline, target, current) => {
        const p = keyResultProgress(kr(baseline, target, current));
        expect(Number.isFinite(p.raw)).toBe(true);
        expect(p.fraction).toBeGreaterThanOrEqual(0);
        expect(p.fraction).toBeLessThanOrEqual(1);
        expect(p.reduce).toBe(target < baseline);
        const parent = rollUp([kr(baseline, target, current)], [p.fraction]);
        expect(Number.isFinite(parent)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
