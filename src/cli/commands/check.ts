import { appendFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkFiles } from '../../core/check.ts';
import type { Content } from '../../core/content.ts';
import type { Diagnostic } from '../../core/diagnostics.ts';
import type { Site } from '../../schema/index.ts';
import { UsageError } from '../errors.ts';
import { readContentTree } from '../fs.ts';
import { changedFiles } from '../git.ts';
import { COLORS, PLAIN, wantsColor } from '../format/color.ts';
import { formatGithub, formatStepSummary } from '../format/github.ts';
import { formatJson } from '../format/json.ts';
import { formatPretty } from '../format/pretty.ts';

export const FORMATS = ['pretty', 'json', 'github'] as const;
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
  const changed = options.changedSince === undefined ? undefined : changedFiles(root, options.changedSince);
  const started = performance.now();
  const files = readContentTree(root);
  const readAt = performance.now();
  const { diagnostics: all, content } = checkFiles(files, { today: options.today });
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
      stdout = formatGithub(diagnostics, stats);
      const summaryFile = options.env['GITHUB_STEP_SUMMARY'];
      if (summaryFile) {
        try {
          appendFileSync(summaryFile, formatStepSummary(diagnostics, stats));
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
  const failing = diagnostics.some((d) => d.severity === 'error' || options.strict);
  return { exitCode: failing ? 1 : 0, stdout, siteAudience: content.site?.data?.audience };
}

/** File texts for code frames. */
function sourcesOf(content: Content): Map<string, string> {
  const sources = new Map<string, string>();
  if (content.site) sources.set(content.site.doc.file, content.site.doc.text);
  for (const collection of Object.values(content.entries))
    for (const entry of collection.values()) sources.set(entry.doc.file, entry.doc.text);
  return sources;
}

/** Problems in changed files, problems involving a changed file, and problems of the whole tree. */
export function onlyChanged(diagnostics: readonly Diagnostic[], changed: ReadonlySet<string>): Diagnostic[] {
  return diagnostics.filter((d) => d.file === undefined || changed.has(d.file) || (d.related ?? []).some((file) => changed.has(file)));
}
