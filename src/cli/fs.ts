import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { MAX_FILE_BYTES, type SourceFile } from '../core/load.ts';
import { CONTENT_DIR } from '../core/paths.ts';
import { UsageError } from './errors.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads every file under `<root>/content`, refusing symlinks, files over 1 MiB and anything that is
 * not UTF-8 before their contents go anywhere. Synchronous on purpose: for thousands of small files
 * it is faster than the promise API, and nothing else runs meanwhile.
 */
export function readContentTree(root: string): SourceFile[] {
  const base = join(root, CONTENT_DIR);
  let isDir: boolean;
  try {
    isDir = statSync(base).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new UsageError(`no \`${CONTENT_DIR}/\` folder in ${root}; pass the repository root with --root DIR`);
  const out: SourceFile[] = [];
  walk(base, CONTENT_DIR, out);
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

function walk(dir: string, relative: string, out: SourceFile[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`cannot read ${dir}: ${(error as Error).message}`);
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = `${relative}/${entry.name}`;
    const full = join(dir, entry.name);
    if (entry.isSymbolicLink()) out.push({ path, refused: 'symlink' });
    else if (entry.isDirectory()) walk(full, path, out);
    else if (entry.isFile()) out.push(readOne(full, path));
  }
}

function readOne(full: string, path: string): SourceFile {
  const fd = openSync(full, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) return { path, refused: 'too-large', size };
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    try {
      return { path, text: decoder.decode(buffer.subarray(0, read)) };
    } catch {
      return { path, refused: 'not-utf8' };
    }
  } finally {
    closeSync(fd);
  }
}
