import { appendFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkFiles } from '../../core/check.ts';
import type { Diagnostic } from '../../core/diagnostics.ts';
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
}

/** `throughline check`: every problem of every file, in the chosen format; exit 1 on errors. */
export function checkCommand(options: CheckCommandOptions): CommandResult {
  const root = resolve(options.root);
  const files = readContentTree(root);
  const { diagnostics: all } = checkFiles(files, { today: options.today });
  const diagnostics = options.changedSince === undefined ? all : onlyChanged(all, changedFiles(root, options.changedSince));
  const stats = { files: files.filter((f) => !f.path.split('/').some((s) => s.startsWith('.'))).length };
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
          throw new UsageError(`cannot write GITHUB_STEP_SUMMARY (${relative(root, summaryFile) || summaryFile}): ${(error as Error).message}`);
        }
      }
      break;
    }
    case 'pretty': {
      const sources = new Map(files.flatMap((f) => ('text' in f ? [[f.path, f.text] as const] : [])));
      stdout = formatPretty(diagnostics, sources, stats, wantsColor(options.isTTY, options.env) ? COLORS : PLAIN);
      break;
    }
  }
  const failing = diagnostics.some((d) => d.severity === 'error' || options.strict);
  return { exitCode: failing ? 1 : 0, stdout };
}

/** Problems in changed files, problems involving a changed file, and problems of the whole tree. */
export function onlyChanged(diagnostics: readonly Diagnostic[], changed: ReadonlySet<string>): Diagnostic[] {
  return diagnostics.filter((d) => d.file === undefined || changed.has(d.file) || (d.related ?? []).some((file) => changed.has(file)));
}
