// Hostile cases for `throughline build`: output folders it must never replace. Nothing here runs
// Astro; every refusal comes before it would. The slow, end-to-end versions (the real CLI,
// sentinel files) are in tests/build/build.test.ts.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCommand } from '../../src/cli/commands/build.ts';
import { UsageError } from '../../src/cli/errors.ts';
import { assertReplaceable } from '../../src/cli/out-dir.ts';
import { makeTree, TODAY } from '../helpers.ts';
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
