#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { isCalendarDate } from '../schema/common.ts';
import { buildCommand } from './commands/build.ts';
import { checkCommand, FORMATS, type Format } from './commands/check.ts';
import { UsageError } from './errors.ts';
import pkg from '../../package.json' with { type: 'json' };

const USAGE = `Usage: throughline <command> [options]

Commands:
  check              Check every file under content/ against the schema and the rules
  build              Check, then build the site with Astro (nothing is built if the check fails)

Options for check:
  --root DIR         Repository root that holds content/ (default: the current directory)
  --format FORMAT    pretty (default), json or github
  --strict           Fail on warnings too
  --changed-since REF
                     Report only problems in files changed since the git revision REF
                     (the whole content is still checked)
  --today YYYY-MM-DD Judge deadlines against this date (default: today)

Options for build (and --root, --today, --strict):
  --audience AUDIENCE
                     public, team or private (default: \`audience\` in content/site.yaml)
  --out-dir DIR      Where the site goes (default: dist, or dist-private for the private
                     audience); replaced only by a complete build

  --debug            Print stack traces of internal errors
  -h, --help         Show this help
  -v, --version      Show the version

Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage or internal error.
Rules: docs/rules.md`;

const MIN_NODE = [22, 18] as const;

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await run(argv, env);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`throughline: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      debug && error instanceof Error ? `${error.stack}\n` : `throughline: internal error: ${message} (run with --debug for details)\n`,
    );
    return 2;
  }
}

async function run(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    throw new UsageError(
      `Node ${MIN_NODE.join('.')} or newer is needed, this is ${process.version}; run it through npm (npm run check), which uses the Node pinned in package.json`,
    );
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        root: { type: 'string', default: '.' },
        format: { type: 'string', default: 'pretty' },
        strict: { type: 'boolean', default: false },
        'changed-since': { type: 'string' },
        today: { type: 'string' },
        audience: { type: 'string' },
        'out-dir': { type: 'string' },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]!.replace(/\. To specify.*$/, '')}; see \`throughline --help\``);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (command !== 'check' && command !== 'build') throw new UsageError(`unknown command \`${command}\`; the commands are: check, build`);
  if (rest.length > 0) throw new UsageError(`unexpected argument \`${rest[0]!}\`; ${command} takes options only`);
  const today = values.today ?? env['THROUGHLINE_TODAY'] ?? localToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !isCalendarDate(today))
    throw new UsageError(`--today \`${today}\` is not a date written YYYY-MM-DD`);
  if (command === 'build') {
    for (const option of ['format', 'changed-since'] as const)
      if (argv.some((arg) => arg === `--${option}` || arg.startsWith(`--${option}=`)))
        throw new UsageError(`--${option} is an option of check, not build`);
    const result = await buildCommand({
      root: values.root,
      strict: values.strict,
      today,
      env,
      isTTY: process.stderr.isTTY,
      audience: values.audience,
      outDir: values['out-dir'],
    });
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.exitCode;
  }
  for (const option of ['audience', 'out-dir'] as const)
    if (values[option] !== undefined) throw new UsageError(`--${option} is an option of build, not check`);
  if (!(FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`unknown --format \`${values.format}\`; expected one of ${FORMATS.join(', ')}`);
  }
  const result = checkCommand({
    root: values.root,
    format: values.format as Format,
    strict: values.strict,
    changedSince: values['changed-since'],
    today,
    env,
    isTTY: process.stdout.isTTY,
  });
  process.stdout.write(result.stdout);
  return result.exitCode;
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
