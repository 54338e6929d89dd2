import { z } from 'zod';
import { Id, IsoDate, idRef, Link, list, Measure, paragraph, text, Visibility, type RefFactory } from './common.ts';

export const OUTCOMES = ['delivered', 'partial', 'missed', 'learning'] as const;

/** One before → after change the work caused. */
export const ImpactSchema = z.strictObject({
  /** What was measured, e.g. `Median CI time`. */
  metric: text(160),
  /** The id of the key result this moved, one of the key results of this item's goals. */
  key_result: Id.optional(),
  /** The value before the work. */
  before: Measure,
  /** The value after the work. */
  after: Measure,
  /** The unit of both numbers; must match the key result's unit when one is named. */
  unit: text(20),
  /**
   * Which way is an improvement, `higher` or `lower`, when no `key_result` is named (a named key
   * result's direction decides). The page labels the change "better" or "worse" by it; without
   * either, the change is shown unlabelled.
   */
  better: z.enum(['higher', 'lower']).optional(),
});

/** A link that shows the work: a pull request, a dashboard, a document. */
export const EvidenceSchema = z.strictObject({
  /** What the link shows, e.g. `PR #4121`. */
  label: text(160),
  /** An `https:`, `http:` or `mailto:` link. */
  url: Link,
});

const goalLink = <R extends z.ZodType>(ref: RefFactory<R>) =>
  z.strictObject({
    /** The id of the goal this work moved. */
    goal: ref('goals'),
    /** The id of the key result of that goal this work moved. */
    key_result: Id.optional(),
    /** One or two sentences on how this work moved the goal. */
    contribution: paragraph(500).optional(),
  });

/** One goal an item moved, after the short form `[ci-speed]` is expanded. */
export interface GoalLinkOf<R extends z.ZodType> {
  goal: z.output<R>;
  key_result?: string | undefined;
  contribution?: string | undefined;
}

// Astro's reference() turns an id into an object, so the long form is told apart by its `goal` key.
function isLongForm<R extends z.ZodType>(link: unknown): link is GoalLinkOf<R> {
  return typeof link === 'object' && link !== null && 'goal' in link;
}

/** `content/accomplishments/<cycle>/<slug>.md`: one piece of work and the goals it moved. */
export const accomplishmentSchema = <R extends z.ZodType>(ref: RefFactory<R>) =>
  z.strictObject({
    /** What changed, as a result: `Cut median CI time from 22 to 11 minutes`. */
    title: text(120),
    /** One or two sentences, at most 200 characters. */
    summary: text(200),
    /** Ids of the people who did the work; the first is the lead. */
    authors: list(ref('people'), { min: 1, max: 12 }),
    /** The id of the review cycle; also the folder the file is in. */
    cycle: ref('cycles'),
    /** When the work landed, `YYYY-MM-DD`, inside the cycle. */
    date: IsoDate,
    /**
     * The throughline: the goals (and key results) this work moved. Either a list of goal ids,
     * `[ci-speed]`, or a list of `{goal, key_result, contribution}`.
     */
    goals: list(z.union([ref('goals'), goalLink(ref)]), { max: 10 })
      .default([])
      .transform((links) => links.map((link): GoalLinkOf<R> => (isLongForm<R>(link) ? link : { goal: link as z.output<R> }))),
    /** Why this work mattered although no goal asked for it. Required exactly when `goals` is empty. */
    unplanned: z.string().max(500).optional(),
    /** `delivered`, `partial`, `missed`, or `learning` (a bet that did not pay off, and what it taught). */
    outcome: z.enum(OUTCOMES),
    /** Before → after changes the work caused. */
    impact: list(ImpactSchema, { max: 20 }).default([]),
    /** Links that show the work. */
    evidence: list(EvidenceSchema, { max: 20 }).default([]),
    /** Free-form topics, lowercase kebab-case, e.g. `[ci, caching]`. */
    tags: list(Id, { max: 20 }).default([]),
    /** Who may see this item: `public`, `team` or `private`. Required: there is no default. */
    visibility: Visibility,
    /**
     * Ids of earlier items this work built on, `<cycle>/<slug>` as in `2026-h1/cut-ci-time`: a
     * lesson that paid off later. Each is dated on or before this item. The site links them both
     * ways, leaving out any its audience may not see.
     */
    builds_on: list(ref('accomplishments'), { max: 10 }).default([]),
    /** Drafts are checked but never built or counted. */
    draft: z.boolean().default(false),
  });

export const AccomplishmentSchema = accomplishmentSchema(idRef);
export type Accomplishment = z.infer<typeof AccomplishmentSchema>;
export type GoalLink = Accomplishment['goals'][number];
