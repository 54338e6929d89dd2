import { AccomplishmentSchema, type Accomplishment } from '../../schema/index.ts';
import type { Severity } from '../diagnostics/diagnostics.ts';
import { describeIssues } from '../diagnostics/schema-issues.ts';
import { openCycle } from '../model/open-cycle.ts';
import { CONTENT_DIR, PERSONAL_DIR } from '../read/paths.ts';
import type { Content, ContentEntry } from '../read/content.ts';
import { bodyLimitRules } from '../rules/body-limits.ts';
import { buildsOn } from '../rules/builds-on.ts';
import { RULE_SEVERITY, type RuleId } from '../rules/catalog.ts';
import type { CheckContext, Problem } from '../rules/context.ts';
import { accomplishmentDates } from '../rules/cycles.ts';
import { duplicates } from '../rules/duplicates.ts';
import { keyResults } from '../rules/key-results.ts';
import { noEvidence, templateText } from '../rules/quality.ts';
import { references } from '../rules/references.ts';
import type { Rule } from '../rules/types.ts';
import { unplanned } from '../rules/unplanned.ts';
import { defaultDate, renderAccomplishment, type Answers } from '../scaffold/scaffold.ts';
import { slugify, slugProblem } from '../text/slug.ts';
import { visible } from '../text/text-checks.ts';
import type { WriteCatalog } from './catalog.ts';
import { buildsOnList, frontMatterOf, type Draft } from './draft.ts';

/**
 * The rules of `throughline check` that judge one new item by ids, dates and the body's size, run
 * on the draft in the browser. The rest need the Markdown parser (links and raw HTML in the body)
 * or every item (counts per person): the pull request's check runs those.
 */
const RULES: readonly Rule[] = [
  references,
  duplicates,
  keyResults,
  accomplishmentDates,
  buildsOn,
  unplanned,
  templateText,
  noEvidence,
  bodyLimitRules,
];

/** Valid values for the fields no cross-file rule reads, to judge the rest while these are wrong. */
const STAND_IN: Record<string, unknown> = { title: 'A title', summary: 'A summary.', impact: [], evidence: [], tags: [], builds_on: [] };

/** A problem of the draft, on the form field it belongs to (`title`, `impact.0.unit`, `sections.Impact`). */
export interface FieldProblem {
  field: string;
  severity: Severity;
  /** `form` for what only the form can get wrong: no author chosen, no file name. */
  rule: RuleId | 'form';
  message: string;
  hint?: string | undefined;
}

export interface DraftResult {
  problems: FieldProblem[];
  /** Where the file goes; `undefined` until the cycle and the file name are known. */
  path: string | undefined;
  /** The file, once the front matter passes the schema. */
  markdown: string | undefined;
}

export interface DraftSettings {
  /** site.yaml's `sections`. */
  sections: readonly string[];
  /** `YYYY-MM-DD` in the writer's own time zone. */
  today: string;
}

/** A new draft: the cycle open today, its default date, and a goal when the link named one. */
export function newDraft(catalog: WriteCatalog, today: string, goal?: string): Draft {
  const cycles = catalog.cycles.map((c) => ({ id: c.id, data: { start: c.start, end: c.end, due: c.due ?? undefined } }));
  const linked = catalog.goals.find((g) => g.id === goal);
  const cycle = (linked && cycles.find((c) => c.id === linked.cycle)) ?? openCycle(cycles, today);
  return {
    author: '',
    coAuthors: [],
    cycle: cycle?.id ?? '',
    title: '',
    summary: '',
    isUnplanned: false,
    goals: goal === undefined ? [] : [{ goal, key_result: '' }],
    unplanned: '',
    outcome: 'delivered',
    impact: [],
    evidence: [],
    tags: '',
    builds_on: [],
    visibility: 'team',
    date: (cycle && defaultDate(cycle.data, today)) ?? '',
    slug: '',
    sections: {},
  };
}

/** The file name: the one typed, else the title's, as `new` makes it. */
export function slugOf(draft: Draft): string {
  return draft.slug.trim() === '' ? slugify(draft.title) : draft.slug.trim();
}

/** Where `new` would write the file: private items stay out of git, in `content/.personal/`. */
export function pathOf(draft: Draft): string | undefined {
  const slug = slugOf(draft);
  if (draft.cycle === '' || slug === '') return undefined;
  return `${draft.visibility === 'private' ? PERSONAL_DIR : CONTENT_DIR}/accomplishments/${draft.cycle}/${slug}.md`;
}

/** The answers `new` takes, from a draft whose front matter passed the schema. */
export function answersOf(draft: Draft, data: Accomplishment): Answers {
  return {
    title: data.title,
    summary: data.summary,
    authors: data.authors,
    cycle: data.cycle,
    date: data.date,
    goals: data.goals.map(({ goal, key_result }) => (key_result === undefined ? { goal } : { goal, key_result })),
    unplanned: data.goals.length === 0 ? (data.unplanned ?? '') : undefined,
    outcome: data.outcome,
    impact: data.impact,
    evidence: data.evidence,
    tags: data.tags,
    builds_on: data.builds_on,
    visibility: data.visibility,
    // Nothing written yet: every heading keeps its question, as with `new` and no `--section`.
    sections: Object.values(draft.sections).some((text) => text.trim() !== '') ? draft.sections : undefined,
  };
}

/**
 * Everything `throughline check` would say of this draft that ids can tell, in its words, each on
 * its field; and the file itself once the schema passes. `known` is `catalogContent(catalog)`,
 * made once: the draft is checked as it is typed.
 */
export function checkDraft(draft: Draft, known: Content, settings: DraftSettings): DraftResult {
  const problems: FieldProblem[] = [];
  const raw = frontMatterOf(draft);
  const path = pathOf(draft);
  const slug = slugOf(draft);

  // `new` cannot run without `--author`; here a co-author would silently become the lead.
  if (draft.author.trim() === '')
    problems.push({
      field: 'author',
      severity: 'error',
      rule: 'form',
      message: 'No name chosen, expected yours: the first author leads the item',
    });
  if (draft.title.trim() !== '' && slug === '')
    problems.push(fileProblem('The title has no letters or digits to make a file name from', 'type a file name'));
  else if (draft.slug.trim() !== '') {
    const problem = slugProblem(slug);
    if (problem) problems.push(fileProblem(`The file name ${problem}`));
  }
  const id = `${draft.cycle}/${slug}`;
  if (path !== undefined && known.entries.accomplishments.has(id))
    problems.push(fileProblem(`${path} exists already`, 'choose another file name'));

  const parsed = AccomplishmentSchema.safeParse(raw);
  for (const problem of parsed.success ? [] : describeIssues(parsed.error.issues, AccomplishmentSchema, raw))
    problems.push(onField({ path: problem.path, rule: problem.rule, message: problem.message, hint: problem.hint }, draft));
  // The check judges references only in files that pass the schema. A person filling a form wants
  // every problem at once, so fields the rules do not read across files stand in while they are
  // wrong; whatever the rules would say of a stand-in is dropped.
  const standIns = parsed.success ? new Set<string>() : new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const judged = parsed.success
    ? parsed
    : [...standIns].every((key) => key in STAND_IN)
      ? AccomplishmentSchema.safeParse({ ...raw, ...Object.fromEntries([...standIns].map((key) => [key, STAND_IN[key]])) })
      : parsed;

  const markdown = parsed.success ? renderAccomplishment(answersOf(draft, parsed.data), settings.sections) : undefined;
  const body = markdown === undefined ? '' : markdown.slice(markdown.indexOf('\n---\n') + 5);
  const bodyLine = markdown === undefined ? 1 : markdown.slice(0, markdown.length - body.length).split('\n').length;
  // The catalog's entries are shared between checks; only the item list is copied, to hold the draft.
  const content: Content = { ...known, entries: { ...known.entries, accomplishments: new Map(known.entries.accomplishments) } };
  const mine: ContentEntry<'accomplishments'> = {
    collection: 'accomplishments',
    id,
    doc: { file: path ?? `${CONTENT_DIR}/accomplishments/${id}.md`, text: markdown ?? '', yaml: '', yamlLine: 2, body, bodyLine },
    raw,
    data: judged.data,
  };
  content.entries.accomplishments.set(id, mine);
  const ctx: CheckContext = {
    content,
    site: undefined,
    today: settings.today,
    report(problem) {
      if (problem.at === mine && !standIns.has(String(problem.path?.[0]))) problems.push(onField(problem, draft, markdown));
    },
  };
  for (const rule of RULES) rule(ctx);
  return { problems, path, markdown };
}

function fileProblem(message: string, hint?: string): FieldProblem {
  return { field: 'slug', severity: 'error', rule: 'form', message, hint };
}

/** The form field a front matter path (or, for the body, a line) belongs to. */
function onField(problem: Problem, draft: Draft, markdown?: string): FieldProblem {
  const [key, index, sub] = problem.path ?? [];
  let field = typeof key === 'string' ? key : 'form';
  if (key === 'authors') field = index === undefined || index === 0 ? 'author' : 'coAuthors';
  else if (key === 'goals') field = typeof index === 'number' ? `goals.${index}${sub === 'key_result' ? '.key_result' : ''}` : 'goals';
  else if ((key === 'impact' || key === 'evidence') && typeof index === 'number')
    field = `${key}.${formRow(draft[key], index)}${typeof sub === 'string' ? `.${sub}` : ''}`;
  else if (key === 'builds_on' && typeof index === 'number') field = `builds_on.${buildsOnRow(draft, index)}`;
  else if (key === 'tags') field = 'tags';
  if (problem.span && markdown !== undefined) field = sectionAt(problem.span.line, markdown);
  const out: FieldProblem = {
    field,
    severity: problem.severity ?? RULE_SEVERITY[problem.rule],
    rule: problem.rule,
    message: visible(problem.message),
  };
  if (problem.hint) out.hint = visible(problem.hint);
  return out;
}

/** The form's row for the `index`-th row written: blank rows are not written. */
function formRow(rows: readonly Record<string, string>[], index: number): number {
  let seen = -1;
  for (const [row, values] of rows.entries()) {
    if (Object.values(values).every((value) => value.trim() === '')) continue;
    seen += 1;
    if (seen === index) return row;
  }
  return index;
}

/** The form's row for the `index`-th earlier item written: blank and repeated ones are not written. */
function buildsOnRow(draft: Draft, index: number): number {
  const row = draft.builds_on.findIndex((id) => id.trim() === buildsOnList(draft)[index]);
  return row === -1 ? index : row;
}

/** The section whose text holds line `line` of the file: the heading above it. */
function sectionAt(line: number, markdown: string): string {
  const lines = markdown.split('\n');
  for (let at = Math.min(line, lines.length) - 1; at >= 0; at--) {
    const heading = /^## (.+)$/.exec(lines[at]!)?.[1];
    if (heading !== undefined) return `sections.${heading}`;
  }
  return 'form';
}
