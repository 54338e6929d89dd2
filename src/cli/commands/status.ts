import { checkFiles } from '../../core/check.ts';
import { valid } from '../../core/read/content.ts';
import { countBySeverity } from '../../core/diagnostics/diagnostics.ts';
import { openCycle } from '../../core/model/open-cycle.ts';
import { cycleStatus } from '../../core/model/status.ts';
import { suggest } from '../../core/text/suggest.ts';
import { defineCommand } from '../command.ts';
import { UsageError } from '../../core/diagnostics/errors.ts';
import { COLORS, PLAIN, wantsColor } from '../format/color.ts';
import { jsonLogSafe, logSafe } from '../format/log-safe.ts';
import { formatStatusJson } from '../format/status-json.ts';
import { formatStatusMarkdown } from '../format/status-markdown.ts';
import { formatStatusTable } from '../format/status-table.ts';
import { readContentTree } from '../../node/fs.ts';

export const STATUS_FORMATS = ['table', 'markdown', 'json'] as const;

/**
 * `throughline status`: where a cycle stands, for a team lead. Informational: it exits 0 even
 * when the content has errors (the check is what fails), and says on stderr that files with
 * errors were left out of the counts.
 */
export const command = defineCommand({
  name: 'status',
  summary: 'Show where a cycle stands: counts per person, goals and key results with no items',
  options: {
    cycle: {
      type: 'string',
      value: 'ID',
      description: 'The cycle to report (default: the one open today)',
      doc: 'The cycle to report. Default: the cycle open today (the one whose start to end, or due date if later, holds today; else the latest that has started). An unknown id is a usage error that lists the cycles.',
    },
    format: {
      type: 'string',
      value: 'FORMAT',
      choices: STATUS_FORMATS,
      default: 'table',
      description: 'table (default), markdown or json',
      doc: '`table` (default), `markdown` or `json`.',
    },
  },
  run(values, ctx) {
    const { diagnostics, content } = checkFiles(readContentTree(ctx.root), { today: ctx.today });
    const cycles = valid(content, 'cycles');
    const wanted = values.cycle;
    const cycle = wanted === undefined ? openCycle(cycles, ctx.today) : cycles.find((c) => c.id === wanted);
    const { errors } = countBySeverity(diagnostics);
    if (cycle === undefined) {
      if (wanted !== undefined && content.entries.cycles.has(wanted)) {
        ctx.stderr.write(`throughline: cycle \`${wanted}\` has errors; run \`npm run check\` to see them\n`);
        return 1;
      }
      const ids = cycles.map((c) => c.id).sort();
      if (ids.length === 0) {
        ctx.stderr.write('throughline: no cycles in `content/cycles/` to report on; run `npm run check`\n');
        return 1;
      }
      const guess = suggest(wanted ?? '', ids);
      throw new UsageError(
        `unknown --cycle \`${wanted ?? ''}\`; ${guess ? `did you mean \`${guess}\`? ` : ''}the cycles are: ${ids.join(', ')}`,
      );
    }
    const status = cycleStatus(content, cycle.id, ctx.today);
    if (errors > 0) {
      const skipped = Object.values(content.entries).reduce(
        (n, entries) => n + [...entries.values()].filter((e) => e.data === undefined).length,
        0,
      );
      const left =
        skipped > 0
          ? `; ${skipped} file${skipped === 1 ? ' fails' : 's fail'} the schema and ${skipped === 1 ? 'is' : 'are'} left out of these numbers`
          : '';
      ctx.stderr.write(`${errors} error${errors === 1 ? '' : 's'} in content${left}; run \`npm run check\` for details\n`);
    }
    if (values.format === 'json') ctx.stdout.write(jsonLogSafe(formatStatusJson(status, errors)));
    else if (values.format === 'markdown') ctx.stdout.write(logSafe(formatStatusMarkdown(status)));
    else ctx.stdout.write(logSafe(formatStatusTable(status, wantsColor(ctx.stdoutIsTTY, ctx.env) ? COLORS : PLAIN)));
    return 0;
  },
});
