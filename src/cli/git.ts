import { execFileSync } from 'node:child_process';
import { UsageError } from './errors.ts';

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
