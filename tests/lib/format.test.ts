import { describe, expect, it } from 'vitest';
import { formatNumber, signed as englishSigned } from '../../src/core/text/numbers.ts';
import { formatting, unitFor, wordFor } from '../../src/lib/format.ts';

const en = formatting('en');
const de = formatting('de');

describe('formatting: the site’s dates and numbers in its locale', () => {
  it('is made once per locale', () => {
    expect(formatting('en')).toBe(en);
    expect(formatting('de')).toBe(de);
    expect(de.locale).toBe('de');
  });

  it('writes a day as the locale writes it', () => {
    expect(en.date('2026-04-18')).toBe('Apr 18, 2026');
    expect(formatting('en-GB').date('2026-04-18')).toBe('18 Apr 2026');
    expect(de.date('2026-04-18')).toBe('18. Apr. 2026');
    // The day is the one in the file, in every time zone: no shift to the day before.
    expect(de.date('2026-01-01')).toBe('1. Jan. 2026');
  });

  it('writes numbers with the locale’s grouping and decimal separators, at most two decimals', () => {
    expect([12345.6, 0.5, 1.755, 1250, 3].map(en.number)).toEqual(['12,345.6', '0.5', '1.76', '1,250', '3']);
    expect([12345.6, 0.5, 1.755, 1250, 3].map(de.number)).toEqual(['12.345,6', '0,5', '1,76', '1.250', '3']);
  });

  it('writes a change with its sign and a real minus sign in every locale', () => {
    expect([3, -11, 0, 0.5, -2.75, 1250].map(en.signed)).toEqual(['+3', '−11', '±0', '+0.5', '−2.75', '+1,250']);
    expect([3, -11, 0, 0.5, -2.75, -1250].map(de.signed)).toEqual(['+3', '−11', '±0', '+0,5', '−2,75', '−1.250']);
  });

  it('takes the sign from the number shown, so a change too small to show is ±0, not +0', () => {
    for (const format of [en, de]) {
      expect([0.001, -0.004, -0, 1e-12].map(format.signed)).toEqual(['±0', '±0', '±0', '±0']);
      expect(format.signed(0.1 + 0.2 - 0.3)).toBe('±0');
    }
    expect(en.signed(99.9 - 99.95)).toBe('−0.05');
    expect(de.signed(99.9 - 99.95)).toBe('−0,05');
  });

  it('puts a unit after the value, and a percentage as the locale writes one', () => {
    expect(en.withUnit(11, 'min')).toBe('11 min');
    expect(en.withUnit(99.9, '%')).toBe('99.9%');
    expect(de.withUnit(1250.5, 'ms')).toBe('1.250,5 ms');
    expect(de.withUnit(99.9, '%')).toBe('99,9\u00a0%');
    expect(en.percent(0.404)).toBe('40%');
    expect(de.percent(0.405)).toBe('41\u00a0%');
    expect(en.percent(1)).toBe('100%');
  });

  it('puts a change in a percentage in points', () => {
    expect(en.change(-2.7, '%')).toBe('−2.7 pts');
    expect(en.change(3, 'min')).toBe('+3 min');
    expect(de.change(-2.7, '%')).toBe('−2,7 pts');
    expect(de.change(1500, 'ms')).toBe('+1.500 ms');
  });

  it('counts in the locale, the words staying English', () => {
    expect(en.plural(1, 'item')).toBe('1 item');
    expect(en.plural(1250, 'item')).toBe('1,250 items');
    expect(de.plural(1250, 'person', 'people')).toBe('1.250 people');
  });

  it('picks the word by English plural rules: one for exactly 1, the plural for 0 and fractions', () => {
    expect([0, 1, 2, 1.5].map((n) => en.plural(n, 'accomplishment'))).toEqual([
      '0 accomplishments',
      '1 accomplishment',
      '2 accomplishments',
      '1.5 accomplishments',
    ]);
    expect(en.plural(1, 'person', 'people')).toBe('1 person');
    expect(en.plural(0, 'person', 'people')).toBe('0 people');
    expect(de.plural(1, 'lesson learned', 'lessons learned')).toBe('1 lesson learned');
    expect(de.plural(1.5, 'item')).toBe('1,5 items');
    expect(wordFor(1, 'claims', 'claim')).toBe('claims');
  });

  it('writes a countable unit in the singular for exactly one, and leaves abbreviations alone', () => {
    expect(en.withUnit(1, 'incidents')).toBe('1 incident');
    expect(en.withUnit(3, 'incidents')).toBe('3 incidents');
    expect(en.withUnit(0, 'incidents')).toBe('0 incidents');
    expect(en.withUnit(1, 'pages')).toBe('1 page');
    expect(en.withUnit(1, 'breakages')).toBe('1 breakage');
    expect(en.withUnit(1, 'queries')).toBe('1 query');
    expect(en.withUnit(1, 'people')).toBe('1 person');
    expect(de.withUnit(1, 'incidents')).toBe('1 incident');
    expect(en.withUnit(1.5, 'incidents')).toBe('1.5 incidents');
    expect(
      ['ms', 'min', 'hrs', 'pts', 'req/s', 'GB', 'MB/s', 'loss', 'status', 'boxes', 'searches', 'Incidents', 'on-call pages'].map((u) =>
        unitFor(1, u),
      ),
    ).toEqual(['ms', 'min', 'hrs', 'pts', 'req/s', 'GB', 'MB/s', 'loss', 'status', 'boxes', 'searches', 'Incidents', 'on-call pages']);
    expect(en.withUnit(1, '%')).toBe('1%');
  });
});

describe('the CLI’s numbers', () => {
  it('stay English whatever the site’s locale', () => {
    expect(formatNumber(12345.6)).toBe('12,345.6');
    expect([3, -11, 0, -2.75, 1250, 0.001].map(englishSigned)).toEqual(['+3', '−11', '±0', '−2.75', '+1,250', '±0']);
  });
});
