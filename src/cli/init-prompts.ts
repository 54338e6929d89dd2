import { answer, Cancelled, CANCELLED, say } from './prompt-flow.ts';
import type { Readable, Writable } from 'node:stream';
import * as p from '@clack/prompts';
import {
  completeSetup,
  cycleOf,
  cycleProblem,
  defaultCycleId,
  handleProblem,
  linkProblem,
  nameProblem,
  repoFromPagesUrl,
  type InitDraft,
  type InitPerson,
  type SiteAudience,
  type TeamSetup,
} from '../core/scaffold/init-setup.ts';
import { slugify } from '../core/text/slug.ts';

export interface InitPromptContext {
  input: Readable;
  output: Writable;
  today: string;
}

/** Asks for every answer the draft lacks: the site, the team, its people, the first cycle. */
export async function askSetup(draft: InitDraft, ctx: InitPromptContext): Promise<TeamSetup | typeof CANCELLED> {
  try {
    return await ask(draft, ctx);
  } catch (error) {
    if (error instanceof Cancelled) return CANCELLED;
    throw error;
  }
}

async function ask(draft: InitDraft, ctx: InitPromptContext): Promise<TeamSetup> {
  const io = { input: ctx.input, output: ctx.output };
  const text = async (
    message: string,
    check: (value: string) => string | undefined,
    extra: { placeholder?: string; initialValue?: string } = {},
  ) => answer(await p.text({ ...io, message, ...extra, validate: (value = '') => check(value.trim()) })).trim();

  const title = draft.title ?? (await text('Site title', (v) => say('The title', nameProblem(v)), { placeholder: 'Web team — impact' }));
  const url =
    draft.url ??
    (
      await text('Where will the site be published? (its address)', (v) => say('That', linkProblem(v)), {
        placeholder: 'https://your-org.github.io/impact',
      })
    ).replace(/\/+$/, '');
  const guessedRepo = repoFromPagesUrl(url);
  const repo =
    draft.repo ??
    (
      await text('The GitHub repository it lives in', (v) => say('That', linkProblem(v)), {
        ...(guessedRepo === undefined ? { placeholder: 'https://github.com/your-org/impact' } : { initialValue: guessedRepo }),
      })
    ).replace(/\/+$/, '');
  const audience =
    draft.audience ??
    answer(
      await p.select<SiteAudience>({
        ...io,
        message: 'Who is the published site for?',
        initialValue: 'team',
        options: [
          { value: 'team', label: 'team — only people who can reach the site (e.g. a private GitHub Pages site)' },
          { value: 'public', label: 'public — anyone on the internet; the examples are public too' },
        ],
      }),
    );
  const team =
    draft.team ??
    (await (async () => {
      const name = await text(
        'Team name',
        (v) => say('The name', nameProblem(v)) ?? (slugify(v) === '' ? 'Use at least one letter or digit a file name can hold' : undefined),
        { placeholder: 'Web' },
      );
      return { id: slugify(name), name };
    })());
  const people = draft.people ?? (await askPeople(ctx));
  const cycle =
    draft.cycle ??
    cycleOf(
      await text('First cycle (a half year or a quarter)', (v) => say('That', cycleProblem(v, ctx.today)), {
        initialValue: defaultCycleId(ctx.today),
      }),
    )!;
  const setup = completeSetup({ title, url, repo, audience, team, people, cycle });
  if (!setup) throw new Error('an answer is missing after the questions');
  return setup;
}

/** The lead first, then everyone else until an empty name; each person's id is their GitHub handle. */
async function askPeople(ctx: InitPromptContext): Promise<InitPerson[]> {
  const io = { input: ctx.input, output: ctx.output };
  const people: InitPerson[] = [];
  for (;;) {
    const first = people.length === 0;
    const name = answer(
      await p.text({
        ...io,
        message: first ? 'Your name (you lead the team)' : 'Another person’s name (leave empty when that is everyone)',
        validate: (value = '') => (value.trim() === '' && !first ? undefined : say('The name', nameProblem(value))),
      }),
    ).trim();
    if (name === '') return people;
    const github = answer(
      await p.text({
        ...io,
        message: `${name}’s GitHub handle`,
        validate: (value = '') => {
          const handle = value.trim().replace(/^@/, '');
          const problem = say('That', handleProblem(handle));
          if (problem) return problem;
          return people.some((person) => person.github.toLowerCase() === handle.toLowerCase()) ? 'That handle is taken already' : undefined;
        },
      }),
    )
      .trim()
      .replace(/^@/, '');
    people.push({ id: slugify(github), name, github });
  }
}

export { CANCELLED };
