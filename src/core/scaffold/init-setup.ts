import { GITHUB_HANDLE_MAX, GITHUB_HANDLE_PATTERN, ID_MAX, ID_PATTERN, isOneLine, Link, SiteSchema } from '../../schema/index.ts';
import { slugify } from '../text/slug.ts';
import { oneOf } from '../text/suggest.ts';
import { characterName, findControlCharacters, visible } from '../text/text-checks.ts';

export const SITE_AUDIENCES = SiteSchema.shape.audience.options;
export type SiteAudience = (typeof SITE_AUDIENCES)[number];

export interface InitPerson {
  id: string;
  name: string;
  github: string;
}

export interface InitCycle {
  id: string;
  name: string;
  start: string;
  end: string;
}

/** Everything `init` needs to write a team's first content. */
export interface TeamSetup {
  title: string;
  url: string;
  repo: string;
  audience: SiteAudience;
  team: { id: string; name: string };
  /** The first one leads the team and owns the `.github/` folder in CODEOWNERS. */
  people: InitPerson[];
  cycle: InitCycle;
}

/** The answers `init` takes as flags, as typed. */
export interface InitFlags {
  title?: string | undefined;
  url?: string | undefined;
  repo?: string | undefined;
  audience?: string | undefined;
  team?: string | undefined;
  person?: readonly string[] | undefined;
  cycle?: string | undefined;
}

export type InitDraft = Partial<TeamSetup>;

const NAME_MAX = 100;
const quote = (value: string) => `\`${visible(value)}\``;

/** Why a one-line name (a title, a team's or a person's name) cannot be used, phrased to follow it. */
export function nameProblem(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return 'is empty';
  if (text.length > NAME_MAX) return `is ${text.length} characters long, expected at most ${NAME_MAX}`;
  if (!isOneLine(text)) return 'has a line break, expected one line';
  const control = findControlCharacters(text)[0];
  if (control) return `has an invisible control character (${characterName(control.codePoint)}), expected plain text`;
  return undefined;
}

/** Why `value` cannot be the site's address or repository, phrased to follow it. */
export function linkProblem(value: string): string | undefined {
  return Link.safeParse(value.trim()).success ? undefined : 'is not an address, expected one starting with `https://`';
}

/** Why `id` cannot be a file name under content/, phrased to follow it. */
export function idProblem(id: string): string | undefined {
  if (ID_PATTERN.test(id) && id.length <= ID_MAX) return undefined;
  return `is not an id, expected lowercase letters and digits in words joined by \`-\`, at most ${ID_MAX} characters`;
}

/** Why `handle` cannot be a GitHub handle, phrased to follow it. */
export function handleProblem(handle: string): string | undefined {
  if (GITHUB_HANDLE_PATTERN.test(handle) && handle.length <= GITHUB_HANDLE_MAX) return undefined;
  return 'is not a GitHub handle, expected letters, digits and single hyphens, without `@`';
}

/**
 * The repository of a site on GitHub Pages: `https://acme.github.io/impact` is published from
 * `https://github.com/acme/impact`, `https://acme.github.io` from `acme/acme.github.io`.
 */
export function repoFromPagesUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  const owner = /^([a-z0-9-]+)\.github\.io$/i.exec(parsed.hostname)?.[1];
  if (owner === undefined) return undefined;
  const name = parsed.pathname.split('/').find((part) => part !== '') ?? parsed.hostname;
  return `https://github.com/${owner}/${name}`;
}

const HALF = /^(\d{4})-h([12])$/;
const QUARTER = /^(\d{4})-q([1-4])$/;

/** A half (`2026-h2`) or a quarter (`2026-q4`) as a cycle, or `undefined` for any other id. */
export function cycleOf(id: string): InitCycle | undefined {
  const half = HALF.exec(id);
  if (half) {
    const [year, n] = [half[1]!, Number(half[2])];
    return n === 1
      ? { id, name: `H1 ${year}`, start: `${year}-01-01`, end: `${year}-06-30` }
      : { id, name: `H2 ${year}`, start: `${year}-07-01`, end: `${year}-12-31` };
  }
  const quarter = QUARTER.exec(id);
  if (quarter) {
    const [year, n] = [quarter[1]!, Number(quarter[2])];
    const ends = ['03-31', '06-30', '09-30', '12-31'];
    const start = `${year}-${String(n * 3 - 2).padStart(2, '0')}-01`;
    return { id, name: `Q${n} ${year}`, start, end: `${year}-${ends[n - 1]!}` };
  }
  return undefined;
}

/** The half-year `today` is in: the first cycle when none is asked for. */
export function defaultCycleId(today: string): string {
  return `${today.slice(0, 4)}-h${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** Why `id` cannot be the first cycle on `today`, phrased to follow it. */
export function cycleProblem(id: string, today: string): string | undefined {
  const cycle = cycleOf(id);
  if (!cycle)
    return `is not a cycle, expected a half year or a quarter such as \`${defaultCycleId(today)}\` or \`${today.slice(0, 4)}-q${Math.ceil(Number(today.slice(5, 7)) / 3)}\``;
  if (today < cycle.start || today > cycle.end)
    return `runs ${cycle.start} to ${cycle.end}, which does not include today (${today}); the first cycle is the one you are in`;
  return undefined;
}

/** `id:Full Name:handle` → a person, or why it is not one. */
export function parsePerson(spec: string): InitPerson | string {
  const parts = spec.split(':');
  if (parts.length !== 3) return `${quote(spec)} is not \`id:Full Name:github-handle\``;
  const [id, rawName, rawHandle] = parts as [string, string, string];
  const name = rawName.trim();
  const github = rawHandle.trim().replace(/^@/, '');
  const idIssue = idProblem(id);
  if (idIssue) return `${quote(spec)}: the id ${quote(id)} ${idIssue}`;
  const nameIssue = nameProblem(name);
  if (nameIssue) return `${quote(spec)}: the name ${nameIssue}`;
  const handleIssue = handleProblem(github);
  if (handleIssue) return `${quote(spec)}: ${quote(github)} ${handleIssue}`;
  return { id, name, github };
}

/** A team given as `id:Name`, or as a name to make the id from. */
export function parseTeam(spec: string): { id: string; name: string } | string {
  const colon = spec.indexOf(':');
  const id = colon === -1 ? slugify(spec) : spec.slice(0, colon);
  const name = (colon === -1 ? spec : spec.slice(colon + 1)).trim();
  const problem = nameProblem(name);
  if (problem !== undefined) return `the team's name ${problem}`;
  if (colon === -1 && id === '') return `${quote(spec)} has no letters or digits to make an id from, so write \`--team id:${name}\``;
  const idIssue = idProblem(id);
  return idIssue === undefined ? { id, name } : `${quote(id)} ${idIssue}`;
}

/** Two people may not share an id or a GitHub handle (handles compared as GitHub does, ignoring case). */
export function peopleProblems(people: readonly InitPerson[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const handles = new Set<string>();
  for (const person of people) {
    if (ids.has(person.id)) problems.push(`--person: the id ${quote(person.id)} is given twice, expected one per person`);
    if (handles.has(person.github.toLowerCase()))
      problems.push(`--person: the GitHub handle ${quote(person.github)} is given twice, expected one per person`);
    ids.add(person.id);
    handles.add(person.github.toLowerCase());
  }
  return problems;
}

/**
 * Checks every flag, collecting all problems. With `defaults`, the answers that have one (the
 * repository from a GitHub Pages address, the cycle) get it; without, the prompts offer them.
 */
export function resolveInitFlags(flags: InitFlags, today: string, defaults: boolean): { draft: InitDraft; problems: string[] } {
  const problems: string[] = [];
  const draft: InitDraft = {};
  if (flags.title !== undefined) {
    const problem = nameProblem(flags.title);
    if (problem) problems.push(`--title ${problem}`);
    else draft.title = flags.title.trim();
  }
  for (const field of ['url', 'repo'] as const) {
    const value = flags[field];
    if (value === undefined) continue;
    const problem = linkProblem(value);
    if (problem) problems.push(`--${field} ${quote(value)} ${problem}`);
    else draft[field] = value.trim().replace(/\/+$/, '');
  }
  if (draft.repo === undefined && draft.url !== undefined && flags.repo === undefined && defaults) {
    const repo = repoFromPagesUrl(draft.url);
    if (repo !== undefined) draft.repo = repo;
  }
  if (flags.audience !== undefined) {
    if ((SITE_AUDIENCES as readonly string[]).includes(flags.audience)) draft.audience = flags.audience as SiteAudience;
    else problems.push(`--audience ${quote(flags.audience)} is not a site audience, expected ${oneOf(SITE_AUDIENCES)}`);
  }
  if (flags.team !== undefined) {
    const team = parseTeam(flags.team);
    if (typeof team === 'string') problems.push(`--team ${team}`);
    else draft.team = team;
  }
  if (flags.person !== undefined && flags.person.length > 0) {
    const people = flags.person.map(parsePerson);
    const bad = people.filter((p): p is string => typeof p === 'string');
    for (const problem of bad) problems.push(`--person ${problem}`);
    if (bad.length === 0) {
      const good = people as InitPerson[];
      const duplicates = peopleProblems(good);
      problems.push(...duplicates);
      if (duplicates.length === 0) draft.people = good;
    }
  }
  const cycleId = flags.cycle ?? (defaults ? defaultCycleId(today) : undefined);
  if (cycleId !== undefined) {
    const problem = cycleProblem(cycleId, today);
    if (problem) problems.push(`--cycle ${quote(cycleId)} ${problem}`);
    else draft.cycle = cycleOf(cycleId)!;
  }
  return { draft, problems };
}

/** The flags a complete setup still needs and that were not given at all, in the order of the questions. */
export function missingInitFlags(draft: InitDraft, flags: InitFlags): string[] {
  const missing: string[] = [];
  const absent = (answer: unknown, given: unknown) => answer === undefined && given === undefined;
  if (absent(draft.title, flags.title)) missing.push('--title');
  if (absent(draft.url, flags.url)) missing.push('--url');
  // Asked for only once --url is known and is not a GitHub Pages address, which names its repository.
  if (absent(draft.repo, flags.repo) && draft.url !== undefined) missing.push('--repo');
  if (absent(draft.audience, flags.audience)) missing.push('--audience');
  if (absent(draft.team, flags.team)) missing.push('--team');
  if (absent(draft.people, flags.person?.[0])) missing.push('--person');
  return missing;
}

/** The setup, once every answer is known. */
export function completeSetup(draft: InitDraft): TeamSetup | undefined {
  const { title, url, repo, audience, team, people, cycle } = draft;
  if (!title || !url || !repo || !audience || !team || !people || people.length === 0 || !cycle) return undefined;
  return { title, url, repo, audience, team, people, cycle };
}
