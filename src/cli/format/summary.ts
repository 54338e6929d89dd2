import { countBySeverity, type Diagnostic } from '../../core/diagnostics.ts';

export interface RunStats {
  /** Content files looked at. */
  files: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `2 errors and 1 warning in 2 files (62 files checked)`. */
export function summaryLine(diagnostics: readonly Diagnostic[], stats: RunStats): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  if (errors + warnings === 0) return `No problems in ${plural(stats.files, 'file')}`;
  const files = new Set(diagnostics.map((d) => d.file ?? '')).size;
  return `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')} (${plural(stats.files, 'file')} checked)`;
}
