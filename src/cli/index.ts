#!/usr/bin/env node
import { constants } from 'node:os';
import { resolve } from 'node:path';
import { isCalendarDate } from '../schema/common.ts';
import { localIsoDate } from '../core/text/iso-date.ts';
import { listText, suggest } from '../core/text/suggest.ts';
import {
  checkChoices,
  COMMON_OPTIONS,
  commandHelp,
  optionLine,
  optionLines,
  parseArgsConfig,
  parseOptions,
  type Command,
  type CommandContext,
} from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { UsageError } from '../core/diagnostics/errors.ts';
import { logSafe } from './format/log-safe.ts';
import { visible } from '../core/text/text-checks.ts';
import { undoAll } from './interrupt.ts';
import { npmSwallowedFlags, npmSwallowedMessage } from './npm-args.ts';
import { packageInfo } from '../node/package-info.ts';

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return `Usage: throughline <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

Options for every command:
${optionLines(COMMON_OPTIONS)}
${optionLine('-v, --version', 'Show the version')}

\`throughline <command> --help\` shows a command's own options.
Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage or internal error.
Docs: docs/cli.md; rules: docs/rules.md`;
}

const MIN_NODE = [22, 18] as const;

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Ctrl-C or a stop request: undo what the command had half-done, say so in one line, exit 128 + n. */
function stop(signal: NodeJS.Signals): void {
  const notes = undoAll();
  process.stderr.write(`throughline: stopped by ${signal}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}\n`);
  // The command is still running (Astro's build): only ending the process stops it.
  // eslint-disable-next-line no-restricted-properties -- this file is the one place that ends the process
  process.exit(128 + constants.signals[signal]);
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const debug = argv.includes('--debug');
  for (const signal of STOP_SIGNALS) process.on(signal, stop);
  try {
    return await run(argv, env);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`throughline: ${logSafe(visible(error.message))}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      debug && error instanceof Error
        ? `${error.stack}\n`
        : `throughline: internal error: ${logSafe(visible(message))} (run with --debug for details)\n`,
    );
    return 2;
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, stop);
  }
}

async function run(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    throw new UsageError(
      `Node ${MIN_NODE.join('.')} or newer is needed, this is ${process.version}; run it through npm (npm run check), which uses the Node pinned in package.json`,
    );
  }
  const [name, ...args] = argv;
  if (name === undefined) {
    process.stderr.write(`${usage()}\n`);
    return 2;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write(`${packageInfo().version}\n`);
    return 0;
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    const about = name === 'help' && args[0] !== undefined ? findCommand(args[0]) : undefined;
    process.stdout.write(`${about ? commandHelp(about) : usage()}\n`);
    return 0;
  }
  if (name.startsWith('-')) throw new UsageError(`the command comes first, e.g. \`throughline check ${name}\`; see \`throughline --help\``);
  const spec = findCommand(name);
  const options = parseArgsConfig({ ...spec.options, ...COMMON_OPTIONS });
  const swallowed = npmSwallowedFlags(spec.name, options, env);
  if (swallowed.length > 0) throw new UsageError(npmSwallowedMessage(spec.name, swallowed, options));
  const { values, positionals } = parse(spec, args);
  if (values.help) {
    process.stdout.write(`${commandHelp(spec)}\n`);
    return 0;
  }
  if (positionals.length > (spec.argument ? 1 : 0)) {
    const extra = positionals[spec.argument ? 1 : 0]!;
    // npm keeps the flags it knows (`--format`) and passes only their values on.
    const viaNpm =
      env['npm_lifecycle_event'] === spec.name ? `; through npm, put \`--\` before the options: npm run ${spec.name} -- --option …` : '';
    throw new UsageError(
      spec.argument
        ? `unexpected argument \`${extra}\`; ${spec.name} takes one ${spec.argument.name}${viaNpm}`
        : `unexpected argument \`${extra}\`; ${spec.name} takes options only${viaNpm}`,
    );
  }
  const today = values.today ?? env['THROUGHLINE_TODAY'] ?? localIsoDate(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !isCalendarDate(today))
    throw new UsageError(`--today \`${today}\` is not a date written YYYY-MM-DD`);
  checkChoices(spec.options, values);
  const ctx: CommandContext = {
    root: resolve(values.root),
    today,
    env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: process.stdin.isTTY,
    stdoutIsTTY: process.stdout.isTTY,
  };
  return await spec.run(values, ctx, positionals[0]);
}

function findCommand(name: string): Command {
  const spec = COMMANDS.find((c) => c.name === name);
  if (spec) return spec;
  const guess = suggest(
    name,
    COMMANDS.map((c) => c.name),
  );
  throw new UsageError(
    `unknown command \`${name}\`; ${guess ? `did you mean \`${guess}\`? ` : ''}the commands are: ${COMMANDS.map((c) => c.name).join(', ')}`,
  );
}

function parse(spec: Command, args: readonly string[]) {
  try {
    return parseOptions({ ...spec.options, ...COMMON_OPTIONS }, args, true);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!;
    // An option of another command is a common slip: say whose it is.
    const option = /^Unknown option '--(?:no-)?([^'=]+)'/.exec(message)?.[1];
    const owners = option === undefined ? [] : COMMANDS.filter((c) => option in c.options).map((c) => c.name);
    if (owners.length > 0) throw new UsageError(`--${option} is an option of ${listText(owners)}, not ${spec.name}`);
    const guess = option === undefined ? undefined : suggest(option, Object.keys({ ...spec.options, ...COMMON_OPTIONS }));
    throw new UsageError(
      `${message.replace(/\. To specify.*$/, '')}${guess ? ` (did you mean \`--${guess}\`?)` : ''}; see \`throughline ${spec.name} --help\``,
    );
  }
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
