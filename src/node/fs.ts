import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { PERSONAL_DIR } from '../core/read/paths.ts';
import { CONTENT_DIR, MAX_FILE_BYTES, type SourceFile } from '../core/read/source-file.ts';
import { UsageError } from '../core/diagnostics/errors.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A file found under `content/`: its path relative to the root, and whether it is a symlink. */
export interface ListedFile {
  path: string;
  symlink: boolean;
}

export interface TreeOptions {
  /** Also list `content/.personal/`, the folder that never leaves this machine. */
  personal?: boolean | undefined;
}

/**
 * Every file under `<root>/content`, sorted, without reading any; dot-files are skipped, and so
 * is `content/.personal/` unless asked for.
 */
export function listContentTree(root: string, options: TreeOptions = {}): ListedFile[] {
  refuseLinkedFolders(root);
  const base = join(root, CONTENT_DIR);
  if (!isDirectory(base)) throw new UsageError(`no \`${CONTENT_DIR}/\` folder in ${root}; pass the repository root with --root DIR`);
  const out: ListedFile[] = [];
  walk(base, CONTENT_DIR, out);
  if (options.personal) {
    const personal = join(root, PERSONAL_DIR);
    if (isSymlink(personal)) out.push({ path: PERSONAL_DIR, symlink: true });
    else if (isDirectory(personal)) walk(personal, PERSONAL_DIR, out);
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

/**
 * Refuses a `content/` folder that is a symbolic link, and a `--root` reached through one below
 * the working directory: a pull request can add either, and following it would read files from
 * anywhere on the machine that builds the site. Links above the working directory (macOS's
 * `/tmp`, a mounted home) are the machine's own and are followed.
 */
function refuseLinkedFolders(root: string): void {
  const cwd = process.cwd();
  const below = relative(cwd, resolve(root));
  const inside = below !== '' && !below.startsWith('..') && !isAbsolute(below);
  const folders = inside ? below.split(sep).map((_, i, steps) => join(cwd, ...steps.slice(0, i + 1))) : [];
  for (const folder of [...folders, join(resolve(root), CONTENT_DIR)]) {
    if (isSymlink(folder))
      throw new UsageError(
        `\`${folder.startsWith(cwd + sep) ? relative(cwd, folder) : folder}\` is a symbolic link; Throughline reads content only from real folders, so that no file outside the repository can reach a page`,
      );
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function walk(dir: string, relative: string, out: ListedFile[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`cannot read ${dir}: ${(error as Error).message}`);
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = `${relative}/${entry.name}`;
    if (entry.isSymbolicLink()) out.push({ path, symlink: true });
    else if (entry.isDirectory()) walk(join(dir, entry.name), path, out);
    else if (entry.isFile()) out.push({ path, symlink: false });
  }
}

// One buffer for every read: a file over the limit is noticed by filling it, never read whole.
const buffer = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);

/**
 * Reads one listed file, refusing symlinks, files over 1 MiB and anything that is not UTF-8
 * before their contents go anywhere. Synchronous on purpose: for thousands of small files it is
 * faster than the promise API, and nothing else runs meanwhile.
 */
export function readContentFile(root: string, file: ListedFile): SourceFile {
  if (file.symlink) return { path: file.path, refused: 'symlink' };
  const fd = openSync(join(root, file.path), 'r');
  try {
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, null);
      if (n === 0) break;
      read += n;
    }
    return sourceFile(file.path, buffer.subarray(0, read), read > MAX_FILE_BYTES ? fstatSync(fd).size : read);
  } finally {
    closeSync(fd);
  }
}

/**
 * A file's bytes as the check takes them, wherever they were read from (the disk, a git blob):
 * over 1 MiB or not UTF-8 is refused, so every reader applies the same limits.
 */
export function sourceFile(path: string, bytes: Uint8Array, size: number = bytes.length): SourceFile {
  if (size > MAX_FILE_BYTES) return { path, refused: 'too-large', size };
  try {
    return { path, text: decoder.decode(bytes) };
  } catch {
    return { path, refused: 'not-utf8' };
  }
}

/** Lists and reads the whole tree; for callers that want every file in one go. */
export function readContentTree(root: string, options: TreeOptions = {}): SourceFile[] {
  return listContentTree(root, options).map((file) => readContentFile(root, file));
}
