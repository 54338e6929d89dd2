import type { Readable, Writable } from 'node:stream';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from '../core/diagnostics/errors.ts';
import { suggest } from '../core/text/suggest.ts';

/**
 * Everything a command may touch besides the file system under `root`. `src/cli/index.ts` fills
 * it from the process; tests pass their own streams and environment.
 */
export interface CommandContext {
  /** The repository root holding `content/`, already resolved to an absolute path. */
  root: string;
  /** `YYYY-MM-DD` from `--today`, `THROUGHLINE_TODAY`, or the local date. */
  today: string;
  env: NodeJS.ProcessEnv;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Whether stdin is a terminal: prompts are only ever shown when it is. */
  stdinIsTTY: boolean;
  /** Whether stdout is a terminal: colour and alignment for people, plain text for pipes. */
  stdoutIsTTY: boolean;
}

interface OptionText {
  /**
   * The option's line in `--help`, wrapped to the help's width by {@link optionLines}; say the
   * default here in words, as people read it ("default: the one open today"). A boolean that is
   * on by default is shown as `--no-<name>`: describe what `--no-<name>` does.
   */
  description: string;
  /** The row in docs/cli.md when it says more than the help line; Markdown. */
  doc?: string;
}

/** A text option: `--out-dir DIR`. */
export interface StringOption extends OptionText {
  type: 'string';
  /** The value's name in the help and docs: `DIR`, `FORMAT`, `YYYY-MM-DD`. */
  value: string;
  /**
   * The values it takes, when they are a fixed few: any other is a usage error naming them (with a
   * "did you mean"), and `run` gets their union type. Listed in the description too.
   */
  choices?: readonly string[];
  /** Whether it may be repeated; `run` then gets every value, in order. */
  multiple?: boolean;
  /** What `run` gets when the option is not given; without one, `undefined`. */
  default?: string;
  short?: string;
}

/** A flag: `--strict`, or `--no-editor` when it defaults to `true`. */
export interface BooleanOption extends OptionText {
  type: 'boolean';
  default?: boolean;
  short?: string;
}

export type OptionSpec = StringOption | BooleanOption;

/** A command's options by name, without the leading `--`. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** What `run` gets for one option: given or defaulted values are never `undefined`. */
type ValueOf<O extends OptionSpec> = O extends { type: 'string' } ? (O extends { multiple: true } ? TextOf<O>[] : TextOf<O>) : boolean;
type TextOf<O extends OptionSpec> = O extends { choices: readonly (infer C extends string)[] } ? C : string;

/** The values `run` gets for a command's options, typed from their declarations. */
export type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O]: O[K] extends { default: string | boolean } ? ValueOf<O[K]> : ValueOf<O[K]> | undefined;
};

/**
 * One `throughline <name>` command. Each option is declared once, in `options`: `parseArgs`'s
 * configuration, the `--help` lines, the command's table in docs/cli.md (`npm run docs:cli`) and
 * the typed `values` `run` gets are all made from it. `--root`, `--today`, `--debug` and `--help`
 * are common to every command ({@link COMMON_OPTIONS}) and handled by `index.ts`. `run` returns
 * the exit code (0 fine, 1 problems found) and throws `UsageError` for a bad call (exit 2).
 *
 * @example
 * export const command = defineCommand({
 *   name: 'hello',
 *   summary: 'Say hello to the people in content/people/',
 *   argument: { name: 'ID', description: 'Only this person' }, // optional: one positional
 *   options: {
 *     format: { type: 'string', value: 'FORMAT', choices: ['text', 'json'], default: 'text', description: 'text (default) or json' },
 *     team: { type: 'string', value: 'ID', multiple: true, description: 'Only people of this team; repeat for more' },
 *     color: { type: 'boolean', default: true, description: 'Never use colour' }, // shown as --no-color
 *   },
 *   run(values, ctx, id) {
 *     // values.format: 'text' | 'json', values.team: string[] | undefined, values.color: boolean
 *     ctx.stdout.write(`hello ${id ?? 'everyone'}\n`);
 *     return 0;
 *   },
 * });
 *
 * Add it to `COMMANDS` in `commands/index.ts` and give it a `<!-- generated: throughline hello -->`
 * block in docs/cli.md, then run `npm run docs:cli`.
 *
 * From the older shape (a `usage` string beside a `ParseArgsOptionsConfig`): each `usage` line
 * becomes its option's `description` (one sentence, unwrapped: the help wraps it), the flag's
 * `VALUE` its `value`, and `values['x'] as string | undefined` becomes `values.x`.
 */
export interface CommandSpec<O extends OptionSpecs = OptionSpecs> {
  name: string;
  /** One line for the list of commands in `throughline --help`, and the command's own help. */
  summary: string;
  /** The command's one positional argument (`FILE`), listed first in its help; none when absent. */
  argument?: { name: string; description: string; doc?: string };
  options: O;
  /** `argument` is the positional's value, when the command takes one and it was given. */
  run(values: OptionValues<O>, ctx: CommandContext, argument?: string): Promise<number> | number;
}

/** A command of any options, as the list of commands holds it. */
export type Command = CommandSpec;

/** Declares a command: `options` keep their literal types, so `run`'s `values` are typed from them. */
export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): Command {
  // `run` is a method, so its `values` are compared both ways: the dispatcher passes values parsed
  // with the configuration made from these same `options` (see parseOptions).
  return spec;
}

/** The options every command takes, handled by `index.ts` before the command runs. */
export const COMMON_OPTIONS = {
  root: {
    type: 'string',
    value: 'DIR',
    default: '.',
    description: 'Repository root that holds content/ (default: the current directory)',
    doc: 'The repository root that holds `content/`. Default: the current directory.',
  },
  today: {
    type: 'string',
    value: 'YYYY-MM-DD',
    description: 'Judge deadlines against this date (default: today)',
    doc: 'The date deadlines are judged against (`due` dates, future dates). Default: today, or `THROUGHLINE_TODAY`.',
  },
  debug: { type: 'boolean', default: false, description: 'Print stack traces of internal errors' },
  help: { type: 'boolean', short: 'h', default: false, description: 'Show help' },
} as const satisfies OptionSpecs;

/** `parseArgs`'s configuration for declared options. */
export function parseArgsConfig(options: OptionSpecs): ParseArgsOptionsConfig {
  const config: ParseArgsOptionsConfig = {};
  for (const [name, option] of Object.entries(options)) {
    config[name] = {
      type: option.type,
      ...(option.type === 'string' && option.multiple ? { multiple: true } : {}),
      ...(option.default === undefined ? {} : { default: option.default }),
      ...(option.short === undefined ? {} : { short: option.short }),
    };
  }
  return config;
}

/**
 * Reads `args` as every command's are read: strictly, `--no-<flag>` allowed. `index.ts` passes a
 * command's options with the common ones; tests pass a command's own. Throws `parseArgs`'s errors.
 */
export function parseOptions<O extends OptionSpecs>(
  options: O,
  args: readonly string[],
  allowPositionals = false,
): { values: OptionValues<O>; positionals: string[] } {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: parseArgsConfig(options),
    allowPositionals,
    allowNegative: true,
    strict: true,
  });
  // The one cast: parseArgs read the values with the configuration made from the declarations that type them.
  return { values: values as OptionValues<O>, positionals };
}

/** Refuses a value outside an option's `choices`: `unknown --format \`xml\`; expected one of …`. */
export function checkChoices(options: OptionSpecs, values: Readonly<Record<string, unknown>>): void {
  for (const [name, option] of Object.entries(options)) {
    if (option.type !== 'string' || option.choices === undefined) continue;
    const given = values[name];
    for (const value of Array.isArray(given) ? (given as unknown[]) : [given]) {
      if (typeof value !== 'string' || option.choices.includes(value)) continue;
      const guess = suggest(value, option.choices);
      throw new UsageError(
        `unknown --${name} \`${value}\`; expected one of ${option.choices.join(', ')}${guess ? ` (did you mean \`${guess}\`?)` : ''}`,
      );
    }
  }
}

/** How an option is written in help and docs: `--out-dir DIR`, `--no-editor`, `-h, --help`. */
export function optionFlag(name: string, option: OptionSpec): string {
  const short = option.short === undefined ? '' : `-${option.short}, `;
  if (option.type === 'boolean') return `${short}--${option.default === true ? 'no-' : ''}${name}`;
  return `${short}--${name} ${option.value}`;
}

/** Where descriptions start in the help, and the width they are wrapped to. */
const HELP_INDENT = 21;
const HELP_WIDTH = 98;

/**
 * One entry of an options list: the flag, then the description from column 22, wrapped; a flag
 * too long to leave a space before that column puts the description on the next line.
 */
export function optionLine(flag: string, description: string): string {
  const lines = wrap(description, HELP_WIDTH - HELP_INDENT);
  const head = `  ${flag}`;
  const pad = ' '.repeat(HELP_INDENT);
  const first = head.length < HELP_INDENT ? `${head.padEnd(HELP_INDENT)}${lines.shift() ?? ''}` : head;
  return [first, ...lines.map((line) => `${pad}${line}`)].join('\n');
}

/** The help's lines for declared options, in the order they are declared. */
export function optionLines(options: OptionSpecs): string {
  return Object.entries(options)
    .map(([name, option]) => optionLine(optionFlag(name, option), option.description))
    .join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `throughline <name> --help`. */
export function commandHelp(spec: Command): string {
  const argument = spec.argument ? `${optionLine(spec.argument.name, spec.argument.description)}\n` : '';
  const own = Object.keys(spec.options).length > 0 ? `${optionLines(spec.options)}\n` : '';
  return `Usage: throughline ${spec.name}${spec.argument ? ` ${spec.argument.name}` : ''} [options]

${spec.summary}.

Options:
${argument}${own}${optionLines(COMMON_OPTIONS)}`;
}
