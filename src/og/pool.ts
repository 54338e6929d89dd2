import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CardSpec } from '../core/card-spec.ts';
import type { Job, Reply } from './worker.ts';

// Node strips types only outside node_modules: installed, the compiled worker runs.
/** Room for the fonts, satori's layout engine and one card, with a wide margin (a card needs a few MB). */
const HEAP_MB = 64;
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

/**
 * Draws each card into its file with one worker per core (satori and sharp are CPU-bound and
 * single-threaded per call). Rejects with the first card that failed, after the others finish.
 */
export async function renderAll(jobs: readonly { spec: CardSpec; file: string }[]): Promise<void> {
  if (jobs.length === 0) return;
  const size = Math.max(1, Math.min(availableParallelism(), jobs.length));
  const queue = jobs.map((job, id): Job => ({ id, ...job }));
  const failures: string[] = [];
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const next = () => {
        const job = queue.shift();
        if (job === undefined) resolve();
        else worker.postMessage(job);
      };
      worker.on('message', (reply: Reply) => {
        if (reply.error !== undefined) failures.push(`${jobs[reply.id]!.spec.file}: ${reply.error}`);
        next();
      });
      worker.on('error', reject);
      next();
    });
  // Small generations make V8 collect satori's garbage early: left to its defaults, each worker
  // grew by hundreds of MB over a few hundred cards before a full GC (bench/cards.ts: 441 MB of
  // growth over 2,000 cards before, 262 MB after, and faster, 19 ms a card instead of 44).
  const workers = Array.from(
    { length: size },
    () => new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 8 } }),
  );
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failures.length > 0) throw new Error(`${failures.length} social card(s) could not be drawn: ${failures.slice(0, 3).join('; ')}`);
}
