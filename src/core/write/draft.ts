import { z } from 'zod';
import { OUTCOMES, Visibility } from '../../schema/index.ts';

/**
 * What the write page's form holds, every value as the person typed it: numbers and lists stay
 * text until they are read, so a half-typed `2.` is kept, not lost. It is also what the browser
 * keeps as the draft; a stored draft is read with `.catch` defaults, so one written by an older
 * page (or edited by hand) loses a field at worst, never the whole draft.
 */
const typed = z.string().catch('');

export const ImpactRowSchema = z.object({
  metric: typed,
  key_result: typed,
  before: typed,
  after: typed,
  unit: typed,
  better: z.enum(['', 'higher', 'lower']).catch(''),
});

export const EvidenceRowSchema = z.object({ label: typed, url: typed });

export const GoalPickSchema = z.object({ goal: typed, key_result: typed });

export const DraftSchema = z.object({
  author: typed,
  coAuthors: z.array(z.string()).catch([]),
  cycle: typed,
  title: typed,
  summary: typed,
  /** Work no goal asked for: then `unplanned` says why it mattered, and `goals` is not written. */
  isUnplanned: z.boolean().catch(false),
  goals: z.array(GoalPickSchema).catch([]),
  unplanned: typed,
  outcome: z.enum(OUTCOMES).catch('delivered'),
  impact: z.array(ImpactRowSchema).catch([]),
  evidence: z.array(EvidenceRowSchema).catch([]),
  /** Tags as typed: separated by commas or spaces. */
  tags: typed,
  builds_on: z.array(z.string()).catch([]),
  visibility: Visibility.catch('team'),
  date: typed,
  /** The file name; empty means "made from the title", as `new` does without `--slug`. */
  slug: typed,
  /** Heading → the Markdown under it. */
  sections: z.record(z.string(), z.string()).catch({}),
});

export type Draft = z.infer<typeof DraftSchema>;
export type ImpactRow = z.infer<typeof ImpactRowSchema>;

/** A draft from storage, or `undefined` when what is stored is not one. */
export function readDraft(stored: string | null): Draft | undefined {
  if (stored === null) return undefined;
  try {
    const parsed = DraftSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

// What YAML reads as a number when written plain; anything else stays text for the schema to refuse.
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function measure(value: string): unknown {
  const text = value.trim();
  if (text === '') return undefined;
  return NUMBER.test(text) ? Number(text) : text;
}

/** Empty fields are left out, so the schema reports them as missing, as the check would. */
function present(value: string): string | undefined {
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** The tags typed, each once, as `new --tag` keeps them. */
export function tagList(tags: string): string[] {
  return [...new Set(tags.split(/[\s,]+/).filter((tag) => tag !== ''))];
}

/** The earlier items written: each once, as `new --builds-on` keeps them, blank rows left out. */
export function buildsOnList(draft: Draft): string[] {
  return [...new Set(draft.builds_on.map((id) => id.trim()).filter((id) => id !== ''))];
}

const isBlankRow = (row: Record<string, string>) => Object.values(row).every((value) => value.trim() === '');

/**
 * The front matter the file will hold, as a YAML reader gives it back: what the schema and the
 * rules judge. It mirrors `renderAccomplishment`'s choices (the short goal form, `unplanned`
 * only without goals, `builds_on` only when given); a test reads rendered files back to prove it.
 */
export function frontMatterOf(draft: Draft): Record<string, unknown> {
  const authors = [draft.author, ...draft.coAuthors.filter((id) => id !== draft.author)].map((id) => id.trim());
  const goals = draft.isUnplanned ? [] : draft.goals;
  const out: Record<string, unknown> = {
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    authors: authors[0] === '' ? authors.slice(1) : authors,
    cycle: draft.cycle,
    date: draft.date,
  };
  if (goals.length > 0)
    out['goals'] = goals.every((g) => g.key_result === '')
      ? goals.map((g) => g.goal)
      : goals.map((g) => (g.key_result === '' ? { goal: g.goal } : { goal: g.goal, key_result: g.key_result }));
  else out['unplanned'] = draft.unplanned.trim();
  out['outcome'] = draft.outcome;
  out['impact'] = draft.impact
    .filter((row) => !isBlankRow(row))
    .map((row) => {
      const impact: Record<string, unknown> = { metric: present(row.metric) };
      if (row.key_result !== '') impact['key_result'] = row.key_result;
      Object.assign(impact, { before: measure(row.before), after: measure(row.after), unit: present(row.unit) });
      if (row.key_result === '' && row.better !== '') impact['better'] = row.better;
      return dropUndefined(impact);
    });
  out['evidence'] = draft.evidence
    .filter((row) => !isBlankRow(row))
    .map((row) => dropUndefined({ label: present(row.label), url: present(row.url) }));
  out['tags'] = tagList(draft.tags);
  const buildsOn = buildsOnList(draft);
  if (buildsOn.length > 0) out['builds_on'] = buildsOn;
  out['visibility'] = draft.visibility;
  out['draft'] = false;
  return out;
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
