import { describe, expect, it } from 'vitest';
import { impactVerdict } from '../../src/lib/impact.ts';

const entry = (before: number, after: number, better?: 'higher' | 'lower') => ({
  metric: 'Breakages',
  before,
  after,
  unit: 'breakages',
  ...(better ? { better } : {}),
});

describe('whether a before → after change got better', () => {
  it('follows the key result’s direction when the entry names one', () => {
    const reduce = { baseline: 22, target: 11 };
    expect(impactVerdict(entry(22, 14), reduce)).toBe('better');
    expect(impactVerdict(entry(14, 22), reduce)).toBe('worse');
    expect(impactVerdict(entry(14, 14), reduce)).toBe('unchanged');
    // The key result decides over the entry's own `better`.
    expect(impactVerdict(entry(14, 22, 'higher'), reduce)).toBe('worse');
  });

  it('follows `better` otherwise: 0 breakages → 2 breakages with better: lower is worse', () => {
    expect(impactVerdict(entry(0, 2, 'lower'), undefined)).toBe('worse');
    expect(impactVerdict(entry(0, 2, 'higher'), undefined)).toBe('better');
  });

  it('gives no verdict when nothing says which way is better', () => {
    expect(impactVerdict(entry(0, 2), undefined)).toBeUndefined();
    expect(impactVerdict(entry(0, 2), { baseline: 5, target: 5 })).toBeUndefined();
  });
});
