import { describe, expect, it } from 'vitest';
import { keyResultClaims } from '../../src/core/model/claims.ts';
import { keyResultProgress } from '../../src/lib/progress.ts';
import { goal, item } from './fixture.ts';

const KR = { id: 'p50', title: 'Median CI time', unit: 'min', baseline: 22, target: 11, current: 16 };

describe('key result progress', () => {
  it('measures the share of the way for "reduce" and "increase" results alike', () => {
    expect(keyResultProgress(KR)).toEqual({ fraction: 6 / 11, raw: 6 / 11, reduce: true });
    expect(keyResultProgress({ baseline: 40, target: 60, current: 50 })).toEqual({ fraction: 0.5, raw: 0.5, reduce: false });
  });

  it('clamps the bar but keeps the raw share past the target or the wrong way', () => {
    expect(keyResultProgress({ baseline: 22, target: 11, current: 8 })).toMatchObject({ fraction: 1, raw: 14 / 11 });
    expect(keyResultProgress({ baseline: 22, target: 11, current: 25 })).toMatchObject({ fraction: 0, raw: -3 / 11 });
  });

  it('shows no progress, never NaN, for a target equal to the baseline, which the check rejects', () => {
    // No direction means no way to go: not "met" at 5, and not "failed" at 6 or 4 either.
    for (const current of [4, 5, 6])
      expect(keyResultProgress({ baseline: 5, target: 5, current })).toEqual({ fraction: 0, raw: 0, reduce: false });
  });
});

describe('claimed vs actual movement', () => {
  const g = goal('ci', { key_results: [KR] });
  const lookup = (id: string) => (id === 'ci' ? g.data : undefined);
  const claim = (id: string, before: number, after: number, unit = 'min') =>
    item(id, { goals: [{ goal: 'ci', key_result: 'p50' }], impact: [{ metric: 'CI', key_result: 'p50', before, after, unit }] });

  it('adds up claims and flags more claimed movement than the key result made', () => {
    const fine = keyResultClaims('ci', KR, [claim('c1/a', 22, 19), claim('c1/b', 19, 17)], lookup);
    expect(fine).toMatchObject({ claimed: -5, actual: -6, overClaimed: false });
    const over = keyResultClaims('ci', KR, [claim('c1/a', 22, 16), claim('c1/b', 22, 18)], lookup);
    expect(over).toMatchObject({ claimed: -10, actual: -6, overClaimed: true });
  });

  it('ignores impacts in another unit and tolerates float noise', () => {
    expect(keyResultClaims('ci', KR, [claim('c1/a', 600, 0, 's')], lookup).claims).toEqual([]);
    const kr = { ...KR, baseline: 0, target: 1, current: 0.3 };
    const tiny = [claim('c1/a', 0, 0.1), claim('c1/b', 0.1, 0.3)];
    expect(keyResultClaims('ci', kr, tiny, () => ({ ...g.data, key_results: [kr] })).overClaimed).toBe(false);
  });
});
