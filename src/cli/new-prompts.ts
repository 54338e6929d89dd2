import { answer, Cancelled, CANCELLED, say } from './prompt-flow.ts';
import { prompt } from './new-questions.ts';
import type { Readable, Writable } from 'node:stream';
import * as p from '@clack/prompts';
import { openCycle } from '../core/model/open-cycle.ts';
import { dateProblem, defaultDate, type Answers, type GoalChoice } from '../core/scaffold/scaffold.ts';
import { slugify } from '../core/text/slug.ts';
import { extras, startedCycles, textProblem, type Catalog, type Draft } from '../core/scaffold/scaffold-input.ts';
import { slugProblem } from '../core/text/slug.ts';
import { laterWork } from '../core/rules/builds-on.ts';
import { visible } from '../core/text/text-checks.ts';
import { goalTree } from '../core/model/goal-tree.ts';
import { IsoDate, type Goal } from '../schema/index.ts';
import { UsageError } from '../core/diagnostics/errors.ts';

export interface PromptContext {
  input: Readable;
  output: Writable;
  today: string;
  catalog: Catalog;
  /** The person to pre-select as the author, if we could tell who is at the keyboard. */
  me?: string | undefined;
  /** Whether `<cycle>/<slug>` is taken, in `content/accomplishments/` or `content/.personal/`. */
  exists(cycle: string, slug: string): boolean;
}

/**
 * Asks for every answer the draft lacks, in the order of the file: who, cycle, title, summary,
 * goals, outcome, visibility, date, and a file name only when the title gives none or it is taken.
 */
export async function askMissing(draft: Draft, ctx: PromptContext): Promise<{ answers: Answers; slug: string } | typeof CANCELLED> {
  try {
    return await ask(draft, ctx);
  } catch (error) {
    if (error instanceof Cancelled) return CANCELLED;
    throw error;
  }
}

async function ask(draft: Draft, ctx: PromptContext): Promise<{ answers: Answers; slug: string }> {
  const io = { input: ctx.input, output: ctx.output };
  const authors = draft.authors ?? (await askAuthors(ctx));
  const cycleId = draft.cycle ?? (await askCycle(ctx, draft.date));
  const cycle = ctx.catalog.cycles.find((c) => c.id === cycleId)!;
  const title =
    draft.title ??
    answer(
      await p.text({
        ...io,
        message: prompt('title'),
        placeholder: 'Cut median CI time from 22 to 11 minutes',
        validate: (value) => say('The title', textProblem('title', value ?? '')),
      }),
    ).trim();
  const summary =
    draft.summary ??
    answer(
      await p.text({
        ...io,
        message: prompt('summary'),
        placeholder: 'Sharded the test job and added a warm dependency cache.',
        validate: (value) => say('The summary', textProblem('summary', value ?? '')),
      }),
    ).trim();
  const throughline = draft.goals !== undefined ? { goals: draft.goals, unplanned: draft.unplanned } : await askGoals(ctx, cycleId);
  const outcome =
    draft.outcome ??
    answer(
      await p.select<Answers['outcome']>({
        ...io,
        message: prompt('outcome'),
        initialValue: 'delivered',
        options: [
          { value: 'delivered', label: 'delivered — it shipped and did what it set out to do' },
          { value: 'partial', label: 'partial — some of it shipped, or it moved things less than hoped' },
          { value: 'missed', label: 'missed — it did not happen or did not work; the body says why' },
          { value: 'learning', label: 'learning — a bet that did not pay off, and what it taught' },
        ],
      }),
    );
  const visibility =
    draft.visibility ??
    answer(
      await p.select<Answers['visibility']>({
        ...io,
        message: prompt('visibility'),
        initialValue: 'team',
        options: [
          { value: 'public', label: 'public — anyone who can read the published site' },
          { value: 'team', label: 'team — the team’s own site (the usual choice)' },
          { value: 'private', label: 'private — only your local build and review packet; never published' },
        ],
      }),
    );
  const date =
    draft.date ??
    answer(
      await p.text({
        ...io,
        message: prompt('date'),
        initialValue: defaultDate(cycle.data, ctx.today) ?? '',
        validate: (value = '') =>
          IsoDate.safeParse(value.trim()).success
            ? (say('The date', dateProblem(value.trim(), cycleId, cycle.data, ctx.today)) ?? laterThan(value.trim(), draft, ctx.catalog))
            : 'Write the date as YYYY-MM-DD',
      }),
    ).trim();
  let slug = draft.slug ?? slugify(title);
  if (draft.slug === undefined && (slug === '' || ctx.exists(cycleId, slug))) {
    const why = slug === '' ? 'The title has no letters or digits a file name can use.' : `An item \`${cycleId}/${slug}\` exists already.`;
    slug = answer(
      await p.text({
        ...io,
        message: `${why} File name for this one (lowercase words joined by -)`,
        placeholder: 'cut-ci-time',
        validate: (value = '') =>
          say('That', slugProblem(value.trim())) ?? (ctx.exists(cycleId, value.trim()) ? 'That file exists already' : undefined),
      }),
    ).trim();
  }
  return {
    answers: { authors, cycle: cycleId, title, summary, ...throughline, outcome, visibility, date, ...extras(draft) },
    slug,
  };
}

async function askAuthors(ctx: PromptContext): Promise<string[]> {
  const io = { input: ctx.input, output: ctx.output };
  const { people } = ctx.catalog;
  if (people.length === 0) throw new UsageError('there is nobody in content/people/ to be the author; add yourself there first');
  const label = (person: Catalog['people'][number]) => `${visible(person.data.name)} (${person.id})`;
  const lead = answer(
    await p.select({
      ...io,
      message: prompt('author'),
      options: people.map((person) => ({ value: person.id, label: label(person) })),
      ...(ctx.me !== undefined ? { initialValue: ctx.me } : {}),
    }),
  );
  const others = people.filter((person) => person.id !== lead);
  if (others.length === 0) return [lead];
  const coAuthors = answer(
    await p.multiselect({
      ...io,
      message: prompt('coAuthors'),
      options: others.map((person) => ({ value: person.id, label: label(person) })),
      required: false,
    }),
  );
  return [lead, ...coAuthors];
}

async function askCycle(ctx: PromptContext, date: string | undefined): Promise<string> {
  const cycles = startedCycles(ctx.catalog, ctx.today).filter(
    (c) => date === undefined || dateProblem(date, c.id, c.data, ctx.today) === undefined,
  );
  if (cycles.length === 0) throw new UsageError('no cycle in content/cycles/ has started yet, so there is nothing to add an item to');
  if (cycles.length === 1) return cycles[0]!.id;
  return answer(
    await p.select({
      input: ctx.input,
      output: ctx.output,
      message: prompt('cycle'),
      options: cycles.map((c) => ({ value: c.id, label: `${visible(c.data.name)} (${c.id})`, hint: `${c.data.start} to ${c.data.end}` })),
      initialValue: openCycle(cycles, ctx.today)!.id,
    }),
  );
}

// Never a goal id: ids are lowercase kebab-case.
const UNPLANNED = ' unplanned';

async function askGoals(ctx: PromptContext, cycleId: string): Promise<{ goals: GoalChoice[]; unplanned?: string | undefined }> {
  const io = { input: ctx.input, output: ctx.output };
  const goals = ctx.catalog.goals.filter((g) => g.data.cycle === cycleId);
  const ordered = treeOrder(goals);
  let chosen: string[] = [UNPLANNED];
  if (ordered.length === 0) {
    p.log.info(`Cycle ${cycleId} has no goals, so this is unplanned work.`, io);
  } else {
    for (;;) {
      chosen = answer(
        await p.multiselect({
          ...io,
          message: prompt('goals'),
          options: [
            ...ordered.map(({ goal, depth }) => ({
              value: goal.id,
              label: `${'   '.repeat(depth)}${visible(goal.data.title)} — ${goal.id}`,
            })),
            { value: UNPLANNED, label: 'none: unplanned work that mattered anyway' },
          ],
          required: true,
        }),
      );
      if (!(chosen.includes(UNPLANNED) && chosen.length > 1)) break;
      p.log.warn('Pick goals, or “unplanned”, not both.', io);
    }
  }
  if (chosen.includes(UNPLANNED)) {
    const reason = answer(
      await p.text({
        ...io,
        message: 'Why did it matter, although no goal asked for it?',
        placeholder: 'Support had 40 tickets about it in one week.',
        validate: (value) => say('The reason', textProblem('unplanned', value ?? '')),
      }),
    );
    return { goals: [], unplanned: reason.trim() };
  }
  const out: GoalChoice[] = [];
  for (const id of chosen) {
    const goal = goals.find((g) => g.id === id)!;
    const krs = goal.data.key_results;
    if (krs.length === 0) {
      out.push({ goal: id });
      continue;
    }
    const kr = answer(
      await p.select({
        ...io,
        message: `Which key result of “${visible(goal.data.title)}” did it move?`,
        initialValue: '',
        options: [...krs.map((k) => ({ value: k.id, label: `${visible(k.title)} — ${k.id}` })), { value: '', label: 'none in particular' }],
      }),
    );
    out.push(kr === '' ? { goal: id } : { goal: id, key_result: kr });
  }
  return { goals: out };
}

/** Goals with each one's children right under it, indented by depth; siblings by title. */
function treeOrder<G extends { id: string; data: Goal }>(goals: readonly G[]): { goal: G; depth: number }[] {
  const byId = new Map(goals.map((g) => [g.id, g]));
  const tree = goalTree(goals, (id) => byId.get(id)?.data.parent);
  const out: { goal: G; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (goal: G, depth: number) => {
    if (seen.has(goal.id)) return;
    seen.add(goal.id);
    out.push({ goal, depth });
    for (const child of tree.children(goal.id)) walk(child, depth + 1);
  };
  for (const root of tree.roots) walk(root, 0);
  return out;
}

export { CANCELLED };

/** An item given with `--builds-on` that is dated after `date`: the work can only build on what came before. */
function laterThan(date: string, draft: Draft, catalog: Catalog): string | undefined {
  for (const id of draft.builds_on ?? []) {
    const earlier = catalog.items.find((item) => item.id === id);
    if (earlier && earlier.data.date > date) return laterWork(id, earlier.data.date, date);
  }
  return undefined;
}
