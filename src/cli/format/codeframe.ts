import type { Span } from '../../core/diagnostics/diagnostics.ts';
import { visible } from '../../core/text/text-checks.ts';
import type { Palette } from './color.ts';

const MAX_WIDTH = 100;

// The lines of the last text framed: problems come sorted by file, and splitting a 1 MiB file
// again for each of its 50 problems took longer than checking it.
let lastText: string | undefined;
let lastLines: string[] = [];

function linesOf(text: string): string[] {
  if (text !== lastText) {
    lastText = text;
    lastLines = text.split(/\r?\n/);
  }
  return lastLines;
}

/** A few lines around the problem with a marker under it, as compilers print them. */
export function codeFrame(text: string, span: Span, color: Palette, context = 1): string {
  if (span.line < 1) return '';
  const lines = linesOf(text);
  if (span.line > lines.length) return '';
  const first = Math.max(1, span.line - context);
  const last = Math.min(lines.length, span.line + context);
  const width = String(last).length;
  const target = lines[span.line - 1]!.replace(/\t/g, ' ');
  const start = Math.max(1, span.column);
  const end = span.endLine > span.line || span.endColumn <= start ? target.length + 1 : Math.min(span.endColumn, target.length + 1);
  // Long lines are shown as a window that starts a little before the marked text.
  const offset = start > MAX_WIDTH - 20 ? start - 11 : 0;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const source = clip(lines[n - 1]!.replace(/\t/g, ' '), offset);
    const gutter = `${n === span.line ? '>' : ' '} ${String(n).padStart(width)} |`;
    out.push(`  ${n === span.line ? color.bold(gutter) : color.dim(gutter)}${source === '' ? '' : ` ${source}`}`);
    if (n === span.line) {
      const lead = start - 1 - offset + (offset > 0 ? 1 : 0);
      const length = Math.max(1, Math.min(end - start, MAX_WIDTH - lead));
      out.push(`  ${color.dim(`  ${' '.repeat(width)} |`)} ${' '.repeat(lead)}${color.red('^'.repeat(length))}`);
    }
  }
  return out.join('\n');
}

function clip(line: string, offset: number): string {
  const shown = visible(offset > 0 ? `…${line.slice(offset)}` : line);
  return shown.length > MAX_WIDTH ? `${shown.slice(0, MAX_WIDTH - 1)}…` : shown;
}
