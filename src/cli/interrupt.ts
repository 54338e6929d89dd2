/**
 * What to undo when Ctrl-C (SIGINT) or the system (SIGTERM) stops a command half-way: a build
 * must not leave a staging folder of private pages behind. Commands register undo steps here;
 * `src/cli/index.ts`, the one place that ends the process, runs them, prints one line and exits
 * 130 or 143. Undo steps are synchronous, so nothing else runs between them and the exit.
 */
export type Undo = () => string | undefined;

const undos: Undo[] = [];

/** Registers `undo` until the returned function is called. Its text, if any, ends the one line. */
export function onInterrupt(undo: Undo): () => void {
  undos.push(undo);
  return () => {
    const at = undos.indexOf(undo);
    if (at >= 0) undos.splice(at, 1);
  };
}

/** Runs every registered undo step, newest first, and returns what they report. */
export function undoAll(): string[] {
  const notes: string[] = [];
  for (const undo of undos.splice(0).reverse()) {
    try {
      const note = undo();
      if (note !== undefined) notes.push(note);
    } catch (error) {
      notes.push(`could not clean up: ${(error as Error).message}`);
    }
  }
  return notes;
}
