import { countBySeverity, type Diagnostic } from '../../core/diagnostics/diagnostics.ts';
import { location } from '../../core/diagnostics/diagnostics.ts';
import { summaryLine, type RunStats } from './summary.ts';
import { logSafe } from './log-safe.ts';
import { problemsTable } from '../../core/report.ts';

/** GitHub shows at most this many annotations of each kind per step; the rest are dropped. */
export const ANNOTATIONS_PER_KIND = 10;
const MAX_SUMMARY_ROWS = 500;

/**
 * Workflow command data: `%`, CR and LF are escaped (as @actions/core does), and `##[` is broken
 * up so no runner that also looks for legacy commands could find one in it.
 */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replaceAll('##[', '## [');
}

/** Workflow command properties additionally escape `:` and `,`, which delimit them. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Annotations for the pull request's "Files changed" view. The first ten errors and ten
 * warnings become annotations; a notice says how many more there are, and the log lists all.
 */
export function formatGithub(diagnostics: readonly Diagnostic[], stats: RunStats): string {
  const out: string[] = [];
  const shown = { error: 0, warning: 0 };
  for (const d of diagnostics) {
    if (shown[d.severity] >= ANNOTATIONS_PER_KIND) continue;
    shown[d.severity]++;
    out.push(annotation(d));
  }
  const total = countBySeverity(diagnostics);
  const hidden = { error: total.errors - shown.error, warning: total.warnings - shown.warning };
  if (hidden.error + hidden.warning > 0) {
    const parts = [
      hidden.error > 0 ? `${hidden.error} more error${hidden.error === 1 ? '' : 's'}` : '',
      hidden.warning > 0 ? `${hidden.warning} more warning${hidden.warning === 1 ? '' : 's'}` : '',
    ].filter(Boolean);
    out.push(
      `::notice title=${escapeProperty('throughline check')}::${escapeData(`${parts.join(' and ')} not annotated: GitHub shows ${ANNOTATIONS_PER_KIND} of each per step. Every problem is in the job summary and in this log.`)}`,
    );
  }
  if (diagnostics.length > 0) {
    out.push('::group::Every problem');
    for (const d of diagnostics) out.push(plainLine(d));
    out.push('::endgroup::');
  }
  out.push(summaryLine(diagnostics, stats));
  return `${out.join('\n')}\n`;
}

function annotation(d: Diagnostic): string {
  const props: string[] = [];
  if (d.file !== undefined) {
    props.push(`file=${escapeProperty(d.file)}`);
    if (d.line > 0) {
      props.push(`line=${d.line}`, `col=${d.column}`);
      if (d.endLine > d.line) props.push(`endLine=${d.endLine}`);
      else if (d.endColumn > d.column) props.push(`endColumn=${d.endColumn}`);
    }
  }
  props.push(`title=${escapeProperty(`throughline: ${d.rule}`)}`);
  const message = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
  return `::${d.severity} ${props.join(',')}::${escapeData(message)}`;
}

function plainLine(d: Diagnostic): string {
  const where = location(d);
  // Inside `::group::` too, a line starting with `::` is a workflow command; messages quote user text.
  return logSafe(`${where} ${d.severity} ${d.rule} ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`.replace(/[\r\n]+/g, ' '));
}

/** Markdown for `$GITHUB_STEP_SUMMARY`: every problem in a table, escaped for GitHub's renderer. */
export function formatStepSummary(diagnostics: readonly Diagnostic[], stats: RunStats): string {
  const lines = ['## Throughline check', ''];
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  lines.push(`${diagnostics.length === 0 ? '✅' : hasErrors ? '❌' : '⚠️'} ${summaryLine(diagnostics, stats)}`, '');
  if (diagnostics.length > 0) {
    lines.push(...problemsTable(diagnostics, { maxRows: MAX_SUMMARY_ROWS }), '');
  }
  return `${lines.join('\n')}\n`;
}
