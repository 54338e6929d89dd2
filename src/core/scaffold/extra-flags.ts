import { EvidenceSchema, Id, ImpactSchema, ITEM_ID_PATTERN, type Accomplishment } from '../../schema/index.ts';
import { describeIssues } from '../diagnostics/schema-issues.ts';
import { normalizeHeading } from '../markdown/body-scan.ts';
import type { ValidEntry } from '../read/content.ts';
import { readYaml } from '../read/read-entry.ts';
import { laterWork } from '../rules/builds-on.ts';
import { impactTarget } from '../rules/impact-target.ts';
import { impactUnitMismatch, unknownImpactKeyResult } from '../rules/key-results.ts';
import { slugify } from '../text/slug.ts';
import { oneOf, suggest } from '../text/suggest.ts';
import { visible } from '../text/text-checks.ts';
import type { GoalChoice } from './scaffold.ts';

/*
 * The options of `new` for what the prompts never ask: impact, evidence, tags, builds_on and the
 * body's sections. Each is checked as the check would check it in the file, in its words, so a
 * file `new` writes from them passes.
 */

const quote = (value: string) => `\`${visible(value)}\``;
const guess = (value: string, candidates: Iterable<string>) => {
  const match = suggest(value, candidates);
  return match === undefined ? '' : ` (did you mean \`${match}\`?)`;
};

type SchemaFor = typeof ImpactSchema | typeof EvidenceSchema;

/** The schema's problems with `raw`, each as the check words it, with its did-you-mean when there is one. */
function schemaProblems(schema: SchemaFor, raw: unknown): string[] | undefined {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return undefined;
  return describeIssues(parsed.error.issues, schema, raw).map(
    (p) => `${p.message}${p.hint?.startsWith('did you mean') === true ? ` (${p.hint})` : ''}`,
  );
}

const IMPACT_EXAMPLE = '{metric: Median CI time, before: 22, after: 11, unit: min, better: lower}';

/**
 * `--impact '{metric: …, before: 22, after: 11, unit: min}'`: one entry of `impact:` as the file
 * writes it. A key result must be one of the goals' (when they are known), in its unit.
 */
export function resolveImpact(
  specs: readonly string[],
  goals: readonly GoalChoice[] | undefined,
  catalogGoals: readonly ValidEntry<'goals'>[],
  problems: string[],
): Accomplishment['impact'] | undefined {
  const out: Accomplishment['impact'] = [];
  const before = problems.length;
  for (const spec of specs) {
    const fail = (problem: string) => problems.push(`--impact ${quote(spec)}${problem}`);
    const read = readYaml(spec);
    if (!read.ok) {
      fail(
        ` is not YAML: ${read.problems[0]?.message.replace(/^Invalid YAML: /, '') ?? 'it cannot be read'}, expected a mapping such as \`${IMPACT_EXAMPLE}\``,
      );
      continue;
    }
    if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value)) {
      fail(` is not a mapping, expected one such as \`${IMPACT_EXAMPLE}\``);
      continue;
    }
    const wrong = schemaProblems(ImpactSchema, read.value);
    if (wrong) {
      for (const problem of wrong) fail(`: ${problem}`);
      continue;
    }
    const impact = ImpactSchema.parse(read.value);
    const problem = keyResultProblem(impact, goals, catalogGoals);
    if (problem !== undefined) {
      fail(`: ${problem}`);
      continue;
    }
    out.push(impact);
  }
  return problems.length === before ? out : undefined;
}

/** What the check's `unknown-key-result` and `impact-unit` would say, when the goals are known. */
function keyResultProblem(
  impact: Accomplishment['impact'][number],
  goals: readonly GoalChoice[] | undefined,
  catalogGoals: readonly ValidEntry<'goals'>[],
): string | undefined {
  if (impact.key_result === undefined || goals === undefined) return undefined;
  const target = impactTarget(goals, impact.key_result, new Map(catalogGoals.map((goal) => [goal.id, goal])));
  if (target.kind === 'unknown') {
    const ids = target.candidates;
    return `${unknownImpactKeyResult(impact.key_result, ids)}${ids.length > 1 ? guess(impact.key_result, ids) : ''}`;
  }
  // Two goals owning the same id: the check names both, with the file to fix.
  if (target.kind !== 'found') return undefined;
  return impact.unit === target.kr.unit ? undefined : impactUnitMismatch(impact.unit, target.kr);
}

// The first `=` that starts a link: labels such as `a=b` keep theirs.
const LINK_START = /=(?=(?:https?|mailto):)/i;

/** `--evidence 'PR #4121=https://…'`: a link that shows the work. */
export function resolveEvidence(specs: readonly string[], problems: string[]): Accomplishment['evidence'] | undefined {
  const out: Accomplishment['evidence'] = [];
  const before = problems.length;
  for (const spec of specs) {
    const at = spec.search(LINK_START);
    if (at === -1) {
      problems.push(
        `--evidence ${quote(spec)} is not LABEL=URL, expected a label and a link such as \`PR #123=https://github.com/org/repo/pull/123\``,
      );
      continue;
    }
    const raw = { label: spec.slice(0, at).trim(), url: spec.slice(at + 1).trim() };
    const wrong = schemaProblems(EvidenceSchema, raw);
    if (wrong) {
      for (const problem of wrong) problems.push(`--evidence ${quote(spec)}: ${problem}`);
      continue;
    }
    out.push(EvidenceSchema.parse(raw));
  }
  return problems.length === before ? out : undefined;
}

/** `--tag ci`: lowercase kebab-case, as the schema's ids; a repeated tag counts once. */
export function resolveTags(specs: readonly string[], problems: string[]): string[] | undefined {
  const before = problems.length;
  for (const tag of specs) {
    if (Id.safeParse(tag).success) continue;
    const meant = slugify(tag);
    problems.push(
      `--tag ${quote(tag)} is not a tag, expected lowercase letters and digits in words joined by \`-\`, such as \`caching\`${meant === '' || meant === tag ? '' : ` (did you mean \`${meant}\`?)`}`,
    );
  }
  return problems.length === before ? [...new Set(specs)] : undefined;
}

/**
 * `--builds-on 2026-h1/cut-ci-time`: an earlier item, dated on or before this one (when the date
 * is known already). A repeated item counts once.
 */
export function resolveBuildsOn(
  specs: readonly string[],
  items: readonly ValidEntry<'accomplishments'>[],
  date: string | undefined,
  problems: string[],
): string[] | undefined {
  const ids = items.map((item) => item.id);
  const before = problems.length;
  for (const id of specs) {
    const item = items.find((i) => i.id === id);
    if (!item) {
      // `cut-ci-time` alone is the slug of `2026-h1/cut-ci-time`.
      const meant = suggest(id, ids) ?? ids.find((other) => other.endsWith(`/${id}`));
      const form = ITEM_ID_PATTERN.test(id) ? '' : ', expected `<cycle>/<slug>`';
      problems.push(
        `--builds-on ${quote(id)} is not in content/accomplishments/${form}${meant === undefined ? '' : ` (did you mean \`${meant}\`?)`}`,
      );
    } else if (date !== undefined && item.data.date > date) {
      problems.push(`--builds-on: ${laterWork(id, item.data.date, date)}`);
    }
  }
  return problems.length === before ? [...new Set(specs)] : undefined;
}

/** `--section 'Context=Builds took 22 minutes.'`: the text under one of the body's headings. */
export function resolveSections(
  specs: readonly string[],
  headings: readonly string[],
  problems: string[],
): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  const before = problems.length;
  const fail = (problem: string) => problems.push(problem);
  for (const spec of specs) {
    const at = spec.indexOf('=');
    if (at === -1) {
      fail(
        `--section ${quote(firstLine(spec))} is not HEADING=TEXT, expected a heading and its text such as \`Context=Builds took 22 minutes.\``,
      );
      continue;
    }
    const name = spec.slice(0, at);
    const text = spec.slice(at + 1);
    const heading = headings.find((h) => normalizeHeading(h) === normalizeHeading(name));
    if (heading === undefined)
      fail(`--section ${quote(name)} is not a heading of the body, expected ${oneOf(headings)}${guess(name, headings)}`);
    else if (seen.has(heading)) fail(`--section ${quote(heading)} is given twice, expected each heading once`);
    else if (text.trim() === '') fail(`--section ${quote(heading)} has no text, expected Markdown to write under the heading`);
    else out[heading] = text;
    if (heading !== undefined) seen.add(heading);
  }
  return problems.length === before ? out : undefined;
}

const firstLine = (text: string) => (text.includes('\n') ? `${text.slice(0, text.indexOf('\n'))}…` : text);
