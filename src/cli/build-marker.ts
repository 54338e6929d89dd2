import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageInfo } from '../node/package-info.ts';

/**
 * The file every build writes into its output folder. A folder holding it was built by
 * Throughline, and the files it lists are the ones that build wrote: only such a folder (or an
 * empty one) is ever replaced by the next build, so `--out-dir` can never delete someone's files.
 */
export const MARKER = '.throughline-build.json';

export interface BuildMarker {
  builtBy: 'throughline';
  version: string;
  /** Every file the build wrote besides the marker, relative to the folder, `/`-separated. */
  files: string[];
}

/**
 * The marker's text for a build of `files`. Sorted by code unit and without a date, so two builds
 * of one commit stay byte-identical.
 */
export function markerText(files: readonly string[]): string {
  const marker: BuildMarker = { builtBy: 'throughline', version: packageInfo().version, files: [...files].sort(byCodeUnit) };
  return `${JSON.stringify(marker, null, 2)}\n`;
}

/** Writes the marker listing every file now in `dir`. */
export function writeMarker(dir: string): void {
  writeFileSync(join(dir, MARKER), markerText(listFiles(dir).filter((file) => file !== MARKER)));
}

/** The marker in `dir`; undefined when there is none, or it is not one Throughline wrote. */
export function readMarker(dir: string): BuildMarker | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(join(dir, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { builtBy, version, files } = data as Record<string, unknown>;
  if (builtBy !== 'throughline' || typeof version !== 'string') return undefined;
  if (!Array.isArray(files) || !files.every((file) => typeof file === 'string')) return undefined;
  return { builtBy, version, files };
}

/**
 * Every file under `dir`, relative and `/`-separated, sorted; symlinks count as files and are not
 * followed. Stops after `limit` files, for callers that only need to know whether there are any.
 */
export function listFiles(dir: string, limit = Infinity): string[] {
  const out: string[] = [];
  const walk = (at: string, prefix: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (out.length >= limit) return;
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(join(at, entry.name), `${path}/`);
      else out.push(path);
    }
  };
  walk(dir, '');
  return out.sort(byCodeUnit);
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
