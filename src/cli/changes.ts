import { loadContent } from '../core/read/load.ts';
import { classify, isPersonal } from '../core/read/paths.ts';
import type { SourceFile } from '../core/read/source-file.ts';
import type { ChangeSet } from '../core/rules/context.ts';
import type { Accomplishment } from '../schema/index.ts';
import { sourceFile } from '../node/fs.ts';
import { catFiles } from './git.ts';

/** Whether `path` is a shared accomplishment file (not a personal one). */
export function isSharedItem(path: string): boolean {
  const kind = classify(path);
  return kind.kind === 'entry' && kind.collection === 'accomplishments' && !isPersonal(path);
}

/**
 * What a check of a change (`--changed-since REF`, `report --base REF`) knows of it: the files it
 * touches, and those of them that were items at `ref`, as they were there.
 */
export function changeSet(root: string, ref: string, changed: ReadonlySet<string>): ChangeSet {
  return { changed, before: itemsAt(root, ref, [...changed].filter(isSharedItem).sort()) };
}

/**
 * The items as they were at `ref`, read in one `git cat-file --batch`, parsed and validated on
 * their own. Files that fail the schema, or that the reader would refuse, are left out.
 */
export function itemsAt(root: string, ref: string, paths: readonly string[]): Map<string, Accomplishment> {
  const wanted = paths.filter((path) => !path.includes('\n'));
  const found = new Map<string, Accomplishment>();
  if (wanted.length === 0) return found;
  const output = catFiles(root, ref, wanted);
  const files: SourceFile[] = [];
  let at = 0;
  for (const path of wanted) {
    const end = output.indexOf(0x0a, at);
    if (end < 0) break;
    const header = output.subarray(at, end).toString('utf8').split(' ');
    at = end + 1;
    if (header[1] !== 'blob') continue; // `missing`, or not a file
    const size = Number(header[2]);
    // A file the reader refuses (too large, not UTF-8) loads as no entry: nothing to compare with.
    files.push(sourceFile(path, output.subarray(at, at + size), size));
    at += size + 1;
  }
  for (const entry of loadContent(files).content.entries.accomplishments.values())
    if (entry.data !== undefined) found.set(entry.doc.file, entry.data);
  return found;
}
