import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, parse, sep } from 'node:path';
import { CONTENT_DIR } from '../core/read/source-file.ts';
import { listText } from '../core/text/suggest.ts';
import { listFiles, MARKER, readMarker } from './build-marker.ts';
import { UsageError } from '../core/diagnostics/errors.ts';

export interface OutDirRequest {
  /** The output folder, absolute. */
  path: string;
  /** How to name it in a message: `--out-dir \`..\`` as typed, or `` `dist/` `` for the default. */
  shown: string;
  /** The project root, absolute. */
  root: string;
  /** The user's home folder. */
  home: string;
}

const HINT = 'give the site a new or empty folder of its own';
const MAX_NAMED = 5;

/**
 * Throws a UsageError unless a build may replace `path` whole: a folder that does not exist yet,
 * an empty one, or one an earlier build marked and nobody has added files to since. Never the
 * project root, a folder holding it, `content/`, the file system root or the home folder, whatever
 * they hold. Reads only; decided before anything is built, so a refusal leaves everything as it was.
 */
export function assertReplaceable(request: OutDirRequest): void {
  const { shown } = request;
  const path = realPath(request.path);
  const root = realPath(request.root);
  const content = join(root, CONTENT_DIR);
  if (path === parse(path).root) throw new UsageError(`${shown} is the root of the file system; ${HINT}`);
  if (path === realPath(request.home)) throw new UsageError(`${shown} is your home folder; ${HINT}`);
  if (path === root) throw new UsageError(`${shown} is the project root, which holds ${CONTENT_DIR}/; ${HINT}, e.g. --out-dir dist`);
  if (isInside(root, path)) throw new UsageError(`${shown} holds the project root ${root}; ${HINT}`);
  if (path === content || isInside(path, content))
    throw new UsageError(`${shown} is inside ${CONTENT_DIR}/, where every file must be content; ${HINT}`);
  const existing = nearestExisting(path);
  if (!statSync(existing).isDirectory()) {
    throw new UsageError(existing === path ? `${shown} is a file; ${HINT}` : `${shown} is inside the file ${existing}; ${HINT}`);
  }
  if (existing !== path) return;
  const marker = readMarker(path);
  if (marker === undefined) {
    if (listFiles(path, 1).length === 0) return;
    throw new UsageError(
      looksLikeOldSite(path)
        ? `${shown} looks like a site from an older Throughline, which did not mark its builds with ${MARKER}; delete it yourself once, and every build after replaces it`
        : `${shown} holds files Throughline did not write (it has no ${MARKER}), and a build replaces its folder whole; ${HINT}, or delete this one yourself`,
    );
  }
  const written = new Set([...marker.files, MARKER]);
  const added = listFiles(path).filter((file) => !written.has(file));
  if (added.length > 0) {
    const named = added.length > MAX_NAMED ? [...added.slice(0, MAX_NAMED - 1), `${added.length - MAX_NAMED + 1} more`] : added;
    throw new UsageError(
      `${shown} holds files its last build did not write: ${listText(named)}; move them out (a file every build needs belongs in public/), then build again`,
    );
  }
}

/** The path with every link resolved, as far as it exists; the rest as written. */
export function realPath(path: string): string {
  const rest: string[] = [];
  let at = path;
  for (;;) {
    try {
      return join(realpathSync(at), ...rest);
    } catch {
      const parent = dirname(at);
      if (parent === at) return path;
      rest.unshift(basename(at));
      at = parent;
    }
  }
}

/** Whether `path` is strictly inside `folder`. */
export function isInside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
}

function nearestExisting(path: string): string {
  let at = path;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
}

/** Astro's output: an `index.html` and its `_astro/` assets. Only ever used to word a refusal. */
function looksLikeOldSite(path: string): boolean {
  return existsSync(join(path, 'index.html')) && existsSync(join(path, '_astro'));
}
