import { PassThrough, Readable } from 'node:stream';
import { checkChoices, parseOptions, type Command, type CommandContext } from '../../src/cli/command.ts';
import { UsageError } from '../../src/core/diagnostics/errors.ts';
import { TODAY } from '../helpers.ts';

export interface TestContext extends CommandContext {
  /** Everything written to stdout so far. */
  out(): string;
  /** Everything written to stderr so far. */
  err(): string;
}

/** A command context with captured output; `stdin` is empty unless given (e.g. a PassThrough to type into). */
export function testContext(root: string, options: Partial<CommandContext> = {}): TestContext {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  return {
    root,
    today: TODAY,
    env: {},
    stdin: Readable.from([]),
    stdout,
    stderr,
    stdinIsTTY: false,
    stdoutIsTTY: false,
    ...options,
    out: () => out,
    err: () => err,
  };
}

/** Runs a command as the dispatcher does: its options parsed strictly, a usage error as exit 2. */
export async function invoke(spec: Command, args: string[], ctx: TestContext): Promise<number> {
  try {
    const { values } = parseOptions(spec.options, args);
    checkChoices(spec.options, values);
    return await spec.run(values, ctx);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    ctx.stderr.write(`throughline: ${error.message}\n`);
    return 2;
  }
}
