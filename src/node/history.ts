import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { historyLogArgs, logReader } from '../core/history/log.ts';
import { historyBuilder, wantsText, type ContentHistory } from '../core/history/reconstruct.ts';
import type { HistoryGap } from '../schema/history.ts';

/** The folders whose past the site shows: goals (their versions) and accomplishments (their commits). */
const FOLDERS = ['content/goals', 'content/accomplishments'];

export type HistoryResult = ({ available: true } & ContentHistory) | { available: false; gap: HistoryGap };

/**
 * The content's history from one `git log` process, read as it streams. Without git, outside a
 * repository, or in a shallow clone (whose oldest commit would seem to add every file) there is no
 * history to tell, and the result says which; the build goes on either way.
 */
export async function readHistory(root: string): Promise<HistoryResult> {
  const builder = historyBuilder();
  const reader = logReader((change) => {
    builder.add(change);
  }, wantsText);
  const git = spawn('git', historyLogArgs(FOLDERS), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  git.stderr.setEncoding('utf8');
  git.stderr.on('data', (chunk: string) => {
    // The first line says enough ("not a git repository"); the rest is never shown.
    if (stderr.length < 4096) stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; error?: NodeJS.ErrnoException }>((resolve) => {
    git.on('error', (error: NodeJS.ErrnoException) => {
      resolve({ code: null, error });
    });
    git.on('close', (code) => {
      resolve({ code });
    });
  });
  const lines = createInterface({ input: git.stdout, crlfDelay: Infinity });
  for await (const line of lines) reader.line(line);
  reader.end();
  const { code, error } = await exited;
  if (error?.code === 'ENOENT') return { available: false, gap: 'no-git' };
  if (code !== 0) {
    // A repository with no commits yet has no history, which is not a failure.
    if (/does not have any commits yet/.test(stderr)) return { available: true, ...builder.result() };
    return { available: false, gap: /not a git repository/i.test(stderr) ? 'not-a-repository' : 'failed' };
  }
  if (reader.shallow) return { available: false, gap: 'shallow' };
  return { available: true, ...builder.result() };
}
