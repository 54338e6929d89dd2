import { ImpactSchema, type Accomplishment, type Cycle, type GoalLink } from '../../schema/index.ts';
import { normalizeHeading } from '../markdown/body-scan.ts';

/** One goal the new item moves, with the key result if the author picked one. */
export type GoalChoice = Pick<GoalLink, 'goal' | 'key_result'>;

/**
 * Everything `new` (and the web form, which renders with the same function) needs to write an
 * accomplishment; field types come from the schema.
 */
export interface Answers
  extends
    Pick<Accomplishment, 'title' | 'summary' | 'authors' | 'cycle' | 'date' | 'outcome' | 'visibility'>,
    Partial<Pick<Accomplishment, 'impact' | 'evidence' | 'tags' | 'builds_on'>> {
  goals: GoalChoice[];
  /** Why the work mattered; only when `goals` is empty. */
  unplanned?: string | undefined;
  /**
   * Heading → the Markdown written under it. Without it, every heading gets its prompt, to answer
   * later; with it, the body is written now: a heading without text is left out, unless the item
   * must have it (site.yaml's `sections`, and "What we learned" for a learning), which gets its prompt.
   */
  sections?: Readonly<Record<string, string>> | undefined;
}

// Plain (unquoted) only when every YAML reader agrees it is this very string: it starts with a
// letter or digit, holds no indicator that could start a comment, mapping or flow collection, and
// is not a word or number that YAML 1.1 or 1.2 reads as something else.
const PLAIN_BLOCK = /^[\p{L}\p{N}][\p{L}\p{N} ,.;'’()/+&%!?@_-]*$/u;
// `/` means nothing to YAML, in flow or block, so item ids such as `2026-h1/cut-ci-time` stay plain.
const PLAIN_FLOW = /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u;
const NOT_A_STRING = /^(?:y|n|yes|no|on|off|true|false|null)$/i;
const NUMBER_LIKE = /^[0-9][0-9a-fA-F._:+xXoObB-]*$/;
const UNSAFE_IN_QUOTES = /[\u007F-\u009F\u2028\u2029\uFEFF]/g;

/** A string as a YAML scalar that reads back exactly; `flow` for items of `[a, b]`. */
export function yamlString(value: string, flow = false): string {
  const plain =
    (flow ? PLAIN_FLOW : PLAIN_BLOCK).test(value) && !value.endsWith(' ') && !NOT_A_STRING.test(value) && !NUMBER_LIKE.test(value);
  if (plain) return value;
  // A JSON string is a valid YAML double-quoted scalar; a few characters YAML treats as line
  // breaks or non-printable are escaped as well.
  return JSON.stringify(value).replace(UNSAFE_IN_QUOTES, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const CONTEXT = 'Context';
const DID = 'What we did';
const IMPACT = 'Impact';
export const LEARNED = 'What we learned';

/**
 * The body's headings: the four the product recommends, with any other heading `site.yaml`
 * requires placed before "What we learned".
 */
export function bodyHeadings(sections: readonly string[]): string[] {
  const standard = [CONTEXT, DID, IMPACT, LEARNED];
  const known = new Set(standard.map(normalizeHeading));
  const extra: string[] = [];
  for (const section of sections) {
    const heading = section.replace(/\s+/g, ' ').trim();
    const key = normalizeHeading(heading);
    if (heading === '' || known.has(key)) continue;
    known.add(key);
    extra.push(heading);
  }
  return [CONTEXT, DID, IMPACT, ...extra, LEARNED];
}

/** The headings an item must have: site.yaml's `sections`, and "What we learned" for a learning. */
export function requiredHeadings(sections: readonly string[], outcome: Answers['outcome']): string[] {
  return outcome === 'learning' ? [...sections, LEARNED] : [...sections];
}

// Italic questions: valid Markdown, shown as is if forgotten, so they are hard to miss in review;
// `template-text` fails the check while one is left. HTML comments would hide an unfilled section.
const PROMPTS = {
  context: '_What was the situation, and why did it matter?_',
  did: '_What did you do? The key steps and decisions, and who did what._',
  impact: '_What changed, and for whom? Numbers where you have them, also under `impact:` above._',
  learned: '_What would you keep, and what would you do differently?_',
  learning: '_What did this bet teach you, and what would you try next?_',
  required: '_Every accomplishment has this section: see `sections` in `content/site.yaml`._',
} as const;

/** Every prompt `new` writes under a heading; the check reports any left in a body (`template-text`). */
export const SECTION_PROMPTS: readonly string[] = Object.values(PROMPTS);

/** The question written under `heading` until it is answered: an italic line. */
export function placeholder(heading: string, outcome: Answers['outcome']): string {
  switch (heading) {
    case CONTEXT:
      return PROMPTS.context;
    case DID:
      return PROMPTS.did;
    case IMPACT:
      return PROMPTS.impact;
    case LEARNED:
      return outcome === 'learning' ? PROMPTS.learning : PROMPTS.learned;
    default:
      return PROMPTS.required;
  }
}

/** The text of `content/accomplishments/<cycle>/<slug>.md` for these answers. */
export function renderAccomplishment(answers: Answers, sections: readonly string[]): string {
  const krExample = answers.goals.find((g) => g.key_result !== undefined)?.key_result;
  const { impact = [], evidence = [], tags = [], builds_on: buildsOn = [] } = answers;
  const lines = [
    '---',
    `title: ${yamlString(answers.title)}`,
    `summary: ${yamlString(answers.summary)}`,
    `authors: ${flowList(answers.authors)}`,
    `cycle: ${yamlString(answers.cycle)}`,
    `date: ${answers.date}`,
    ...goalLines(answers.goals),
    ...(answers.goals.length === 0 ? [`unplanned: ${yamlString(answers.unplanned ?? '')}`] : []),
    `outcome: ${answers.outcome}`,
    ...(impact.length > 0
      ? ['impact:', ...impact.flatMap(impactLines)]
      : // With a key result, its direction says which way is better; without one, `better` does.
        [
          `impact: [] # e.g. [{metric: Median CI time, ${krExample === undefined ? '' : `key_result: ${krExample}, `}before: 22, after: 11, unit: min${krExample === undefined ? ', better: lower' : ''}}]`,
        ]),
    evidence.length > 0
      ? `evidence: [${evidence.map((link) => `{label: ${yamlString(link.label, true)}, url: ${yamlString(link.url)}}`).join(', ')}]`
      : 'evidence: [] # e.g. [{label: "PR #123", url: "https://github.com/org/repo/pull/123"}]',
    tags.length > 0 ? `tags: ${flowList(tags)}` : 'tags: [] # e.g. [ci, caching]',
    ...(buildsOn.length > 0 ? [`builds_on: ${flowList(buildsOn)}`] : []),
    `visibility: ${answers.visibility}`,
    'draft: false # true keeps it out of the site and the counts while you work on it',
    '---',
  ];
  const required = new Set(requiredHeadings(sections, answers.outcome).map(normalizeHeading));
  for (const heading of bodyHeadings(sections)) {
    const text = sectionText(answers.sections?.[heading]);
    if (text === undefined && answers.sections !== undefined && !required.has(normalizeHeading(heading))) continue;
    lines.push(`## ${heading}`, '', text ?? placeholder(heading, answers.outcome), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

const flowList = (ids: readonly string[]) => `[${ids.map((id) => yamlString(id, true)).join(', ')}]`;

type Impact = NonNullable<Answers['impact']>[number];

// The schema's order, so every file lists the fields alike; absent optional fields are left out.
const IMPACT_KEYS = ImpactSchema.keyof().options;

/** One `impact` entry in block style. Numbers as JavaScript prints them, which YAML reads back as the same number. */
function impactLines(impact: Impact): string[] {
  const lines: string[] = [];
  for (const key of IMPACT_KEYS) {
    const value = impact[key];
    if (value === undefined) continue;
    const scalar = typeof value === 'number' ? String(value) : yamlString(value);
    lines.push(`${lines.length === 0 ? '  - ' : '    '}${key}: ${scalar}`);
  }
  return lines;
}

/** A section's own text with line endings made `\n`, or `undefined` when there is none to write. */
function sectionText(text: string | undefined): string | undefined {
  const trimmed = text?.replace(/\r\n?/g, '\n').trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** The short form `[a, b]` when no key results were picked, else one `goal:` entry per goal. */
function goalLines(goals: readonly GoalChoice[]): string[] {
  if (goals.length === 0) return [];
  if (goals.every((g) => g.key_result === undefined)) return [`goals: ${flowList(goals.map((g) => g.goal))}`];
  const lines = ['goals:'];
  for (const { goal, key_result } of goals) {
    lines.push(`  - goal: ${yamlString(goal)}`);
    if (key_result !== undefined) lines.push(`    key_result: ${yamlString(key_result)}`);
  }
  return lines;
}

/**
 * The date that passes the check with no input: today, or the cycle's last day when the cycle is
 * over. `undefined` when the cycle has not started, as then every date is either before it or in
 * the future.
 */
export function defaultDate(cycle: Pick<Cycle, 'start' | 'end'>, today: string): string | undefined {
  if (today < cycle.start) return undefined;
  return today < cycle.end ? today : cycle.end;
}

/** Why `date` cannot be the date of an item of `cycle`, or `undefined` when it can. */
export function dateProblem(date: string, cycleId: string, cycle: Pick<Cycle, 'start' | 'end'>, today: string): string | undefined {
  if (date < cycle.start || date > cycle.end) return `${date} is outside cycle \`${cycleId}\`, expected ${cycle.start} to ${cycle.end}`;
  if (date > today) return `${date} is after today (${today})`;
  return undefined;
}
