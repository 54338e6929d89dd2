import { join } from 'node:path';
import { AstroError } from 'astro/errors';
import { indexedPages, SEARCH_FOLDER } from '../node/search-index.ts';

/** Where the pages worth finding are: accomplishments, goals, people, teams and cycles (ids may hold `/`). */
const SEARCHED_PAGES = '{items,goals,people,teams,cycles}/**/index.html';

/** What indexing the built site did: how many pages the search can find. */
export interface SearchIndexResult {
  pages: number;
}

/**
 * Indexes the built pages with Pagefind into `<outDir>/pagefind/`. It reads only the HTML the
 * build wrote, so it holds exactly what the build's audience may see; pages mark what is worth
 * finding with `data-pagefind-body` (Base.astro). Pagefind's binary comes from its npm package
 * (`@pagefind/<platform>`): nothing is downloaded. A failure throws a user error with a hint, so
 * `throughline build` reports it in one line and keeps the previous site.
 */
export async function writeSearchIndex(outDir: string): Promise<SearchIndexResult> {
  let pagefind: typeof import('pagefind');
  try {
    pagefind = await import('pagefind');
  } catch (error) {
    throw failure(`could not load Pagefind (${message(error)})`);
  }
  // Pagefind's service prints its own failures with a stack (a missing binary, a crash): keep the
  // first line for our message instead, and let everything else through.
  const stopped: string[] = [];
  const print = console.error;
  console.error = (...args: unknown[]) => {
    if (args[0] === 'Service stopped') stopped.push(message(args[1]));
    else print(...args);
  };
  try {
    const created = await pagefind.createIndex();
    if (created.index === undefined || created.errors.length > 0) throw failure(created.errors.join('; ') || 'no index was created');
    // Only the kinds of page that carry `data-pagefind-body` (Base.astro's `search` prop): the
    // lists and the maps, the largest pages, are never read.
    const added = await created.index.addDirectory({ path: outDir, glob: SEARCHED_PAGES });
    if (added.errors.length > 0) throw failure(added.errors.join('; '));
    const written = await created.index.writeFiles({ outputPath: join(outDir, SEARCH_FOLDER) });
    if (written.errors.length > 0) throw failure(written.errors.join('; '));
    return { pages: indexedPages(outDir) ?? 0 };
  } catch (error) {
    const why = stopped[0] ?? (error instanceof AstroError ? undefined : message(error));
    throw why === undefined ? error : failure(why);
  } finally {
    await pagefind.close().catch(() => undefined);
    console.error = print;
  }
}

function failure(what: string): AstroError {
  return new AstroError(
    `the search index could not be built: ${what.split('\n')[0] ?? what}`,
    'Pagefind runs from the `pagefind` npm package and its platform package (`@pagefind/linux-x64`…); reinstall with `npm ci`, and check that optional dependencies are not skipped (`--omit=optional`).',
  );
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
