import { execFileSync } from 'node:child_process';
import type { PersonalGit } from '../core/rules/context.ts';
import { PERSONAL_DIR } from '../core/read/paths.ts';
import { UsageError } from '../core/diagnostics/errors.ts';
import type { CommitState, ExportCommit } from '../core/export/export-schema.ts';

// The few git calls the CLI makes, all here: one way to run git, so stdin, stderr and the output
// limit are decided once. A `cat-file --batch` of every item a pull request touches can be large.
const MAX_OUTPUT = 256 * 1024 * 1024;

interface RunOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  timeout?: number;
}

/**
 * git's output in `root`. Throws as `execFileSync` does: an error with `code: 'ENOENT'` without
 * git, with `status` and `stderr` when git exits non-zero. stderr is kept, never printed.
 */
function git(root: string, args: readonly string[], options: RunOptions = {}): Buffer {
  return execFileSync('git', args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: MAX_OUTPUT, ...options });
}

/** git's exit status and output, for commands whose non-zero exit is an answer; undefined when git cannot run. */
function gitStatus(root: string, args: readonly string[], input?: string): { status: number; stdout: string } | undefined {
  try {
    return { status: 0, stdout: git(root, args, input === undefined ? {} : { input }).toString('utf8') };
  } catch (error) {
    const failed = error as { status?: number | null; stdout?: Buffer };
    return typeof failed.status === 'number' ? { status: failed.status, stdout: failed.stdout?.toString('utf8') ?? '' } : undefined;
  }
}

/**
 * Files changed since `ref` as git sees them from `root`: committed, staged, unstaged and
 * untracked, with paths relative to `root`. `option` names the flag `ref` came from, for errors.
 */
export function changedFiles(root: string, ref: string, option = '--changed-since'): Set<string> {
  if (ref.startsWith('-')) throw new UsageError(`${option}: \`${ref}\` is not a git revision`);
  const run = (args: string[]) => {
    try {
      return git(root, args).toString('utf8');
    } catch (error) {
      const stderr = ((error as { stderr?: Buffer }).stderr?.toString('utf8') ?? '').trim().split('\n')[0] ?? '';
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`${option} needs git, and git is not installed`);
      throw new UsageError(`${option} ${ref}: ${stderr || 'git failed'} (in CI, fetch the base first, e.g. \`git fetch origin main\`)`);
    }
  };
  try {
    run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch (error) {
    if (/not a git repository/i.test((error as Error).message)) throw error;
    throw new UsageError(`${option}: git does not know the revision \`${ref}\` (in CI, fetch it first, e.g. \`git fetch origin main\`)`);
  }
  const changed = run(['diff', '--name-only', '--no-renames', '--relative', '-z', ref, '--']);
  const untracked = run(['ls-files', '--others', '--exclude-standard', '-z']);
  return new Set([...changed.split('\0'), ...untracked.split('\0')].filter((p) => p !== ''));
}

/**
 * What git would share of `paths` (relative to `root`): those it tracks or has staged, and those
 * it does not ignore. Undefined outside a git work tree, or without git: nothing can be shared then.
 */
export function personalGitState(root: string, paths: readonly string[]): PersonalGit | undefined {
  if (paths.length === 0) return undefined;
  const inside = gitStatus(root, ['rev-parse', '--is-inside-work-tree']);
  if (inside === undefined || inside.status !== 0 || inside.stdout.trim() !== 'true') return undefined;
  const list = (out: string | undefined) => new Set((out ?? '').split('\0').filter((p) => p !== ''));
  const tracked = list(gitStatus(root, ['ls-files', '-z', '--cached', '--', PERSONAL_DIR])?.stdout);
  // Exit 1 means "none of them is ignored": still an answer.
  const ignored = list(gitStatus(root, ['check-ignore', '-z', '--stdin'], `${paths.join('\0')}\0`)?.stdout);
  return { tracked, unignored: new Set(paths.filter((path) => !ignored.has(path))) };
}

/** Paths of the files under `dir` at `ref`, relative to `root` (which may be a subfolder of the repository). */
export function filesAt(root: string, ref: string, dir: string): Set<string> {
  const listing = git(root, ['ls-tree', '-r', '-z', '--name-only', ref, '--', dir]).toString('utf8');
  return new Set(listing.split('\0').filter((path) => path !== ''));
}

/**
 * `git cat-file --batch` of `paths` (relative to `root`, none holding a line break) at `ref`: per
 * path a header line `<object> <type> <size>` (or `<name> missing`), then the bytes and a line break.
 */
export function catFiles(root: string, ref: string, paths: readonly string[]): Buffer {
  return git(root, ['cat-file', '--batch'], { input: paths.map((path) => `${ref}:./${path}\n`).join('') });
}

/** git's `user.name` as `env` sets it up; undefined on any failure: no git, no name, a slow disk. */
export function gitUserName(root: string, env: NodeJS.ProcessEnv): string | undefined {
  try {
    return git(root, ['config', 'user.name'], { env, timeout: 2000 }).toString('utf8').trim();
  } catch {
    return undefined;
  }
}

/** Whether git could say, and the commit (full hash, author date `YYYY-MM-DD`) that added each file. */
export interface AddedCommits {
  state: CommitState;
  added: Map<string, ExportCommit>;
}

/**
 * The commit that last added each file under `dir` (relative to `root`), from one `git log` for
 * all of them. A shallow clone's oldest commit seems to add every file it holds, so there the
 * answer is "unknown" rather than wrong; likewise outside a work tree or without git.
 */
export function addedCommits(root: string, dir: string): AddedCommits {
  const unknown = (state: 'not-a-repository' | 'shallow'): AddedCommits => ({ state, added: new Map() });
  const repo = gitStatus(root, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository']);
  if (repo === undefined || repo.status !== 0) return unknown('not-a-repository');
  const [inside, shallow] = repo.stdout.trim().split('\n');
  if (inside !== 'true') return unknown('not-a-repository');
  if (shallow === 'true') return unknown('shallow');
  // --no-renames: a moved file counts as added where it is now, whatever the user's diff settings.
  const log = gitStatus(root, [
    '-c',
    'core.quotePath=false',
    'log',
    '--diff-filter=A',
    '--no-renames',
    '--relative',
    '--format=%x00%H %as',
    '--name-only',
    '--',
    dir,
  ]);
  // A repository with no commits yet: nothing is committed, which is known.
  if (log === undefined || log.status !== 0) return { state: 'known', added: new Map() };
  return { state: 'known', added: parseAddedLog(log.stdout) };
}

/** Reads `git log --format=%x00%H %as --name-only`, newest first: a path's first commit is its latest addition. */
export function parseAddedLog(out: string): Map<string, ExportCommit> {
  const added = new Map<string, ExportCommit>();
  for (const record of out.split('\0')) {
    const [header = '', ...paths] = record.split('\n');
    const [hash, date] = header.split(' ');
    if (hash === undefined || hash === '' || date === undefined) continue;
    for (const path of paths) if (path !== '' && !added.has(path)) added.set(path, { hash, date });
  }
  return added;
}

/**
 * Whether `git add -A` in `root` would pick up `path`: it lies in the work tree and is not
 * ignored. False without git and outside a repository, where nothing is shared.
 */
export function sharedByGit(root: string, path: string): boolean {
  // Exit 1: not ignored; 0: ignored; 128: outside any repository.
  return gitStatus(root, ['check-ignore', '-q', '--', path])?.status === 1;
}
