/** A mistake in how the command was called: exit 2 with one line, never a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
