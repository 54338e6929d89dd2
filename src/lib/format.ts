import { numberFormat, signedWith } from '../core/text/numbers.ts';

/**
 * How the site writes dates and numbers in one locale (the integration's `locale` option). The
 * words around them stay English: the interface is. src/data/site.ts holds the site's instance.
 * Plain functions, not methods: `[1, 2].map(format.number)` works.
 */
export interface Formatting {
  /** The BCP 47 tag these formats follow. */
  readonly locale: string;
  /** `2026-04-18` → `Apr 18, 2026` (en), `18. Apr. 2026` (de); the ISO form stays in `<time datetime>`. */
  readonly date: (iso: string) => string;
  /** A number as people write it: `1,250`, `0.5`, `1.75` (en); `1.250`, `0,5`, `1,75` (de). */
  readonly number: (value: number) => string;
  /** A change with its sign and a real minus sign: `+3`, `−11`, `±0`; too small to show is `±0`. */
  readonly signed: (value: number) => string;
  /**
   * A value with its unit: `11 min`, `99.9%` (en), `99,9 %` (de). A unit that is a plural English
   * word is singular for exactly one: `1 incident`, `3 incidents`; see `unitFor`.
   */
  readonly withUnit: (value: number, unit: string) => string;
  /** A difference with its unit; a change in a percentage is in points: `−2.7 pts`, `+3 min`. */
  readonly change: (value: number, unit: string) => string;
  /**
   * "1 item", "3 items": the count in the locale, the word form by English plural rules (the words
   * are English): `one` for exactly 1, `many` (default `one` + `s`) otherwise, 0 and 1.5 included.
   */
  readonly plural: (count: number, one: string, many?: string) => string;
  /** The word alone, for a count written apart from it (`<strong>1</strong> accomplishment`): the same rules as `plural`. */
  readonly word: (count: number, one: string, many?: string) => string;
  /** A whole-percent label for a 0..1 share: `40%` (en), `40 %` (de). */
  readonly percent: (fraction: number) => string;
}

const made = new Map<string, Formatting>();

/** The formats for `locale`, made once per locale: Intl formatters are costly to create. */
export function formatting(locale: string): Formatting {
  let formats = made.get(locale);
  if (formats === undefined) {
    formats = make(locale);
    made.set(locale, formats);
  }
  return formats;
}

function make(locale: string): Formatting {
  const DATE = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const NUMBER = numberFormat(locale);
  const number = (value: number): string => NUMBER.format(value);
  const signed = signedWith(number);
  const percentOf = percentPattern(locale, number);
  const withUnit = (value: number, unit: string): string => (unit === '%' ? percentOf(value) : `${number(value)} ${unitFor(value, unit)}`);
  return {
    locale,
    date: (iso) => DATE.format(new Date(`${iso}T00:00:00Z`)),
    number,
    signed,
    withUnit,
    change: (value, unit) => `${signed(value)} ${unit === '%' ? 'pts' : unit}`,
    plural: (count, one, many = `${one}s`) => `${number(count)} ${wordFor(count, one, many)}`,
    word: wordFor,
    percent: (fraction) => percentOf(Math.round(fraction * 100)),
  };
}

const ENGLISH = new Intl.PluralRules('en');

/** The English word form for `count`: `one` when English says "1 thing", `many` otherwise. */
export function wordFor(count: number, one: string, many = `${one}s`): string {
  return ENGLISH.select(count) === 'one' ? one : many;
}

/**
 * A unit as English writes it next to `value`: a countable plural word (`incidents`, `pages`,
 * `breakages`, `queries`, `people`) is singular for exactly one (`1 incident`, `1 query`, `1 person`). Only a whole
 * lowercase word longer than three letters, so abbreviations (`ms`, `min`, `hrs`, `pts`, `%`,
 * `req/s`, `GB`) stay as written, and never a word whose singular a trailing `s` does not give
 * (`loss`, `status`, `boxes`, `searches`, `processes`): those stay as written too.
 */
export function unitFor(value: number, unit: string): string {
  if (ENGLISH.select(value) !== 'one' || !/^[a-z]{4,}$/u.test(unit)) return unit;
  if (unit === 'people') return 'person';
  if (unit.endsWith('ies')) return `${unit.slice(0, -3)}y`;
  if (/(?:ss|us|is|sses|xes|zes|ches|shes)$/u.test(unit) || !unit.endsWith('s')) return unit;
  return unit.slice(0, -1);
}

/**
 * A number already in percent (`99.9`) written with the locale's percent sign and spacing: `99.9%`
 * in English, `99,9 %` in German. The number itself goes through the one number format.
 */
function percentPattern(locale: string, number: (value: number) => string): (value: number) => string {
  const parts = new Intl.NumberFormat(locale, { style: 'percent' }).formatToParts(0.01);
  const at = parts.findIndex((part) => part.type === 'integer');
  const text = (from: number, to?: number) =>
    parts
      .slice(from, to)
      .map((part) => part.value)
      .join('');
  const before = text(0, at);
  const after = text(at + 1);
  return (value) => `${before}${number(value)}${after}`;
}

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Initials for an avatar: `Alice Moreau` → `AM`, `Priya` → `P`; a letter with accents stays whole. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const picked = words.length > 1 ? [words[0]!, words.at(-1)!] : words;
  return picked.map((w) => (GRAPHEMES.segment(w)[Symbol.iterator]().next().value?.segment ?? '').toLocaleUpperCase('en')).join('');
}
