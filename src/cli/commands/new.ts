import { refuseIncomplete } from '../prompt-flow.ts';
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as p from '@clack/prompts';
import { checkFiles } from '../../core/check.ts';
import type { Diagnostic } from '../../core/diagnostics/diagnostics.ts';
import type { RuleId } from '../../core/rules/catalog.ts';
import { CONTENT_DIR, isPersonal, PERSONAL_DIR } from '../../core/read/paths.ts';
import { readEntry } from '../../core/read/read-entry.ts';
import { renderAccomplishment, type Answers } from '../../core/scaffold/scaffold.ts';
import { slugify } from '../../core/text/slug.ts';
import {
  catalogOf,
  completeAnswers,
  LIMITS,
  missingFlags,
  resolveFlags,
  type Catalog,
  type Flags,
} from '../../core/scaffold/scaffold-input.ts';
import { describeIssues } from '../../core/diagnostics/schema-issues.ts';
import { AccomplishmentSchema, DEFAULT_SECTIONS, ID_MAX } from '../../schema/index.ts';
import { defineCommand, type CommandContext, type OptionSpecs, type OptionValues } from '../command.ts';
import { UsageError } from '../../core/diagnostics/errors.ts';
import { COLORS, PLAIN, wantsColor } from '../format/color.ts';
import { logSafe } from '../format/log-safe.ts';
import { formatPretty } from '../format/pretty.ts';
import { readContentTree } from '../../node/fs.ts';
import { gitUserName } from '../git.ts';
import { askMissing, CANCELLED } from '../new-prompts.ts';
import { refreshEditorMap } from '../editor-map.ts';

const options = {
  author: {
    type: 'string',
    value: 'ID',
    multiple: true,
    description: 'Who did the work, an id from content/people/; repeat for co-authors, the first is the lead',
    doc: 'A person id from `content/people/`. Repeat it for co-authors; the first is the lead.',
  },
  cycle: {
    type: 'string',
    value: 'ID',
    description: 'The cycle (default: the cycle of --goal, else the one open today)',
    doc: 'The cycle. Default: the cycle of the `--goal`s, else the one open today. A cycle that has not started cannot have items yet.',
  },
  title: {
    type: 'string',
    value: 'TEXT',
    description: `What changed, as a result (at most ${LIMITS.title} characters)`,
    doc: `What changed, as a result; one line, at most ${LIMITS.title} characters.`,
  },
  summary: {
    type: 'string',
    value: 'TEXT',
    description: `One or two sentences (at most ${LIMITS.summary} characters)`,
    doc: `One or two sentences, at most ${LIMITS.summary} characters.`,
  },
  goal: {
    type: 'string',
    value: 'GOAL[:KR]',
    multiple: true,
    description: 'A goal the work moved, with one of its key results if you like (--goal ci-speed:ci-p50); repeat for more goals',
    doc: 'A goal the work moved, optionally with one of its key results: `--goal ci-speed:ci-p50`. Repeat it for more goals.',
  },
  unplanned: {
    type: 'string',
    value: 'TEXT',
    description: 'Instead of --goal: why the work mattered although no goal asked for it',
    doc: 'Instead of `--goal`: why the work mattered although no goal asked for it.',
  },
  outcome: {
    type: 'string',
    value: 'OUTCOME',
    description: 'delivered, partial, missed or learning',
    doc: '`delivered`, `partial`, `missed` or `learning`.',
  },
  visibility: {
    type: 'string',
    value: 'VIS',
    description: 'public, team or private; a private item goes to content/.personal/, which git ignores, so it never leaves this machine',
    doc: '`public`, `team` or `private`. Asked with `team` picked; required with `--no-input`. A `private` item goes to `content/.personal/`, which git ignores.',
  },
  personal: {
    type: 'boolean',
    default: true,
    description: 'Put a private item in content/accomplishments/ with the others',
    doc: 'Put a `private` item in `content/accomplishments/` with the others (the check then warns in a pull request).',
  },
  date: {
    type: 'string',
    value: 'YYYY-MM-DD',
    description: 'When it landed (default: today, or the last day of a cycle that is over)',
    doc: "When it landed: inside the cycle and not after today. Default: today, or the cycle's last day when it is over.",
  },
  slug: {
    type: 'string',
    value: 'NAME',
    description: `The file name (default: made from the title, at most ${ID_MAX} characters)`,
    doc: `The file name without \`.md\`. Default: from the title — lowercase ASCII words joined by \`-\`, at most ${ID_MAX} characters.`,
  },
  impact: {
    type: 'string',
    value: 'MAPPING',
    multiple: true,
    description:
      'A before → after change, a YAML mapping as in the file ({metric: CI time, before: 22, after: 11, unit: min}); repeat for more',
    doc: "A before → after change, one `impact:` entry as in the file: `'{metric: Median CI time, key_result: ci-p50, before: 22, after: 11, unit: min}'`. Its `key_result` is one of the `--goal`s', in its unit; without one, `better: lower` or `higher` says which way is better. Repeat it for more.",
  },
  evidence: {
    type: 'string',
    value: 'LABEL=URL',
    multiple: true,
    description: 'A link that shows the work: its label, =, and the link (PR #4121=https://…); repeat for more',
    doc: "A link that shows the work: a label, `=`, then an `https:`, `http:` or `mailto:` link, as in `'PR #4121=https://github.com/acme/web/pull/4121'`. Repeat it for more.",
  },
  tag: {
    type: 'string',
    value: 'ID',
    multiple: true,
    description: 'A topic, lowercase kebab-case such as ci; repeat for more',
    doc: 'A topic in lowercase kebab-case, such as `ci` or `caching`. Repeat it for more.',
  },
  'builds-on': {
    type: 'string',
    value: 'ITEM',
    multiple: true,
    description: 'An earlier item this work grew out of, <cycle>/<slug> such as 2026-h1/cut-ci-time; repeat for more',
    doc: 'An earlier item this work grew out of, `<cycle>/<slug>` such as `2026-h1/cut-ci-time`, dated on or before this one. Repeat it for more.',
  },
  section: {
    type: 'string',
    value: 'HEADING=TEXT',
    multiple: true,
    description: "Markdown under one of the body's headings instead of its question (Context=Builds took 22 minutes.); repeat for more",
    doc: "The Markdown under one of the body's headings instead of its question, as in `'Context=Builds took 22 minutes.'`; it may span lines. Repeat it for the other headings. With any `--section`, a heading given no text is left out, unless every item needs it (`sections` in site.yaml, and *What we learned* for a learning): that one gets its question.",
  },
  input: {
    type: 'boolean',
    default: true,
    description:
      'Never ask: every answer comes from the options above, and a missing one is an error. Without it, you are asked for what the options leave out.',
    doc: 'Never ask; every answer comes from the options.',
  },
} as const satisfies OptionSpecs;

export const command = defineCommand({
  name: 'new',
  summary: 'Write a new accomplishment: asks a few questions, or takes them all as options',
  options,
  run,
});

async function run(values: OptionValues<typeof options>, ctx: CommandContext): Promise<number> {
  const noInput = !values.input;
  const canAsk = !noInput && ctx.stdinIsTTY;
  const before = checkFiles(readContentTree(ctx.root), { today: ctx.today });
  const catalog = catalogOf(before.content);
  const flags = flagsOf(values);
  const { draft, problems } = resolveFlags(flags, catalog, ctx.today, !canAsk);
  const missing = missingFlags(draft, flags);
  refuseIncomplete('new', problems, missing, noInput, canAsk);

  let answers: Answers;
  let slug: string;
  if (canAsk) {
    const io = { input: ctx.stdin, output: ctx.stdout };
    p.intro('New accomplishment', io);
    const asked = await askMissing(draft, {
      ...io,
      today: ctx.today,
      catalog,
      me: draft.authors === undefined ? whoIsAtTheKeyboard(catalog, ctx) : undefined,
      exists: (cycle, name) => [false, true].some((personal) => existsSync(join(ctx.root, itemPath(cycle, name, personal)))),
    });
    if (asked === CANCELLED) {
      // 130 is what shells report for Ctrl-C (128 + SIGINT): scripts can tell a person stopping
      // from exit 1, which this CLI keeps for "problems found".
      p.cancel('Cancelled; nothing was written.', io);
      return 130;
    }
    ({ answers, slug } = asked);
  } else {
    const complete = completeAnswers(draft);
    // resolveFlags gave every default and missingFlags named what has none, so nothing is left out.
    if (!complete) throw new Error(`answers missing after the options were checked: ${JSON.stringify(draft)}`);
    answers = complete;
    slug = draft.slug ?? slugify(answers.title);
  }

  const personal = answers.visibility === 'private' && values.personal;
  const path = itemPath(answers.cycle, slug, personal);
  const text = renderAccomplishment(answers, before.content.site?.data?.sections ?? DEFAULT_SECTIONS);
  schemaSafetyNet(text);
  if (personal) keepOutOfGit(ctx.root);
  if (!writeNew(join(ctx.root, path), text)) {
    ctx.stderr.write(`${path} exists already; nothing was written.\n  hint: choose another file name with --slug NAME\n`);
    return 1;
  }
  return report(path, text, before.diagnostics, ctx, answers, canAsk);
}

function flagsOf(values: OptionValues<typeof options>): Flags {
  const { author, cycle, title, summary, goal, unplanned, outcome, visibility, date, slug, impact, evidence, tag, section } = values;
  return {
    author,
    cycle,
    title,
    summary,
    goal,
    unplanned,
    outcome,
    visibility,
    date,
    slug,
    impact,
    evidence,
    tag,
    buildsOn: values['builds-on'],
    section,
  };
}

const itemPath = (cycle: string, slug: string, personal: boolean) =>
  `${personal ? PERSONAL_DIR : CONTENT_DIR}/accomplishments/${cycle}/${slug}.md`;

/**
 * Makes `content/.personal/` ignore itself: a `.gitignore` of `*` inside it keeps every file there
 * out of git in any clone, without touching the repository's own `.gitignore`. An existing one
 * is the person's and is left alone (the check says so if it lets files through).
 */
function keepOutOfGit(root: string): void {
  const folder = join(root, PERSONAL_DIR);
  mkdirSync(folder, { recursive: true });
  try {
    writeFileSync(join(folder, '.gitignore'), '# Written by `throughline new`: nothing in this folder leaves your machine.\n*\n', {
      flag: 'wx',
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * The person whose name or GitHub handle is git's `user.name`, to pre-select as the author. Best
 * effort: any failure (no git, no name, a slow disk) just means nobody is pre-selected.
 */
function whoIsAtTheKeyboard(catalog: Catalog, ctx: CommandContext): string | undefined {
  const lower = gitUserName(ctx.root, ctx.env)?.toLowerCase();
  if (lower === undefined || lower === '') return undefined;
  return catalog.people.find((person) => person.data.name.toLowerCase() === lower || person.data.github?.toLowerCase() === lower)?.id;
}

/** The answers were checked one by one; this catches what only the whole item shows (too many authors). */
function schemaSafetyNet(text: string): void {
  const read = readEntry(text);
  const raw = read.ok ? read.data : undefined;
  const parsed = AccomplishmentSchema.safeParse(raw);
  if (parsed.success) return;
  const flagOf: Record<string, string> = {
    authors: '--author',
    goals: '--goal',
    tags: '--tag',
    builds_on: '--builds-on',
  };
  const messages = describeIssues(parsed.error.issues, AccomplishmentSchema, raw).map((problem) => {
    const field = String(problem.path[0] ?? '');
    return `${flagOf[field] ?? `--${field}`}: ${problem.message}`;
  });
  throw new UsageError(messages.join('; '));
}

/**
 * Writes the file whole or not at all: a temp file beside it (a dot-file, which the check skips if
 * it is ever left behind), then a hard link, which fails rather than replace a file that appeared
 * meanwhile. Returns false when the file exists.
 */
function writeNew(file: string, text: string): boolean {
  if (existsSync(file)) return false;
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temp, text, { flag: 'wx' });
  try {
    linkSync(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // File systems without hard links: a rename is still atomic, only the race is back.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    if (existsSync(file)) return false;
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
  return true;
}

/** What the check says of every new file until it is filled in, which the next steps ask for. */
const NEXT_STEPS: ReadonlySet<string> = new Set(['template-text', 'no-evidence'] satisfies RuleId[]);

/**
 * Checks the whole tree again and shows the problems of the new file, and those it caused
 * elsewhere (one item too many for a person in the cycle). Exit 1 on errors; the file stays.
 */
function report(path: string, text: string, before: readonly Diagnostic[], ctx: CommandContext, answers: Answers, asked: boolean): number {
  const files = readContentTree(ctx.root, { personal: true });
  const after = checkFiles(files, { today: ctx.today });
  const key = (d: Diagnostic) => `${d.file ?? ''}\0${d.rule}\0${d.message}`;
  const old = new Set(before.map(key));
  const mine = after.diagnostics.filter(
    (d) => (d.file === path && !NEXT_STEPS.has(d.rule)) || ((d.related ?? []).includes(path) && !old.has(key(d))),
  );
  const out: string[] = [];
  if (mine.length > 0) {
    const shown = new Set(mine.map((d) => d.file));
    const sources = new Map([[path, text]]);
    for (const collection of Object.values(after.content.entries))
      for (const entry of collection.values()) if (shown.has(entry.doc.file)) sources.set(entry.doc.file, entry.doc.text);
    out.push(formatPretty(mine, sources, { files: files.length }, wantsColor(ctx.stdoutIsTTY, ctx.env) ? COLORS : PLAIN));
  }
  if (mine.some((d) => d.severity === 'error')) {
    out.push(`Wrote ${path}, but the check found errors: fix them, then run \`npm run check\`.\n`);
    ctx.stdout.write(logSafe(out.join('\n')));
    return 1;
  }
  // A blank line between the problems and what comes next.
  ctx.stdout.write(logSafe(out.map((text) => `${text}\n`).join('')));
  try {
    refreshEditorMap(ctx.root);
  } catch {
    // Editor help for the new file is a convenience; `npm run schema` redoes it.
  }
  // After prompts, close their frame; plain text otherwise, for logs and scripts.
  if (asked) p.outro(`Created ${path}`, { output: ctx.stdout });
  else ctx.stdout.write(`Created ${path}\n\n`);
  ctx.stdout.write(logSafe(nextSteps(answers, path)));
  return 0;
}

// Letters, digits and punctuation that mean nothing to sh, PowerShell or cmd inside double quotes.
const SHELL_SAFE = /^[\p{L}\p{N} ,.:;'()/+_-]+$/u;

/**
 * What to do with the file: edit and check it, then send it for review. A private item is for
 * its author's own packet instead: a pull request would show the file to everyone.
 */
function nextSteps(answers: Answers, path: string): string {
  const slug = basename(path, '.md');
  const subject = SHELL_SAFE.test(answers.title) ? answers.title : slug;
  const last = isPersonal(path)
    ? `  3. Build your own site with it: npm run build -- --audience private (into dist-private/)
  It is in ${PERSONAL_DIR}/, which git ignores, so it stays on this machine: your own
  checks and private builds read it; shared builds, CI and everyone else never see it.
`
    : answers.visibility === 'private'
      ? `  3. Build your own site with it: npm run build -- --audience private (into dist-private/)
  It is private, so keep it on this machine: do not commit it, since anyone who can read the
  repository could read the file. To keep git from offering it:
       echo "/${path}" >> .git/info/exclude
`
      : `  3. Send it for review:
       git switch -c ${slug}
       git add ${path}
       git commit -m "Add ${subject}"
       git push -u origin HEAD
     then open a pull request.
`;
  return `Next steps:
  1. Edit it: fill in the sections, and add impact and evidence.
  2. Check it: npm run check
${last}`;
}
