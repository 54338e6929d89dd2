import { z } from 'zod';
import { OUTCOMES } from '../../schema/accomplishment.ts';
import { Visibility } from '../../schema/common.ts';

/**
 * The first field of every JSON export and the text of the Markdown export's first line: a file
 * that starts with it was written by `throughline export`, so a later export may replace it.
 */
export const EXPORT_MARKER = 'throughline export';

/** Why commits are unknown for the whole export, or `known` when git answered. */
export const COMMIT_STATES = ['known', 'not-a-repository', 'shallow'] as const;

const Named = z.object({ id: z.string(), name: z.string().nullable() });

/** The commit that added an item's file, as `git log` saw it. */
export const ExportCommitSchema = z.object({ hash: z.string(), date: z.string() });

/** One accomplishment, with the titles and names its ids stand for, and its body as written. */
export const ExportItemSchema = z.object({
  /** `<cycle>/<slug>`, as on the site. */
  id: z.string(),
  /** The path it was read from, relative to the repository root. */
  file: z.string(),
  /** Read from `content/.personal/`: on this machine only, never in git. */
  personal: z.boolean(),
  draft: z.boolean(),
  visibility: Visibility,
  title: z.string(),
  summary: z.string(),
  cycle: z.string(),
  date: z.string(),
  outcome: z.enum(OUTCOMES),
  /** Every author, the lead first; `name` is null when the person has no valid file. */
  authors: z.array(Named),
  goals: z.array(
    z.object({
      id: z.string(),
      /** Null when the goal has no valid file. */
      title: z.string().nullable(),
      keyResult: z.object({ id: z.string(), title: z.string().nullable() }).nullable(),
      contribution: z.string().nullable(),
    }),
  ),
  unplanned: z.string().nullable(),
  impact: z.array(
    z.object({ metric: z.string(), keyResult: z.string().nullable(), before: z.number(), after: z.number(), unit: z.string() }),
  ),
  evidence: z.array(z.object({ label: z.string(), url: z.string() })),
  tags: z.array(z.string()),
  /** The Markdown after the front matter, unchanged. */
  body: z.string(),
  /** Null when git does not know it: see the export's `commits`, or the item is personal or uncommitted. */
  commit: ExportCommitSchema.nullable(),
});

/**
 * `throughline export --format json`. `schemaVersion` is raised only when a field changes meaning
 * or goes away; new fields may appear in the same version.
 */
export const ExportSchema = z.object({
  exportedBy: z.literal(EXPORT_MARKER),
  schemaVersion: z.literal(1),
  /** The `--today` date the export was made on. */
  exported: z.string(),
  person: z.object({ id: z.string(), name: z.string().nullable(), role: z.string().nullable() }),
  commits: z.enum(COMMIT_STATES),
  /** Content files that fail the schema: none of them is in the export, whoever wrote them. */
  leftOut: z.number().int(),
  /** Newest first; items in each newest first. */
  cycles: z.array(
    z.object({
      id: z.string(),
      /** Null when the cycle has no valid file. */
      name: z.string().nullable(),
      start: z.string().nullable(),
      end: z.string().nullable(),
      items: z.array(ExportItemSchema),
    }),
  ),
});

export type PersonalExport = z.infer<typeof ExportSchema>;
export type ExportItem = z.infer<typeof ExportItemSchema>;
export type ExportCommit = z.infer<typeof ExportCommitSchema>;
export type CommitState = (typeof COMMIT_STATES)[number];
