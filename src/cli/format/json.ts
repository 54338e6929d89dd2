import { countBySeverity, type Diagnostic } from '../../core/diagnostics/diagnostics.ts';
import type { RunStats } from './summary.ts';
import { jsonLogSafe } from './log-safe.ts';

/** Version of the JSON shape documented in docs/cli.md; bumped only on breaking changes. */
export const JSON_FORMAT_VERSION = 1;

export function formatJson(diagnostics: readonly Diagnostic[], stats: RunStats): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const report = {
    version: JSON_FORMAT_VERSION,
    summary: { files: stats.files, errors, warnings, changedSince: stats.changedSince ?? null },
    diagnostics: diagnostics.map((d) => ({
      file: d.file ?? null,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      severity: d.severity,
      rule: d.rule,
      message: d.message,
      hint: d.hint ?? null,
      related: d.related ?? [],
    })),
  };
  return `${jsonLogSafe(JSON.stringify(report, null, 2))}\n`;
}
