import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageInfo {
  /** The package's own folder: this repository, or `node_modules/throughline` when installed. */
  root: string;
  version: string;
}

let cached: PackageInfo | undefined;

/**
 * Throughline's own package.json, found by walking up from this file: the sources run from
 * `src/node/`, the installed package from `compiled/src/node/`, and neither may import the JSON
 * (a compiled copy of package.json would become a package boundary of its own).
 */
export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = readManifest(join(dir, 'package.json'));
    if (manifest?.name === 'throughline' && typeof manifest.version === 'string') {
      cached = { root: dir, version: manifest.version };
      return cached;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('throughline: its own package.json was not found above ' + import.meta.url);
    dir = parent;
  }
}

function readManifest(path: string): { name?: unknown; version?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return undefined;
  }
}
