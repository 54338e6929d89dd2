import { refuseIncomplete } from '../prompt-flow.ts';
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import * as p from '@clack/prompts';
import { checkFiles } from '../../core/check.ts';
import { UsageError } from '../../core/diagnostics/errors.ts';
import { starterContent } from '../../core/scaffold/init-content.ts';
import { completeSetup, missingInitFlags, resolveInitFlags, type InitFlags, type TeamSetup } from '../../core/scaffold/init-setup.ts';
import { slugify } from '../../core/text/slug.ts';
import { defineCommand, type CommandContext } from '../command.ts';
import { logSafe } from '../format/log-safe.ts';
import { askSetup, CANCELLED } from '../init-prompts.ts';
import { onInterrupt } from '../interrupt.ts';
import { fillTemplate, readTemplate, releasePins, TEMPLATE_FILES, teamPackageJson } from '../templates.ts';

export const command = defineCommand({
  name: 'init',
  summary: "Write a team's new Throughline repository: content, workflows, config",
  argument: { name: '[DIR]', description: 'The folder for the repository, relative to --root (default: the current folder)' },
  options: {
    title: { type: 'string', value: 'TEXT', description: 'The site\'s title, e.g. "Web team — impact"', doc: "The site's title." },
    url: {
      type: 'string',
      value: 'URL',
      description: 'Where the site will be published, e.g. https://acme.github.io/impact',
      doc: 'Where the site will be published, e.g. `https://acme.github.io/impact`.',
    },
    repo: {
      type: 'string',
      value: 'URL',
      description: 'The GitHub repository (default: the one a github.io --url is published from)',
      doc: 'The GitHub repository. Default: the one a `*.github.io` `--url` is published from (`https://github.com/acme/impact`).',
    },
    audience: {
      type: 'string',
      value: 'AUD',
      description: 'Who the published site is for: public or team; the examples follow it',
      doc: '`public` or `team`: who the published site is for.',
    },
    team: {
      type: 'string',
      value: '[ID:]NAME',
      description: 'The team: its name, and its id if not made from the name (--team web:Web)',
      doc: "The team's name, with its id when it should not be made from the name: `--team web:Web`.",
    },
    person: {
      type: 'string',
      value: 'ID:NAME:HANDLE',
      multiple: true,
      description: 'A person, with their GitHub handle; repeat for each, the first is the lead (owner of .github/ in CODEOWNERS)',
      doc: 'A person, with their GitHub handle (`@` optional). Repeat it for each person; the first is the lead.',
    },
    cycle: {
      type: 'string',
      value: 'ID',
      description: 'The first cycle, the half year or quarter of today (default: the half year, e.g. 2026-h2; or a quarter, e.g. 2026-q4)',
      doc: 'The first cycle: the half year (`2026-h2`) or quarter (`2026-q4`) that today is in. Default: the half year.',
    },
    force: {
      type: 'boolean',
      default: false,
      description: 'Write into a folder that is not empty (still never overwrites a file)',
      doc: 'Write into a folder that holds other files; existing files are still never overwritten.',
    },
    input: {
      type: 'boolean',
      default: true,
      description: 'Never ask: every answer comes from the options above, and a missing one is an error',
      doc: 'Never ask. Every missing option and every invalid value is reported at once (exit 2). Without it, a stdin that is not a terminal fails the same way.',
    },
  },
  run(values, ctx, argument) {
    const { force, input, ...flags } = values;
    return init(flags, { force, input }, ctx, argument);
  },
});

/** Writes the repository from the answers given as options, asking for the rest on a terminal. */
async function init(
  flags: InitFlags,
  { force, input }: { force: boolean; input: boolean },
  ctx: CommandContext,
  argument: string | undefined,
): Promise<number> {
  const shown = argument ?? '.';
  const dir = resolve(ctx.root, shown);
  assertFolder(dir, shown, force);
  const noInput = !input;
  const canAsk = !noInput && ctx.stdinIsTTY;
  const { draft, problems } = resolveInitFlags(flags, ctx.today, !canAsk);
  const missing = missingInitFlags(draft, flags);
  refuseIncomplete('init', problems, missing, noInput, canAsk);

  let setup: TeamSetup;
  const io = { input: ctx.stdin, output: ctx.stdout };
  if (canAsk) {
    p.intro('New Throughline repository', io);
    const asked = await askSetup(draft, { ...io, today: ctx.today });
    if (asked === CANCELLED) {
      p.cancel('Cancelled; nothing was written.', io);
      return 130;
    }
    setup = asked;
  } else {
    const complete = completeSetup(draft);
    if (!complete) throw new Error(`answers missing after the options were checked: ${JSON.stringify(draft)}`);
    setup = complete;
  }

  const files = repositoryFiles(setup, packageName(dir), ctx.today);
  const taken = [...files.keys()].filter((path) => existsSync(join(dir, path)));
  if (taken.length > 0) {
    ctx.stderr.write(
      logSafe(
        `throughline: ${taken.length === 1 ? 'this file exists' : 'these files exist'} already in ${shown}, and init never overwrites a file; nothing was written:\n${taken
          .map((path) => `  ${path}\n`)
          .join('')}`,
      ),
    );
    return 2;
  }
  writeAll(dir, files);
  const done = `Wrote ${files.size} files into ${shown === '.' ? 'this folder' : `${shown}/`}.`;
  if (canAsk) p.outro(done, io);
  else ctx.stdout.write(`${done}\n`);
  ctx.stdout.write(logSafe(`${[...files.keys()].map((path) => `  ${path}\n`).join('')}\n${nextSteps(dir, ctx.root, setup)}`));
  return 0;
}

/** A new repository goes into a new or empty folder; one that only holds `.git` is empty. */
function assertFolder(dir: string, shown: string, force: boolean): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new UsageError(`\`${shown}\` is a file, expected a new or empty folder for the repository`);
  const entries = readdirSync(dir).filter((name) => name !== '.git');
  if (entries.length > 0 && !force)
    throw new UsageError(
      `\`${shown}\` is not empty (it holds ${entries.length === 1 ? `\`${entries[0]!}\`` : `${entries.length} files and folders`}); init writes a new repository into a new or empty folder. Pass --force to add to it anyway: init still never overwrites a file`,
    );
}

/** The npm package name of the team's repository: its folder's name, as npm allows names. */
function packageName(dir: string): string {
  return slugify(basename(dir)) || 'impact-report';
}

/** Every file of the new repository, path → text, computed and checked before anything is written. */
function repositoryFiles(setup: TeamSetup, name: string, today: string): Map<string, string> {
  const pins = releasePins();
  const lead = setup.people[0]!;
  const placeholders = { lead: lead.github, team: setup.team.name, title: setup.title, url: setup.url };
  const files = new Map<string, string>();
  for (const [template, target] of TEMPLATE_FILES) files.set(target, fillTemplate(readTemplate(template), placeholders));
  files.set('.nvmrc', `${pins.nodeMajor}\n`);
  files.set('package.json', teamPackageJson(name, pins));
  const content = starterContent(setup, today);
  // The answers were checked one by one; this catches what only the whole content shows.
  const errors = checkFiles(
    [...content].map(([path, text]) => ({ path, text })),
    { today },
  ).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0)
    throw new UsageError(
      `the content from these answers would not pass the check: ${errors.map((d) => `${d.file ?? ''}: ${d.message}`).join('; ')}`,
    );
  for (const [path, text] of content) files.set(path, text);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Writes every file, or none: each file is created new (`wx`, so one that appeared meanwhile is
 * never replaced), and on any failure or Ctrl-C the files and folders this run created are removed
 * again, and nothing else.
 */
function writeAll(dir: string, files: ReadonlyMap<string, string>): void {
  const createdFiles: string[] = [];
  const createdDirs: string[] = [];
  let current = dir;
  const undo = () => {
    for (const file of createdFiles.reverse()) rmSync(file, { force: true });
    for (const folder of createdDirs.reverse()) {
      try {
        rmdirSync(folder);
      } catch {
        // Someone else put a file there meanwhile: it is theirs, so the folder stays.
      }
    }
  };
  const forget = onInterrupt(() => {
    undo();
    return 'nothing was written';
  });
  try {
    for (const [path, text] of files) {
      const file = join(dir, path);
      current = file;
      makeFolders(dirname(file), createdDirs);
      writeFileSync(file, text, { flag: 'wx' });
      createdFiles.push(file);
    }
  } catch (error) {
    undo();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new UsageError(`could not write \`${relative(dir, current)}\` (${code}); nothing was written`);
  } finally {
    forget();
  }
}

/** Creates `folder` and the parents it lacks, noting each one created, outermost first. */
function makeFolders(folder: string, created: string[]): void {
  if (existsSync(folder)) return;
  makeFolders(dirname(folder), created);
  mkdirSync(folder);
  created.push(folder);
}

function nextSteps(dir: string, root: string, setup: TeamSetup): string {
  const where = relative(root, dir);
  const cd = where === '' ? '' : `cd ${/^[\w./-]+$/.test(where) ? where : JSON.stringify(where)} && `;
  const cloned = existsSync(join(dir, '.git'));
  const push = cloned
    ? `  3. Commit and push:
       git add -A && git commit -m "Start our impact report" && git push -u origin HEAD
`
    : `  3. Create ${setup.repo} on GitHub (empty), then push:
       git init -b main && git add -A && git commit -m "Start our impact report"
       git remote add origin ${setup.repo}.git && git push -u origin main
`;
  return `Next steps:
  1. ${cd}npm install
  2. npm run build, then npm run preview to see the site
${push}  4. Turn on GitHub Pages and protect main: steps 5 and 6 of
     node_modules/throughline/docs/adopting.md (after npm install).
`;
}
