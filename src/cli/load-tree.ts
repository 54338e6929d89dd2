import { loadFile, type LoadedFile } from '../core/load.ts';
import { listContentTree, readContentFile } from './fs.ts';

export interface LoadedTree {
  loaded: LoadedFile[];
  /** Files looked at under `content/`. */
  files: number;
}

/**
 * Reads, parses and validates every file. Bodies are not parsed here: the body rules prove most
 * bodies clean without a Markdown parse (src/core/body-scan.ts) and parse only the rest.
 */
export function loadTree(root: string): LoadedTree {
  const listed = listContentTree(root);
  return { loaded: listed.map((file) => loadFile(readContentFile(root, file))), files: listed.length };
}
