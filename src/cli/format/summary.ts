import { countBySeverity, type Diagnostic } from '../../core/diagnostics/diagnostics.ts';

export interface RunStats {
  /** Content files looked at. */
  files: number;
  /** The `--changed-since` revision, when only changed files are reported. */
  changedSince?: string | undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `2 errors and 1 warning in 2 files (62 files checked)`; says so when only changes are shown. */
export function summaryLine(diagnostics: readonly Diagnostic[], stats: RunStats): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const checked = `${plural(stats.files, 'file')} checked`;
  if (errors + warnings === 0) {
    return stats.changedSince === undefined
      ? `No problems in ${plural(stats.files, 'file')}`
      : `No problems in the files changed since ${stats.changedSince} (${checked})`;
  }
  const files = new Set(diagnostics.map((d) => d.file ?? '')).size;
  const scope = stats.changedSince === undefined ? checked : `only changes since ${stats.changedSince} reported; ${checked}`;
  return `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')} (${scope})`;
}
