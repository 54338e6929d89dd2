import { renameSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { CardSpec } from '../core/card-spec.ts';
import { loadFonts, renderCard } from './render.ts';

/** One card to draw into `file`, in the cache folder. */
export interface Job {
  id: number;
  spec: CardSpec;
  file: string;
}

export type Reply = { id: number; error?: undefined } | { id: number; error: string };

// Fonts are parsed once per worker, not once per card.
const fonts = loadFonts();

parentPort?.on('message', (job: Job) => {
  renderCard(job.spec, { fonts })
    .then((png) => {
      // Whole or not at all: a build stopped mid-write must not leave a broken card to reuse.
      const partial = `${job.file}.${process.pid}.${job.id}.tmp`;
      writeFileSync(partial, png);
      renameSync(partial, job.file);
      parentPort?.postMessage({ id: job.id } satisfies Reply);
    })
    .catch((error: unknown) => {
      parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies Reply);
    });
});
