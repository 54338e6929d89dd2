// Hostile cases for `throughline build`: output folders it must never replace, and the lock that
// keeps two builds apart. Nothing here runs Astro; every refusal comes before it would. The slow,
// end-to-end versions (the real CLI, sentinel files, Ctrl-C) are in tests/build/build.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockBuilds, toolDir } from '../../src/cli/build-space.ts';
import { buildCommand } from '../../src/cli/commands/build.ts';
import { UsageError } from '../../src/core/diagnostics/errors.ts';
import { assertReplaceable } from '../../src/cli/out-dir.ts';
import { git, makeTree, TODAY } from '../helpers.ts';
import { treeState, writeEarlierBuild } from '../build/site-tree.ts';

/** The refusal for `--out-dir given`, with the temp root written as `<root>`; '' when accepted. */
function refusal(root: string, given: string, home = join(root, 'home')): string {
  try {
    assertReplaceable({ path: resolve(root, given), shown: `--out-dir \`${given}\``, root, home });
    return '';
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return error.message.replaceAll(root, '<root>');
  }
}

describe('build --out-dir', () => {
  const root = makeTree();
  writeFileSync(join(root, 'README.md'), '# The team’s repository\n');
  mkdirSync(join(root, 'home'));
  mkdirSync(join(root, 'notes'));
  writeFileSync(join(root, 'notes', 'notes.txt'), 'notes nobody else has');
  mkdirSync(join(root, 'old-dist', '_astro'), { recursive: true });
  writeFileSync(join(root, 'old-dist', 'index.html'), '<!doctype html>');
  writeEarlierBuild(join(root, 'built'), { 'index.html': 'an earlier build', 'items/index.html': 'items' });
  writeEarlierBuild(join(root, 'built-then-edited'), { 'index.html': 'an earlier build' });
  for (const name of ['CNAME', 'a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt']) writeFileSync(join(root, 'built-then-edited', name), '');
  mkdirSync(join(root, 'empty', 'nested'), { recursive: true });
  symlinkSync(root, join(root, 'link-to-root'));

  it('refuses folders a build must never replace, whatever they hold', () => {
    const cases = ['.', '..', '../..', 'content', 'content/site', 'home', 'link-to-root', 'README.md', 'README.md/site'];
    expect(cases.map((given) => refusal(root, given)).join('\n')).toMatchInlineSnapshot(`
      "--out-dir \`.\` is the project root, which holds content/; give the site a new or empty folder of its own, e.g. --out-dir dist
      --out-dir \`..\` holds the project root <root>; give the site a new or empty folder of its own
      --out-dir \`../..\` is the root of the file system; give the site a new or empty folder of its own
      --out-dir \`content\` is inside content/, where every file must be content; give the site a new or empty folder of its own
      --out-dir \`content/site\` is inside content/, where every file must be content; give the site a new or empty folder of its own
      --out-dir \`home\` is your home folder; give the site a new or empty folder of its own
      --out-dir \`link-to-root\` is the project root, which holds content/; give the site a new or empty folder of its own, e.g. --out-dir dist
      --out-dir \`README.md\` is a file; give the site a new or empty folder of its own
      --out-dir \`README.md/site\` is inside the file <root>/README.md; give the site a new or empty folder of its own"
    `);
    expect(refusal(root, '/')).toMatchInlineSnapshot(
      `"--out-dir \`/\` is the root of the file system; give the site a new or empty folder of its own"`,
    );
  });

  it('refuses a folder with files it did not write, and names them', () => {
    expect(['notes', 'old-dist', 'built-then-edited'].map((given) => refusal(root, given)).join('\n')).toMatchInlineSnapshot(`
      "--out-dir \`notes\` holds files Throughline did not write (it has no .throughline-build.json), and a build replaces its folder whole; give the site a new or empty folder of its own, or delete this one yourself
      --out-dir \`old-dist\` looks like a site from an older Throughline, which did not mark its builds with .throughline-build.json; delete it yourself once, and every build after replaces it
      --out-dir \`built-then-edited\` holds files its last build did not write: CNAME, a.txt, b.txt, c.txt and 2 more; move them out (a file every build needs belongs in public/), then build again"
    `);
  });

  it('accepts a new folder, an empty one, and one an earlier build wrote', () => {
    expect(['new-site', 'new/deeper/site', 'empty', 'built'].map((given) => refusal(root, given))).toEqual(['', '', '', '']);
  });

  it('refuses before the check runs: broken content, `--out-dir .`, exit 2 and nothing created', async () => {
    const tree = makeTree(undefined, { files: { 'content/people/ana.md': 'not front matter' } });
    const before = treeState(tree);
    const run = (outDir: string | undefined) =>
      buildCommand({ root: tree, outDir, today: TODAY, strict: false, env: {}, isTTY: false }).then(
        () => 'built',
        (error: unknown) => (error instanceof UsageError ? error.message.replaceAll(tree, '<root>') : String(error)),
      );
    expect(await run('.')).toMatchInlineSnapshot(
      `"--out-dir \`.\` is the project root, which holds content/; give the site a new or empty folder of its own, e.g. --out-dir dist"`,
    );
    expect(await run('')).toMatchInlineSnapshot(
      `"--out-dir is empty; give the site a new or empty folder of its own, e.g. --out-dir dist"`,
    );
    expect(treeState(tree)).toEqual(before);
  });
});

describe('build lock', () => {
  it('refuses a second build of the same project while the first runs', () => {
    const root = makeTree();
    const lock = join(toolDir(root), 'build.lock');
    // The test runner's parent stands in for the first build: a process that is surely running.
    writeFileSync(lock, `${JSON.stringify({ pid: process.ppid, started: '2026-11-27T09:00:00.000Z' })}\n`);
    const message = (() => {
      try {
        lockBuilds(root);
        return 'locked';
      } catch (error) {
        return (error as Error).message.replaceAll(root, '<root>').replace(String(process.ppid), '<pid>');
      }
    })();
    expect(message).toMatchInlineSnapshot(
      `"another build is running in this repository (process <pid>, started 2026-11-27T09:00:00.000Z); wait for it to finish and build again, or if none is running, delete <root>/.throughline/build.lock"`,
    );
  });

  it('takes over the lock of a build that was killed outright, and releases it', () => {
    const root = makeTree();
    const lock = join(toolDir(root), 'build.lock');
    // A process that has exited: its id is free, as a killed build's is.
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(lock, `${JSON.stringify({ pid: gone, started: '2026-11-27T09:00:00.000Z' })}\n`);
    const release = lockBuilds(root);
    expect((JSON.parse(readFileSync(lock, 'utf8')) as { pid: number }).pid).toBe(process.pid);
    release();
    expect(treeState(join(root, '.throughline'))).toEqual([expect.stringMatching(/^\.gitignore /)]);
  });

  it('keeps its own folder out of git even where the project’s .gitignore forgot it', () => {
    const root = makeTree();
    git(root, 'init', '-q');
    const staging = join(toolDir(root), 'staging-abc123');
    mkdirSync(staging);
    writeFileSync(join(staging, 'index.html'), 'a private page');
    expect(git(root, 'status', '--porcelain')).toBe('?? content/\n');
  });
});
