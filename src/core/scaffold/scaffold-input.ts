import { AccomplishmentSchema, DEFAULT_SECTIONS, IsoDate, isOneLine, OUTCOMES, Visibility } from '../../schema/index.ts';
import { valid, type Content, type ValidEntry } from '../read/content.ts';
import { compareText as byText } from '../text/compare-text.ts';
import { openCycle } from '../model/open-cycle.ts';
import { bodyHeadings, dateProblem, defaultDate, type Answers, type GoalChoice } from './scaffold.ts';
import { resolveBuildsOn, resolveEvidence, resolveImpact, resolveSections, resolveTags } from './extra-flags.ts';
import { slugify, slugProblem } from '../text/slug.ts';
import { oneOf, suggest } from '../text/suggest.ts';
import { characterName, findControlCharacters, visible } from '../text/text-checks.ts';

/** The answers `new` takes as flags, as the person typed them. */
export interface Flags {
  author?: readonly string[] | undefined;
  cycle?: string | undefined;
  title?: string | undefined;
  summary?: string | undefined;
  goal?: readonly string[] | undefined;
  unplanned?: string | undefined;
  outcome?: string | undefined;
  visibility?: string | undefined;
  date?: string | undefined;
  slug?: string | undefined;
  impact?: readonly string[] | undefined;
  evidence?: readonly string[] | undefined;
  tag?: readonly string[] | undefined;
  buildsOn?: readonly string[] | undefined;
  section?: readonly string[] | undefined;
}

/** Answers known so far; the rest come from prompts or defaults. */
export type Draft = Partial<Answers> & { slug?: string };

/** What a new item can refer to. People are in alphabetical order by name, never ranked. */
export interface Catalog {
  people: ValidEntry<'people'>[];
  cycles: ValidEntry<'cycles'>[];
  goals: ValidEntry<'goals'>[];
  /** The earlier items a new one can build on. */
  items: ValidEntry<'accomplishments'>[];
  /** The body's headings, site.yaml's required sections among them. */
  headings: string[];
}

export function catalogOf(content: Content): Catalog {
  return {
    people: valid(content, 'people').sort((a, b) => byText(a.data.name, b.data.name) || byText(a.id, b.id)),
    cycles: valid(content, 'cycles').sort((a, b) => byText(b.data.start, a.data.start) || byText(a.id, b.id)),
    goals: valid(content, 'goals'),
    items: valid(content, 'accomplishments'),
    headings: bodyHeadings(content.site?.data?.sections ?? DEFAULT_SECTIONS),
  };
}

type TextField = 'title' | 'summary' | 'unplanned';

// The limits are the schema's own, so `new` and the check never disagree.
export const LIMITS: Record<TextField, number> = {
  title: AccomplishmentSchema.shape.title.maxLength ?? Infinity,
  summary: AccomplishmentSchema.shape.summary.maxLength ?? Infinity,
  unplanned: AccomplishmentSchema.shape.unplanned.unwrap().maxLength ?? Infinity,
};

/**
 * What is wrong with a text answer, phrased to follow its name ("The title is empty"), or
 * `undefined` when it is fine. Answers are trimmed before they are checked and written.
 */
export function textProblem(field: TextField, value: string): string | undefined {
  const text = value.trim();
  if (text === '') return 'is empty';
  if (text.length > LIMITS[field]) return `is ${text.length} characters long, expected at most ${LIMITS[field]}`;
  const control = findControlCharacters(text)[0];
  if (control) return `has an invisible control character (${characterName(control.codePoint)}), expected plain text`;
  if (field !== 'unplanned' && !isOneLine(text)) return 'has a line break, expected one line';
  return undefined;
}

/** The cycles an item can be added to today: those that have started (so a date can be in them). */
export function startedCycles(catalog: Catalog, today: string): ValidEntry<'cycles'>[] {
  return catalog.cycles.filter((c) => c.data.start <= today);
}

const quote = (value: string) => `\`${visible(value)}\``;
const guess = (value: string, candidates: Iterable<string>) => {
  const match = suggest(value, candidates);
  return match === undefined ? '' : ` (did you mean \`${match}\`?)`;
};

/**
 * Checks every flag against the content, collecting all problems. With `defaults`, answers that
 * have a sensible default (the cycle, the date) get it, so the draft is complete when no flag is
 * missing; without, they are left for the prompts, which show the defaults.
 */
export function resolveFlags(flags: Flags, catalog: Catalog, today: string, defaults: boolean): { draft: Draft; problems: string[] } {
  const problems: string[] = [];
  const draft: Draft = {};

  if (flags.author !== undefined && flags.author.length > 0) {
    const ids = catalog.people.map((p) => p.id);
    const unknown = flags.author.filter((id) => !ids.includes(id));
    for (const id of unknown) problems.push(`--author ${quote(id)} is not in content/people/${guess(id, ids)}`);
    if (unknown.length === 0) draft.authors = [...new Set(flags.author)];
  }

  for (const field of ['title', 'summary', 'unplanned'] as const) {
    const value = flags[field];
    if (value === undefined) continue;
    const problem = textProblem(field, value);
    if (problem) problems.push(`--${field} ${problem}`);
    else draft[field] = value.trim();
  }

  let cycle: ValidEntry<'cycles'> | undefined;
  if (flags.cycle !== undefined) {
    cycle = catalog.cycles.find((c) => c.id === flags.cycle);
    if (!cycle)
      problems.push(
        `--cycle ${quote(flags.cycle)} is not in content/cycles/${guess(
          flags.cycle,
          catalog.cycles.map((c) => c.id),
        )}`,
      );
  }

  const goals = resolveGoals(flags.goal ?? [], catalog, problems);
  if (goals.length > 0) {
    const cycles = [...new Set(goals.map((g) => g.entry.data.cycle))];
    if (cycle) {
      for (const { entry } of goals)
        if (entry.data.cycle !== cycle.id)
          problems.push(`--goal ${quote(entry.id)} is a goal of cycle \`${entry.data.cycle}\`, not of \`${cycle.id}\``);
    } else if (flags.cycle === undefined) {
      // The goals say which cycle the work belongs to.
      if (cycles.length === 1) cycle = catalog.cycles.find((c) => c.id === cycles[0]);
      else
        problems.push(
          `--goal: the goals are in different cycles (${cycles.map((c) => `\`${c}\``).join(', ')}), expected goals of one cycle`,
        );
    }
  }
  if (goals.length > 0 && flags.goal !== undefined && flags.goal.length === goals.length) draft.goals = goals.map((g) => g.choice);
  if (flags.goal !== undefined && flags.goal.length > 0 && flags.unplanned !== undefined)
    problems.push('--goal and --unplanned both given, expected one: work either moved goals or was unplanned');
  if (flags.unplanned !== undefined && draft.unplanned !== undefined && flags.goal === undefined) draft.goals = [];

  if (flags.outcome !== undefined) {
    if ((OUTCOMES as readonly string[]).includes(flags.outcome)) draft.outcome = flags.outcome as Answers['outcome'];
    else problems.push(`--outcome ${quote(flags.outcome)} is not an outcome, expected ${oneOf(OUTCOMES)}${guess(flags.outcome, OUTCOMES)}`);
  }
  if (flags.visibility !== undefined) {
    const parsed = Visibility.safeParse(flags.visibility);
    if (parsed.success) draft.visibility = parsed.data;
    else
      problems.push(
        `--visibility ${quote(flags.visibility)} is not a visibility, expected ${oneOf(Visibility.options)}${guess(flags.visibility, Visibility.options)}`,
      );
  }
  if (flags.slug !== undefined) {
    const problem = slugProblem(flags.slug);
    if (problem) problems.push(`--slug ${quote(flags.slug)} ${problem}`);
    else draft.slug = flags.slug;
  } else if (defaults && draft.title !== undefined && slugify(draft.title) === '') {
    problems.push('--title has no letters or digits to make a file name from, so pass --slug NAME');
  }

  if (!cycle && defaults && flags.cycle === undefined) cycle = openCycle(catalog.cycles, today);
  if (cycle) {
    draft.cycle = cycle.id;
    if (cycle.data.start > today)
      problems.push(`cycle \`${cycle.id}\` starts on ${cycle.data.start}, after today (${today}), so it can have no items yet`);
  }

  if (flags.date !== undefined) {
    if (!IsoDate.safeParse(flags.date).success)
      problems.push(`--date ${quote(flags.date)} is not a date, expected YYYY-MM-DD such as ${today}`);
    else if (cycle) {
      const problem = dateProblem(flags.date, cycle.id, cycle.data, today);
      if (problem) problems.push(`--date ${problem}`);
      else draft.date = flags.date;
    } else if (flags.cycle === undefined) {
      // The cycle is still to be chosen; it has to be one the date is in.
      if (startedCycles(catalog, today).some((c) => !dateProblem(flags.date!, c.id, c.data, today))) draft.date = flags.date;
      else problems.push(`--date ${flags.date} is in no cycle that has started, or is after today (${today})`);
    }
  } else if (cycle && defaults) {
    const date = defaultDate(cycle.data, today);
    if (date !== undefined) draft.date = date;
  }

  // What no prompt asks; given, it is written as is. Checked once the goals and the date are known.
  const impact = resolveImpact(flags.impact ?? [], draft.goals, catalog.goals, problems);
  if (impact && impact.length > 0) draft.impact = impact;
  const evidence = resolveEvidence(flags.evidence ?? [], problems);
  if (evidence && evidence.length > 0) draft.evidence = evidence;
  const tags = resolveTags(flags.tag ?? [], problems);
  if (tags && tags.length > 0) draft.tags = tags;
  const buildsOn = resolveBuildsOn(flags.buildsOn ?? [], catalog.items, draft.date, problems);
  if (buildsOn && buildsOn.length > 0) draft.builds_on = buildsOn;
  const sections = resolveSections(flags.section ?? [], catalog.headings, problems);
  if (sections && Object.keys(sections).length > 0) draft.sections = sections;
  return { draft, problems };
}

function resolveGoals(
  specs: readonly string[],
  catalog: Catalog,
  problems: string[],
): { entry: ValidEntry<'goals'>; choice: GoalChoice }[] {
  const ids = catalog.goals.map((g) => g.id);
  const out: { entry: ValidEntry<'goals'>; choice: GoalChoice }[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const colon = spec.indexOf(':');
    const id = colon === -1 ? spec : spec.slice(0, colon);
    const kr = colon === -1 ? undefined : spec.slice(colon + 1);
    const entry = catalog.goals.find((g) => g.id === id);
    if (!entry) {
      problems.push(`--goal ${quote(id)} is not in content/goals/${guess(id, ids)}`);
      continue;
    }
    if (seen.has(id)) {
      problems.push(`--goal ${quote(id)} is given twice, expected each goal once`);
      continue;
    }
    seen.add(id);
    if (kr !== undefined) {
      const krs = entry.data.key_results.map((k) => k.id);
      if (krs.length === 0) {
        problems.push(`--goal ${quote(spec)}: goal \`${id}\` has no key results, so write \`--goal ${id}\``);
        continue;
      }
      if (!krs.includes(kr)) {
        problems.push(
          `--goal ${quote(spec)}: ${quote(kr)} is not a key result of \`${id}\`, expected ${oneOf(krs)}${krs.length > 1 ? guess(kr, krs) : ''}`,
        );
        continue;
      }
    }
    out.push({ entry, choice: kr === undefined ? { goal: id } : { goal: id, key_result: kr } });
  }
  return out;
}

/** The flags a complete draft still needs and that were not given at all, in the order of the questions. */
export function missingFlags(draft: Draft, flags: Flags): string[] {
  const missing: string[] = [];
  const absent = (answer: unknown, ...given: unknown[]) => answer === undefined && given.every((g) => g === undefined);
  const goals = flags.goal !== undefined && flags.goal.length > 0 ? flags.goal : undefined;
  if (absent(draft.authors, flags.author?.[0])) missing.push('--author');
  if (absent(draft.cycle, flags.cycle, goals)) missing.push('--cycle');
  if (absent(draft.title, flags.title)) missing.push('--title');
  if (absent(draft.summary, flags.summary)) missing.push('--summary');
  if (absent(draft.goals, goals, flags.unplanned)) missing.push('--goal (or --unplanned)');
  if (absent(draft.outcome, flags.outcome)) missing.push('--outcome');
  if (absent(draft.visibility, flags.visibility)) missing.push('--visibility');
  return missing;
}

/** The answers, once every one of them is known. */
export function completeAnswers(draft: Draft): Answers | undefined {
  const { authors, cycle, title, summary, goals, unplanned, outcome, visibility, date } = draft;
  if (!authors || !cycle || !title || !summary || !goals || !outcome || !visibility || !date) return undefined;
  return { authors, cycle, title, summary, goals, unplanned, outcome, visibility, date, ...extras(draft) };
}

/** The answers no prompt asks for, only those given: the file writes its examples for the rest. */
export function extras(draft: Draft): Pick<Answers, 'impact' | 'evidence' | 'tags' | 'builds_on' | 'sections'> {
  const { impact, evidence, tags, builds_on, sections } = draft;
  return {
    ...(impact && { impact }),
    ...(evidence && { evidence }),
    ...(tags && { tags }),
    ...(builds_on && { builds_on }),
    ...(sections && { sections }),
  };
}
