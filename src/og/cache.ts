import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { drawnPart, type CardSpec } from '../core/card-spec.ts';
import { TEMPLATE_VERSION } from './template.ts';

/** The cards' own folder inside Astro's cache folder; pruning never looks anywhere else. */
export const CACHE_FOLDER = 'throughline-cards';

const CACHED = /^[0-9a-f]{64}\.png$/;

/** Cards no build has used for this long are deleted: builds for other audiences share the folder. */
const KEEP_DAYS = 30;

/** A card's cache key: exactly what it draws and the template's version, never its address. */
export function cardKey(spec: CardSpec): string {
  return createHash('sha256')
    .update(JSON.stringify({ template: TEMPLATE_VERSION, card: drawnPart(spec) }))
    .digest('hex');
}

export function cachedFile(folder: string, key: string): string {
  return join(folder, `${key}.png`);
}

/** Marks a cached card as used today, so pruning keeps it. */
export function touch(file: string, now: Date): void {
  utimesSync(file, now, now);
}

/**
 * Deletes cached cards unused for `KEEP_DAYS`: only files named like a card, only in `folder`.
 * Returns how many went.
 */
export function prune(folder: string, now: Date): number {
  const oldest = now.getTime() - KEEP_DAYS * 24 * 60 * 60 * 1000;
  let removed = 0;
  for (const name of readdirSync(folder)) {
    if (!CACHED.test(name)) continue;
    const file = join(folder, name);
    if (statSync(file).mtimeMs < oldest) {
      rmSync(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}
