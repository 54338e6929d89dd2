import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { CardSpecSchema } from '../core/card-spec.ts';
import { cachedFile, cardKey, CACHE_FOLDER, prune, touch } from './cache.ts';
import { renderAll } from './pool.ts';

/** Where the site's pages leave the card list (src/routes/og/cards.json.ts) and the cards go. */
export const CARDS_FOLDER = 'og';
const LIST = 'cards.json';

export interface CardStats {
  rendered: number;
  reused: number;
}

/**
 * The cards of a finished build: reads the list the pages wrote into `<outDir>/og/cards.json`
 * (and deletes it, it is no page), draws each card missing from the cache in
 * `<cacheDir>/throughline-cards/`, and copies every card into `<outDir>/og/`. A card is cached
 * under a hash of what it draws, so an unchanged card is never drawn twice.
 */
export async function buildCards(outDir: string, cacheDir: string, now = new Date()): Promise<CardStats> {
  const folder = join(outDir, CARDS_FOLDER);
  const listFile = join(folder, LIST);
  if (!existsSync(listFile)) return { rendered: 0, reused: 0 };
  const specs = z.array(CardSpecSchema).parse(JSON.parse(readFileSync(listFile, 'utf8')));
  rmSync(listFile);
  const cache = join(cacheDir, CACHE_FOLDER);
  mkdirSync(cache, { recursive: true });

  const cards = specs.map((spec) => ({ spec, cached: cachedFile(cache, cardKey(spec)), out: resolve(folder, spec.file) }));
  // The schema allows only kebab-case paths; this keeps a card inside og/ whatever it says.
  for (const card of cards)
    if (relative(folder, card.out).startsWith('..') || !card.out.startsWith(folder + sep))
      throw new Error(`card path ${card.spec.file} leaves the og/ folder`);
  const missing = new Map<string, { spec: (typeof specs)[number]; file: string }>();
  for (const card of cards) if (!existsSync(card.cached)) missing.set(card.cached, { spec: card.spec, file: card.cached });
  await renderAll([...missing.values()]);
  for (const card of cards) {
    mkdirSync(dirname(card.out), { recursive: true });
    place(card.cached, card.out);
    touch(card.cached, now);
  }
  prune(cache, now);
  return { rendered: missing.size, reused: cards.length - missing.size };
}

/**
 * A cached card into the site: a hard link where the cache and the site share a file system (the
 * usual case, both under the project), so 10,000 cards cost no copying; a copy elsewhere.
 */
function place(cached: string, out: string): void {
  try {
    linkSync(cached, out);
  } catch {
    copyFileSync(cached, out);
  }
}
