import { appendFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { checkFiles } from '../core/check.ts';
import type { Content } from '../core/read/content.ts';
import { onlyChanged, type Diagnostic } from '../core/diagnostics/diagnostics.ts';
import type { RuleId } from '../core/rules/catalog.ts';
import type { Site } from '../schema/index.ts';
import { UsageError } from '../core/diagnostics/errors.ts';
import { readContentTree } from '../node/fs.ts';
import { changedFiles, personalGitState } from './git.ts';
import { changeSet } from './changes.ts';
import { isPersonal } from '../core/read/paths.ts';
import { COLORS, PLAIN, wantsColor } from './format/color.ts';
import { formatGithub, formatStepSummary } from './format/github.ts';
import { formatJson } from './format/json.ts';
import { formatPretty } from './format/pretty.ts';

export const FORMATS = ['pretty', 'json', 'github'] as const;

/** `--pages-url`, for `check` and `build` alike: the deploy workflow passes the Pages address. */
export const PAGES_URL_OPTION = {
  type: 'string',
  value: 'URL',
  description: 'Where GitHub Pages publishes the site; an error on content/site.yaml if its url is elsewhere',
  doc: 'Where GitHub Pages publishes the site (the deploy workflow passes it): a `site-address` error on `content/site.yaml` when its `url` is another address, since every link of the site would miss. `http`/`https` and a trailing slash make no difference.',
} as const;
export type Format = (typeof FORMATS)[number];

export interface CheckCommandOptions {
  /** The repository root holding `content/`. */
  root: string;
  format: Format;
  strict: boolean;
  changedSince?: string | undefined;
  today: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** The GitHub handle of whoever opened the pull request; needs `changedSince`. */
  prAuthor?: string | undefined;
  /** With the github format: also append the problems to `$GITHUB_STEP_SUMMARY` (default true). */
  summary?: boolean | undefined;
  /** Where GitHub Pages publishes the site: site.yaml's `url` must be that address. */
  pagesUrl?: string | undefined;
  /** Rules whose errors are shown but do not fail the run. */
  advisory?: readonly RuleId[] | undefined;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  /** The audience `content/site.yaml` sets for builds, when it could be read. */
  siteAudience?: Site['audience'] | undefined;
}

/** `throughline check`: every problem of every file, in the chosen format; exit 1 on errors. */
export function checkCommand(options: CheckCommandOptions): CommandResult {
  const root = resolve(options.root);
  if (options.prAuthor !== undefined && options.changedSince === undefined)
    throw new UsageError('--pr-author needs --changed-since: it looks at the items the pull request changes');
  const changed = options.changedSince === undefined ? undefined : changedFiles(root, options.changedSince);
  const started = performance.now();
  const files = readContentTree(root, { personal: true });
  const readAt = performance.now();
  const pullRequest = options.prAuthor !== undefined && changed !== undefined ? { author: options.prAuthor, changed } : undefined;
  const personalGit = personalGitState(root, files.map((file) => file.path).filter(isPersonal));
  const changes = changed === undefined || options.changedSince === undefined ? undefined : changeSet(root, options.changedSince, changed);
  const { diagnostics: all, content } = checkFiles(files, {
    today: options.today,
    pullRequest,
    personalGit,
    pagesUrl: options.pagesUrl,
    changes,
  });
  if (options.env['THROUGHLINE_TIMING']) {
    // For `npm run bench`: where the time goes, on stderr so formats stay clean.
    process.stderr.write(
      `timing: start ${Math.round(started)} ms, read ${Math.round(readAt - started)} ms, check ${Math.round(performance.now() - readAt)} ms\n`,
    );
  }
  const diagnostics = changed === undefined ? all : onlyChanged(all, changed);
  const stats = { files: files.length, changedSince: options.changedSince };
  let stdout: string;
  switch (options.format) {
    case 'json':
      stdout = formatJson(diagnostics, stats);
      break;
    case 'github': {
      const annotated = inWorkspace(diagnostics, root, options.env['GITHUB_WORKSPACE']);
      stdout = formatGithub(annotated, stats);
      const summaryFile = options.env['GITHUB_STEP_SUMMARY'];
      if (summaryFile && options.summary !== false) {
        try {
          appendFileSync(summaryFile, formatStepSummary(annotated, stats));
        } catch (error) {
          throw new UsageError(
            `cannot write GITHUB_STEP_SUMMARY (${relative(root, summaryFile) || summaryFile}): ${(error as Error).message}`,
          );
        }
      }
      break;
    }
    case 'pretty': {
      const sources = sourcesOf(content);
      stdout = formatPretty(diagnostics, sources, stats, wantsColor(options.isTTY, options.env) ? COLORS : PLAIN);
      break;
    }
  }
  const failing = diagnostics.some((d) => !options.advisory?.includes(d.rule) && (d.severity === 'error' || options.strict));
  return { exitCode: failing ? 1 : 0, stdout, siteAudience: content.site?.data?.audience };
}

/**
 * GitHub places annotations by paths relative to the workspace; when the content lives in a
 * subfolder of the checkout (`--root site`), the paths gain that folder.
 */
function inWorkspace(diagnostics: readonly Diagnostic[], root: string, workspace: string | undefined): readonly Diagnostic[] {
  if (!workspace) return diagnostics;
  const prefix = relative(resolve(workspace), root).split(sep).join('/');
  if (prefix === '' || prefix.startsWith('..') || isAbsolute(prefix)) return diagnostics;
  return diagnostics.map((d) => (d.file === undefined ? d : { ...d, file: `${prefix}/${d.file}` }));
}

/** File texts for code frames. */
function sourcesOf(content: Content): Map<string, string> {
  const sources = new Map<string, string>();
  if (content.site) sources.set(content.site.doc.file, content.site.doc.text);
  for (const collection of Object.values(content.entries))
    for (const entry of collection.values()) sources.set(entry.doc.file, entry.doc.text);
  return sources;
}
