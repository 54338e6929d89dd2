import * as p from '@clack/prompts';
import { UsageError } from '../core/diagnostics/errors.ts';
import { listText } from '../core/text/suggest.ts';

/** What a question flow returns when the person stopped it: nothing is written. */
export const CANCELLED: unique symbol = Symbol('cancelled');

/** Thrown by {@link answer} to leave the whole flow; the flow turns it into {@link CANCELLED}. */
export class Cancelled extends Error {}

/** A prompt's answer, or a jump out of the whole flow when the person pressed Ctrl-C or Escape. */
export function answer<T>(value: T): Exclude<T, symbol> {
  if (p.isCancel(value)) throw new Cancelled();
  return value as Exclude<T, symbol>;
}

/** Validation messages for clack: the subject, then the problem ("The title is empty"). */
export const say = (subject: string, problem: string | undefined) => (problem === undefined ? undefined : `${subject} ${problem}`);

/**
 * Refuses a call that cannot be completed: every problem with the options at once, and the answers
 * still missing when no one can be asked (`--no-input`, or stdin is not a terminal).
 */
export function refuseIncomplete(command: string, problems: string[], missing: readonly string[], noInput: boolean, canAsk: boolean): void {
  if (!canAsk && missing.length > 0) {
    const list = listText(missing);
    problems.push(
      noInput
        ? `missing ${list}, which --no-input needs as options`
        : `stdin is not a terminal, so \`${command}\` cannot ask for ${list}: pass them as options, with --no-input`,
    );
  }
  if (problems.length > 0) throw new UsageError(`${problems.join('; ')} — see \`throughline ${command} --help\``);
}
