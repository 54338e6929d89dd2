import { formatNumber, signed } from '../core/numbers.ts';

export { formatNumber, signed };

/** A value with its unit: `11 min`, `99.9%` (no space before `%`). */
export function withUnit(value: number, unit: string): string {
  return unit === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${unit}`;
}

/** A difference with its unit; a change in a percentage is in points: `−2.7 pts`, `+3 min`. */
export function change(value: number, unit: string): string {
  return `${signed(value)} ${unit === '%' ? 'pts' : unit}`;
}

const DATE = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2026-04-18` → `18 Apr 2026`; the ISO form stays in `<time datetime>`. */
export function formatDate(iso: string): string {
  return DATE.format(new Date(`${iso}T00:00:00Z`));
}

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Initials for an avatar: `Alice Moreau` → `AM`, `Priya` → `P`; a letter with accents stays whole. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const picked = words.length > 1 ? [words[0]!, words.at(-1)!] : words;
  return picked.map((w) => (GRAPHEMES.segment(w)[Symbol.iterator]().next().value?.segment ?? '').toLocaleUpperCase('en')).join('');
}

/** "1 item", "3 items". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** A whole-percent label for a 0..1 share. */
export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
