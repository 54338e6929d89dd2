import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { checkCommand, type Format } from '../src/cli/check-run.ts';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(REPO, 'tests', 'fixtures');
export const TODAY = '2026-11-27';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface TreeOptions {
  /** Files to write over the base fixture, path → text (or bytes). */
  files?: Record<string, string | Uint8Array>;
  /** Base fixture files to delete. */
  remove?: string[];
}

/**
 * A temp repo root: the valid `base` fixture, then the scenario's overlay from
 * `tests/fixtures/<scenario>/`, then `options`. Each rule's failing case is such an overlay.
 */
export function makeTree(scenario?: string, options: TreeOptions = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'throughline-test-'));
  made.push(root);
  cpSync(join(FIXTURES, 'base'), root, { recursive: true });
  if (scenario !== undefined) {
    const overlay = join(FIXTURES, scenario);
    if (!existsSync(overlay)) throw new Error(`no fixture ${overlay}`);
    cpSync(overlay, root, { recursive: true });
  }
  for (const path of options.remove ?? []) rmSync(join(root, path), { recursive: true, force: true });
  for (const [path, text] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Runs the check command on a tree the way a user would see it, minus colour. */
export function check(
  root: string,
  options: { format?: Format; strict?: boolean; changedSince?: string; prAuthor?: string; pagesUrl?: string; env?: NodeJS.ProcessEnv } = {},
) {
  return checkCommand({
    root,
    format: options.format ?? 'pretty',
    strict: options.strict ?? false,
    changedSince: options.changedSince,
    prAuthor: options.prAuthor,
    pagesUrl: options.pagesUrl,
    today: TODAY,
    env: options.env ?? {},
    isTTY: false,
  });
}

/** The pretty output of checking a scenario: what a contributor reads in their terminal. */
export function output(scenario?: string, options: TreeOptions = {}): string {
  const result = check(makeTree(scenario, options));
  return `exit ${result.exitCode}\n${result.stdout}`;
}

/** The real command, as CI and people run it: a new process, a bare environment, no colour. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; bin?: string } = {}) {
  const result = spawnSync(process.execPath, [options.bin ?? join(REPO, 'bin/throughline.js'), ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', THROUGHLINE_TODAY: TODAY, ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs git in `cwd` with a fixed identity, so tests never depend on the machine's git config. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

/** Commits everything under `paths` (all by default) as landed on `date` (`YYYY-MM-DD`), for both author and committer. */
export function commitOn(cwd: string, date: string, message: string, ...paths: string[]): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: `${date}T10:00:00Z`, GIT_COMMITTER_DATE: `${date}T10:00:00Z` };
  const run = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, env });
  run('add', '-A', ...paths);
  run('commit', '-qm', message);
}

/**
 * The pretty output of checking a scenario as a pull request by `author`: the base fixture is
 * committed, the scenario's overlay is the change (`--changed-since HEAD --pr-author author`).
 */
export function pullRequestOutput(scenario: string, author: string): string {
  const root = makeTree();
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'base');
  cpSync(join(FIXTURES, scenario), root, { recursive: true });
  const result = check(root, { changedSince: 'HEAD', prAuthor: author });
  return `exit ${result.exitCode}\n${result.stdout}`;
}

/** An accomplishment file: sensible defaults, `fields` over them (JSON is valid YAML). */
export function itemText(fields: Record<string, unknown>): string {
  const data = {
    title: 'An item',
    summary: 'A summary.',
    authors: ['ana'],
    cycle: '2026-h1',
    date: '2026-03-01',
    goals: ['ci-speed'],
    outcome: 'delivered',
    visibility: 'team',
    evidence: [{ label: 'PR #1', url: 'https://github.com/example/app/pull/1' }],
    ...fields,
  };
  const yaml = Object.entries(data).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${yaml.join('\n')}\n---\n## Impact\n\nIt helped.\n`;
}
