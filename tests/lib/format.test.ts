import { describe, expect, it } from 'vitest';
import { change, signed } from '../../src/lib/format.ts';

describe('signed', () => {
  it('writes a change with its sign and a real minus sign', () => {
    expect([3, -11, 0, 0.5, -2.75, 1250].map(signed)).toMatchInlineSnapshot(`
      [
        "+3",
        "−11",
        "±0",
        "+0.5",
        "−2.75",
        "+1,250",
      ]
    `);
  });

  it('takes the sign from the number shown, so a change too small to show is ±0, not +0', () => {
    expect([0.001, -0.004, -0, 1e-12].map(signed)).toEqual(['±0', '±0', '±0', '±0']);
    expect(signed(0.1 + 0.2 - 0.3)).toBe('±0');
    expect(signed(99.9 - 99.95)).toBe('−0.05');
  });

  it('puts a change in a percentage in points', () => {
    expect(change(-2.7, '%')).toBe('−2.7 pts');
    expect(change(3, 'min')).toBe('+3 min');
  });
});
