import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How many pages the built site's search index holds, from the `pagefind/pagefind-entry.json` the
 * integration's Pagefind step writes; undefined when the site has no index.
 */
export function indexedPages(site: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8');
  } catch {
    return undefined;
  }
  const entry = JSON.parse(text) as { languages?: Record<string, { page_count?: unknown }> };
  const counts = Object.values(entry.languages ?? {}).map((language) => language.page_count);
  return counts.reduce<number>((sum, count) => sum + (typeof count === 'number' ? count : 0), 0);
}
