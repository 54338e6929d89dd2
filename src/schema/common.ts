import { z } from 'zod';
import type { SchemaIssueParams } from './rules.ts';

/** Lowercase kebab-case: the form of every id and of every segment of a content path. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const ID_MAX = 64;

export const COLLECTIONS = ['teams', 'people', 'cycles', 'goals', 'accomplishments'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/**
 * Reference fields are built by a factory so that one schema serves two worlds: Astro passes its
 * `reference()` (which exists only inside Astro), the CLI and JSON Schema export pass `idRef`.
 */
export type RefFactory<R extends z.ZodType = z.ZodType> = (collection: CollectionName) => R;

/** Marks which schema nodes are references, so the reference rule can find them by walking. */
export const referenceRegistry = z.registry<{ collection: CollectionName }>();

export const Id = z.string().max(ID_MAX).regex(ID_PATTERN);

/** An accomplishment's id is its path under `content/accomplishments/`: `<cycle>/<slug>`. */
export const ITEM_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;
export const ItemId = z
  .string()
  .max(2 * ID_MAX + 1)
  .regex(ITEM_ID_PATTERN);

/** The form of an id that names an entity of `collection`. */
export function idPattern(collection: CollectionName): RegExp {
  return collection === 'accomplishments' ? ITEM_ID_PATTERN : ID_PATTERN;
}

export const idRef = (collection: CollectionName) => {
  const schema = (collection === 'accomplishments' ? ItemId : Id).clone();
  referenceRegistry.add(schema, { collection });
  return schema;
};

/** A calendar date written `YYYY-MM-DD`; YAML keeps it a string and so do we. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDate, { params: { rule: 'invalid-date' } satisfies SchemaIssueParams });

/**
 * Whether a `YYYY-MM-DD` string names a day of the (proleptic Gregorian) calendar. Plain
 * arithmetic, not `Date`: `Date.UTC` reads the years 0–99 as 1900–1999.
 */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return true; // the pattern check reports the format
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Line breaks as YAML can write them into a value: a `\n` escape, a `|` or `>` block (`>` keeps
 * the last line break), quoted text over lines with a blank one, the separators `\L` and `\P`.
 */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** Whether `value` is one line: what {@link text} fields hold. */
export function isOneLine(value: string): boolean {
  return !LINE_BREAK.test(value);
}

/** Marks the {@link text} fields, so that docs/content-model.md can say they are one line. */
export const oneLineRegistry = z.registry<Record<string, never>>();

/**
 * One line of untrusted text: titles, names, labels, units. They are printed where a line break
 * would break the layout or the meaning, a terminal's line or a page's `<title>`. The length cap
 * keeps a pull request from bloating every page it lands on.
 */
export const text = (max: number) => {
  const schema = z
    .string()
    .min(1)
    .max(max)
    .refine(isOneLine, { params: { rule: 'invalid-value', lineBreak: true } satisfies SchemaIssueParams });
  oneLineRegistry.add(schema, {});
  return schema;
};

/**
 * A list of at most `max` (and at least `min`) entries. zod's own length checks run on any value
 * with a `length`, so `goals: fewer-incidents` would be reported twice: as not a list, and as text
 * longer than 10 characters. These run only on lists, after the type check passed.
 */
export const list = <T extends z.ZodType>(item: T, bounds: { min?: number; max: number }) => {
  const schema = z.array(item).check(listsOnly(z.maxLength(bounds.max)));
  return bounds.min === undefined ? schema : schema.check(listsOnly(z.minLength(bounds.min)));
};

function listsOnly<C extends z.core.$ZodCheck>(check: C): C {
  check._zod.def.when = (payload) => Array.isArray(payload.value);
  return check;
}

/** Untrusted text that may run over several lines, such as a contribution; capped like {@link text}. */
export const paragraph = (max: number) => z.string().min(1).max(max);

/**
 * Who may see an entity: `public` (anyone), `team` (the team's own build), `private` (only the
 * author's local build and review packet; never deployed).
 */
export const Visibility = z.enum(['public', 'team', 'private']);
export type Visibility = z.infer<typeof Visibility>;

const LINK_PROTOCOL = /^(https?|mailto)$/;

/** An absolute `http(s):` or `mailto:` link; nothing else can reach a page. */
export const Link = z
  .string()
  .max(2048)
  .pipe(z.url({ protocol: LINK_PROTOCOL }));

/**
 * The largest size a measured value may have. Far beyond any real metric, and small enough that
 * differences, sums and shares of such values stay finite and exact to the unit, so no page can
 * show "NaN%" or "Infinity".
 */
export const MEASURE_MAX = 1e15;

/** A measured value: a finite number between −1e15 and 1e15. */
export const Measure = z.number().min(-MEASURE_MAX).max(MEASURE_MAX);
