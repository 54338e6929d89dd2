import type { Readable, Writable } from 'node:stream';
import type { ParseArgsOptionsConfig } from 'node:util';

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

/** Option values as `node:util` `parseArgs` returns them for the command's own options. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/**
 * One `throughline <name>` command. `--root`, `--today`, `--debug` and `--help` are common to
 * every command and handled by `index.ts`; `options` holds only the command's own. `run` returns
 * the exit code (0 fine, 1 problems found) and throws `UsageError` for a bad call (exit 2).
 */
export interface CommandSpec {
  name: string;
  /** One line for the list of commands in `throughline --help`. */
  summary: string;
  /** The command's option lines for `throughline <name> --help`, aligned like the others. */
  usage: string;
  options: ParseArgsOptionsConfig;
  /** The name of the command's one positional argument in the help (`FILE`); none when absent. */
  argument?: string;
  /** `argument` is the positional's value, when the command takes one and it was given. */
  run(values: OptionValues, ctx: CommandContext, argument?: string): Promise<number> | number;
}
