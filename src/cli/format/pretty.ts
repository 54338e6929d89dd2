import type { Diagnostic } from '../../core/diagnostics/diagnostics.ts';
import type { Palette } from './color.ts';
import { codeFrame } from './codeframe.ts';
import { logSafe } from './log-safe.ts';
import { location } from '../../core/diagnostics/diagnostics.ts';
import { summaryLine, type RunStats } from './summary.ts';

/** For people at a terminal: `file:line:col severity rule message`, the hint, and a code frame. */
export function formatPretty(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  stats: RunStats,
  color: Palette,
): string {
  const blocks: string[] = [];
  for (const d of diagnostics) {
    const where = location(d);
    const severity = d.severity === 'error' ? color.red('error') : color.yellow('warning');
    const lines = [`${color.bold(where)} ${severity} ${color.cyan(d.rule)} ${d.message}`];
    if (d.hint) lines.push(`  ${color.dim('hint:')} ${d.hint}`);
    const text = d.file === undefined ? undefined : sources.get(d.file);
    if (text !== undefined) {
      const frame = codeFrame(text, d, color);
      if (frame !== '') lines.push(frame);
    }
    blocks.push(lines.join('\n'));
  }
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  const mark = diagnostics.length === 0 ? color.green('✓') : hasErrors ? color.red('✖') : color.yellow('!');
  blocks.push(`${mark} ${summaryLine(diagnostics, stats)}`);
  return logSafe(`${blocks.join('\n\n')}\n`);
}
