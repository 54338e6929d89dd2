import { execFileSync, spawnSync } from 'node:child_process';
import type { PersonalGit } from '../core/context.ts';
import { PERSONAL_DIR } from '../core/paths.ts';
import { UsageError } from '../core/errors.ts';

/**
 * Files changed since `ref` as git sees them from `root`: committed, staged, unstaged and
 * untracked, with paths relative to `root`. `option` names the flag `ref` came from, for errors.
 */
export function changedFiles(root: string, ref: string, option = '--changed-since'): Set<string> {
  if (ref.startsWith('-')) throw new UsageError(`${option}: \`${ref}\` is not a git revision`);
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      const stderr = ((error as { stderr?: string }).stderr ?? '').trim().split('\n')[0] ?? '';
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`${option} needs git, and git is not installed`);
      throw new UsageError(`${option} ${ref}: ${stderr || 'git failed'} (in CI, fetch the base first, e.g. \`git fetch origin main\`)`);
    }
  };
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch (error) {
    if (/not a git repository/i.test((error as Error).message)) throw error;
    throw new UsageError(`${option}: git does not know the revision \`${ref}\` (in CI, fetch it first, e.g. \`git fetch origin main\`)`);
  }
  const changed = git(['diff', '--name-only', '--no-renames', '--relative', '-z', ref, '--']);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z']);
  return new Set([...changed.split('\0'), ...untracked.split('\0')].filter((p) => p !== ''));
}

/**
 * What git would share of `paths` (relative to `root`): those it tracks or has staged, and those
 * it does not ignore. Undefined outside a git work tree, or without git: nothing can be shared then.
 */
export function personalGitState(root: string, paths: readonly string[]): PersonalGit | undefined {
  if (paths.length === 0) return undefined;
  const git = (args: string[], input?: string) =>
    spawnSync('git', args, { cwd: root, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  const inside = git(['rev-parse', '--is-inside-work-tree']);
  if (inside.error || inside.status !== 0 || inside.stdout.trim() !== 'true') return undefined;
  const list = (out: string) => new Set(out.split('\0').filter((p) => p !== ''));
  const tracked = list(git(['ls-files', '-z', '--cached', '--', PERSONAL_DIR]).stdout);
  // Exit 1 means "none of them is ignored": still an answer.
  const ignored = list(git(['check-ignore', '-z', '--stdin'], `${paths.join('\0')}\0`).stdout);
  return { tracked, unignored: new Set(paths.filter((path) => !ignored.has(path))) };
}
