import { suggest } from '../../core/suggest.ts';
import { UsageError } from '../../core/errors.ts';
import { checkCommand, FORMATS, type Format } from '../check-run.ts';
import type { CommandSpec } from '../command.ts';

export const command: CommandSpec = {
  name: 'check',
  summary: 'Check every file under content/ against the schema and the rules',
  usage: `  --format FORMAT    pretty (default), json or github
  --strict           Fail on warnings too
  --changed-since REF
                     Report only problems in files changed since the git revision REF
                     (the whole content is still checked)
  --pr-author HANDLE With --changed-since: warn when this GitHub handle is not among the
                     authors of a changed item
  --no-summary       With --format github: do not write the job summary (the report does)`,
  options: {
    format: { type: 'string', default: 'pretty' },
    strict: { type: 'boolean', default: false },
    'changed-since': { type: 'string' },
    'pr-author': { type: 'string' },
    summary: { type: 'boolean', default: true },
  },
  run(values, ctx) {
    const format = String(values['format']);
    if (!(FORMATS as readonly string[]).includes(format)) {
      const guess = suggest(format, FORMATS);
      throw new UsageError(
        `unknown --format \`${format}\`; expected one of ${FORMATS.join(', ')}${guess ? ` (did you mean \`${guess}\`?)` : ''}`,
      );
    }
    const result = checkCommand({
      root: ctx.root,
      format: format as Format,
      strict: values['strict'] === true,
      changedSince: values['changed-since'] as string | undefined,
      prAuthor: values['pr-author'] as string | undefined,
      summary: values['summary'] !== false,
      today: ctx.today,
      env: ctx.env,
      isTTY: ctx.stdoutIsTTY,
    });
    ctx.stdout.write(result.stdout);
    return result.exitCode;
  },
};
