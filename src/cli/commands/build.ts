import { readdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { AUDIENCES, isAudience, type Audience } from '../../core/model/audience.ts';
import { withBuildSettings, type BuildSettings } from '../../node/build-settings.ts';
import { indexedPages } from '../../node/search-index.ts';
import { writeMarker } from '../build-marker.ts';
import { lockBuilds, makeStaging, sweepStaging, swapIn } from '../build-space.ts';
import { defineCommand } from '../command.ts';
import { UsageError } from '../../core/diagnostics/errors.ts';
import { onInterrupt } from '../interrupt.ts';
import { assertReplaceable, isInside, realPath, type OutDirRequest } from '../out-dir.ts';
import { checkCommand, PAGES_URL_OPTION, type CheckCommandOptions } from '../check-run.ts';

export interface BuildCommandOptions extends Omit<CheckCommandOptions, 'format' | 'changedSince'> {
  /** `--audience`; site.yaml's `audience` when absent. */
  audience?: string | undefined;
  /** Where the site goes; `dist/` under the root by default, `dist-private/` for the private audience. */
  outDir?: string | undefined;
}

export interface BuildResult {
  exitCode: number;
  /** What the check printed, and the build's closing line. */
  stdout: string;
  stderr: string;
}

/**
 * `throughline build`: the check, then `astro build`. Astro alone would log a dangling reference
 * and still exit 0, so nothing is built from content with errors. The output folder is replaced
 * whole, so it must be one a build may replace (see out-dir.ts), decided before anything runs.
 * The site is built in a staging folder git never sees and swapped in only when complete: a
 * failed or cancelled build leaves the previous site exactly as it was. One build per project at
 * a time; a second one refuses.
 */
export async function buildCommand(options: BuildCommandOptions): Promise<BuildResult> {
  if (options.audience !== undefined && !isAudience(options.audience))
    throw new UsageError(`unknown --audience \`${options.audience}\`; expected one of ${AUDIENCES.join(', ')}`);
  if (options.outDir === '')
    throw new UsageError('--out-dir is empty; give the site a new or empty folder of its own, e.g. --out-dir dist');
  // Links resolved once, so Astro and the swap see the same paths as the checks.
  const root = realPath(resolve(options.root));
  // A private build never lands where a deploy step looks for the site.
  const path = resolve(root, options.outDir ?? (options.audience === 'private' ? 'dist-private' : 'dist'));
  const place: OutDirRequest = {
    path,
    shown: options.outDir === undefined ? describe(path, root) : `--out-dir \`${options.outDir}\``,
    root,
    home: homedir(),
  };
  assertReplaceable(place);
  const unlock = lockBuilds(root);
  const forget = onInterrupt(() => {
    unlock();
    return undefined;
  });
  try {
    return await checkAndBuild(options, options.audience, root, place);
  } finally {
    forget();
    unlock();
  }
}

async function checkAndBuild(
  options: BuildCommandOptions,
  audience: Audience | undefined,
  root: string,
  place: OutDirRequest,
): Promise<BuildResult> {
  const shown = describe(place.path, root);
  // A person short of items is a reminder for them, not broken content: it must not stop the
  // whole team's site from being published after a cycle's due date.
  const check = checkCommand({ ...options, format: 'pretty', advisory: ['submission-count'] });
  if (check.exitCode !== 0) {
    return {
      exitCode: 1,
      stdout: '',
      stderr: `${check.stdout}\nNot built: fix the problems above first. ${shown} was left as it was.\n`,
    };
  }
  sweepStaging(root);
  const outDir = realPath(place.path);
  const staging = makeStaging(root, outDir);
  const forget = onInterrupt(() => {
    rmSync(staging, { recursive: true, force: true });
    return `nothing was built and ${shown} was left as it was`;
  });
  const started = performance.now();
  let pages: number;
  let searchable: number | undefined;
  let warning = '';
  let cards = '';
  try {
    await astroBuild(root, staging, audience, options.today, (stats) => {
      cards = ` Cards: ${stats.rendered} rendered, ${stats.reused} reused.`;
    });
    pages = readdirSync(staging, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).length;
    if (pages === 0) throw new NoPages();
    searchable = indexedPages(staging);
    writeMarker(staging);
    // Again, now that the site is ready: files may have been put there while it was built.
    assertReplaceable(place);
    const { leftOver } = swapIn(staging, outDir);
    if (leftOver !== undefined) {
      warning = `throughline: warning: the previous site could not be deleted and is now at ${describe(leftOver.path, root)} (${leftOver.reason}); delete it yourself, or the next build tries again\n`;
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const problem = configProblem(error);
    if (problem === undefined) throw error;
    return { exitCode: 1, stdout: check.stdout, stderr: `Not built: ${problem}\n${shown} was left as it was.\n` };
  } finally {
    forget();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const who = audience ?? check.siteAudience ?? 'default';
  return {
    exitCode: 0,
    stdout: `${check.stdout}${searchable === undefined ? '' : `Search: indexed ${searchable} pages.\n`}Built ${pages} pages for the ${who} audience into ${shown} in ${seconds} s.${cards}\n`,
    stderr: warning,
  };
}

async function astroBuild(
  root: string,
  outDir: string,
  audience: Audience | undefined,
  today: string,
  onCards: NonNullable<BuildSettings['onCards']>,
): Promise<void> {
  const { build } = await import('astro');
  // Astro writes its pre-rendered chunks inside the output folder only when that is under the
  // working directory, and into `<cwd>/.astro/` otherwise: from the root, they stay in staging.
  const cwd = process.cwd();
  process.chdir(root);
  try {
    // The integration hands these to the pages; an unset audience means site.yaml's.
    await withBuildSettings({ audience, today, onCards }, () =>
      build({ root, outDir, logLevel: process.env['THROUGHLINE_ASTRO_LOG'] === 'info' ? 'info' : 'warn' }),
    );
  } finally {
    process.chdir(cwd);
  }
}

/** A site with no pages: the project's Astro config does not use the integration. */
class NoPages extends Error {}

/**
 * What a team must fix in its Astro config, from an error the build threw: the integration's own
 * refusals (a misspelled option, a missing stylesheet) and Astro's user errors come with a hint;
 * anything else is a defect of ours and keeps its stack trace.
 */
function configProblem(error: unknown): string | undefined {
  // Without the integration, the collections find no settings module, or there are no pages.
  if (error instanceof NoPages || (error instanceof Error && error.message.includes("'virtual:throughline/"))) {
    return 'Astro built no pages: astro.config.mjs must list the integration, `integrations: [throughline()]` (docs/adopting.md shows the whole file).';
  }
  if (!(error instanceof Error) || error.name !== 'AstroUserError') return undefined;
  const hint = (error as Error & { hint?: unknown }).hint;
  return typeof hint === 'string' ? `${error.message}\n  hint: ${hint}` : error.message;
}

function describe(path: string, root: string): string {
  return isInside(path, root) ? `\`${path.slice(root.length + 1)}/\`` : `\`${path}\``;
}

export const command = defineCommand({
  name: 'build',
  summary: 'Check, then build the site with Astro (nothing is built if the check fails)',
  options: {
    audience: {
      type: 'string',
      value: 'AUDIENCE',
      choices: AUDIENCES,
      description: 'public, team or private (default: `audience` in content/site.yaml)',
      doc: 'Who the build is for: `public`, `team` or `private`; it contains only what that audience may see, and never drafts. Default: `audience` in `content/site.yaml`. Never publish a `private` build.',
    },
    'out-dir': {
      type: 'string',
      value: 'DIR',
      description:
        'Where the site goes (default: dist, or dist-private for the private audience): a new or empty folder, or one an earlier build wrote; replaced only by a complete build',
      doc: 'Where the site goes: a new or empty folder, or one an earlier build wrote (see above). Default: `dist` under the root; `dist-private` for `--audience private`, so a private build never lands where deploys look.',
    },
    strict: {
      type: 'boolean',
      default: false,
      description: 'Do not build when there are warnings either',
      doc: 'Do not build when there are warnings either (as for `check`).',
    },
    'pages-url': PAGES_URL_OPTION,
  },
  async run(values, ctx) {
    const result = await buildCommand({
      root: ctx.root,
      strict: values.strict,
      today: ctx.today,
      env: ctx.env,
      isTTY: ctx.stdoutIsTTY,
      audience: values.audience,
      outDir: values['out-dir'],
      pagesUrl: values['pages-url'],
    });
    ctx.stdout.write(result.stdout);
    ctx.stderr.write(result.stderr);
    return result.exitCode;
  },
});
