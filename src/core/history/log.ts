import type { Stamp } from '../../schema/history.ts';

// One `git log` tells the whole history of the folders it is given: every commit on the main line,
// oldest first, each with the full text of every file it changed (a diff whose context is the
// whole file). This module says what to ask git and reads its answer a line at a time, so the
// output is never held whole.

/** Starts each commit's header line; a byte no content line begins with. */
const RECORD = '\x1e';

/** Context longer than any content file (MAX_FILE_BYTES is 1 MiB): each hunk is the whole file. */
const WHOLE_FILE = 1_048_576;

/**
 * The `git` arguments: the main line only (a merged pull request counts on the day it was merged,
 * with the merge's own changes), renames followed, and every setting a user's config could change
 * about the output fixed here. `--decorate-refs` to a namespace nobody uses leaves only git's
 * "grafted" mark, which is how a shallow clone shows.
 */
export function historyLogArgs(folders: readonly string[]): string[] {
  return [
    '-c',
    'core.quotePath=false',
    'log',
    '--reverse',
    '--first-parent',
    '--diff-merges=first-parent',
    '-M',
    '--relative',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '--decorate-refs=refs/throughline/none',
    `--format=${RECORD}%H %cI %D`,
    '-p',
    `-U${WHOLE_FILE}`,
    '--',
    ...folders,
  ];
}

/** One file as a commit left it. */
export interface FileChange {
  stamp: Stamp;
  path: string;
  /** Where the file was before, when the commit moved it. */
  from?: string;
  deleted: boolean;
  /** The whole new text, for files `wantsText` asked for; absent when only the mode or the name changed. */
  text?: string;
}

export interface LogReader {
  line(line: string): void;
  /** After the last line: reports the last file. */
  end(): void;
  /** Whether git marked a commit as grafted: the clone is shallow and its oldest commit is not the first. */
  readonly shallow: boolean;
}

/**
 * Reads the output of `historyLogArgs` line by line and calls `onChange` for each changed file,
 * oldest commit first. `wantsText(path)` says whose text to keep: for other files only the fact
 * of the change is reported, and their lines are skipped as they come.
 */
export function logReader(onChange: (change: FileChange) => void, wantsText: (path: string) => boolean): LogReader {
  let stamp: Stamp | undefined;
  let shallow = false;
  let file: { from?: string; to?: string; deleted: boolean; renamed: boolean; inHunk: boolean; lines?: string[] } | undefined;

  const finish = () => {
    if (file === undefined || stamp === undefined) return;
    const current = file;
    file = undefined;
    const path = current.deleted ? current.from : current.to;
    if (path === undefined) return;
    const moved = current.renamed && current.from !== undefined && current.from !== path ? { from: current.from } : {};
    const text = current.lines === undefined ? {} : { text: current.lines.join('\n') };
    onChange({ stamp, path, ...moved, deleted: current.deleted, ...text });
  };

  return {
    get shallow() {
      return shallow;
    },
    line(line) {
      if (line.startsWith(RECORD)) {
        finish();
        const [commit = '', when = '', ...decorations] = line.slice(1).split(' ');
        if (decorations.join(' ').split(', ').includes('grafted')) shallow = true;
        stamp = { commit, date: when.slice(0, 10) };
        return;
      }
      if (line.startsWith('diff --git ')) {
        finish();
        file = { deleted: false, renamed: false, inHunk: false };
        return;
      }
      if (file === undefined) return;
      if (file.inHunk) {
        // The new file's lines: context and additions; removals and git's notes are not in it.
        if (file.lines !== undefined && (line.startsWith(' ') || line.startsWith('+'))) file.lines.push(line.slice(1));
        return;
      }
      if (line.startsWith('rename from ')) {
        file.from = line.slice('rename from '.length);
        file.renamed = true;
      } else if (line.startsWith('rename to ')) file.to = line.slice('rename to '.length);
      else if (line.startsWith('deleted file mode')) file.deleted = true;
      else if (line.startsWith('--- ')) {
        if (line !== '--- /dev/null') file.from = stripPrefix(line.slice(4), 'a/');
      } else if (line.startsWith('+++ ')) {
        if (line !== '+++ /dev/null') file.to = stripPrefix(line.slice(4), 'b/');
      } else if (line.startsWith('@@ ')) {
        file.inHunk = true;
        const path = file.deleted ? file.from : file.to;
        if (!file.deleted && path !== undefined && wantsText(path)) file.lines = [];
      }
    },
    end() {
      finish();
    },
  };
}

function stripPrefix(path: string, prefix: string): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
