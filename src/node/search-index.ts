import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the search index goes inside the built site; the search page loads `pagefind.js` from here. */
export const SEARCH_FOLDER = 'pagefind';

/**
 * How many pages the built site's search index holds, from the `pagefind-entry.json` Pagefind
 * writes (its own count of files read includes the pages it skipped for lack of
 * `data-pagefind-body`); undefined when the site has no index.
 */
export function indexedPages(site: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(join(site, SEARCH_FOLDER, 'pagefind-entry.json'), 'utf8');
  } catch {
    return undefined;
  }
  const entry = JSON.parse(text) as { languages?: Record<string, { page_count?: unknown }> };
  const counts = Object.values(entry.languages ?? {}).map((language) => language.page_count);
  return counts.reduce<number>((sum, count) => sum + (typeof count === 'number' ? count : 0), 0);
}
