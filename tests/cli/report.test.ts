import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/report.ts';
import { REPORT_MARKER } from '../../src/core/report.ts';
import { git, itemText, makeTree } from '../helpers.ts';
import { invoke, testContext } from './context.ts';

const ITEMS = 'content/accomplishments/2026-h1';

/** Zero-width spaces made visible, so snapshots show where mentions and links are broken. */
const zw = (text: string) => text.replaceAll('\u200B', '⟨zwsp⟩');

/**
 * A repository whose `main` has the base fixture plus an item to remove, and a branch that adds a
 * good item, a broken one and a private one, changes one, and removes one. `dir` puts the
 * content in a subfolder of the repository, as `--root site` would.
 */
function pullRequest(dir = ''): { repo: string; root: string } {
  const repo = makeTree(undefined, {
    files: {
      [`${ITEMS}/old-duplicate.md`]: itemText({ title: 'Old duplicate', authors: ['cleo'] }),
      'content/people/cleo.md': '---\nname: Cleo Park\nrole: Designer\nteam: core\ngithub: cleo-gh\n---\n',
    },
  });
  const root = join(repo, dir);
  if (dir !== '') {
    mkdirSync(root);
    renameSync(join(repo, 'content'), join(root, 'content'));
  }
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'base');
  git(repo, 'checkout', '-qb', 'feature');
  const write = (path: string, text: string) => {
    writeFileSync(join(root, path), text);
  };
  write(
    `${ITEMS}/runbook.md`,
    itemText({ title: 'Wrote the on-call runbook', authors: ['cleo'], goals: [{ goal: 'ci-speed', key_result: 'ci-p50' }] }),
  );
  write(`${ITEMS}/broken.md`, itemText({ title: 'Broken', authors: ['bne'], outcome: 'shipped' }));
  write(`${ITEMS}/payroll.md`, itemText({ title: 'Secret payroll fix', authors: ['ben'], visibility: 'private' }));
  const cut = readFileSync(join(root, `${ITEMS}/cut-ci-time.md`), 'utf8');
  write(`${ITEMS}/cut-ci-time.md`, cut.replace('authors: [ben, ana]', 'authors: [ben, ana, cleo]'));
  rmSync(join(root, `${ITEMS}/old-duplicate.md`));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'items');
  return { repo, root };
}

async function report(root: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const ctx = testContext(root, { env });
  const code = await invoke(command, args, ctx);
  return { code, out: ctx.out(), err: ctx.err() };
}

describe('throughline report', () => {
  it('takes a pull request opened by an app, such as dependabot[bot], and notes it against the items', async () => {
    const { root } = pullRequest();
    const result = await report(root, ['--base', 'main', '--pr-author', 'dependabot[bot]']);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(zw(result.out)).toContain('Opened by `@dependabot[bot]`, who is not an author');
  });

  it('reports added, changed, removed, private and broken items with the counts after the pull request; exits 0', async () => {
    const { root } = pullRequest();
    const result = await report(root, ['--base', 'main', '--pr-author', 'Cleo-GH']);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out.startsWith(`${REPORT_MARKER}\n`)).toBe(true);
    expect(result.out).not.toContain('Secret payroll');
    expect(zw(result.out)).toMatchInlineSnapshot(`
      "<!-- throughline:report -->
      ## Throughline report

      ❌ 2 errors and 2 warnings in 2 files (only changes since main reported; 14 files checked)

      ### Accomplishments in this pull request

      - \`content/accomplishments/2026-h1/broken.md\` — added; has errors, see below
      - **Cut median CI time from 20 to 14 minutes** — changed · \`content/accomplishments/2026-h1/cut-ci-time.md\`
        - Authors: Ben Carter, Ana Silva, Cleo Park
        - Goals: Halve CI time (\`ci-speed\`) → Median CI time
        - Outcome: delivered · Visibility: team
        - Team build: shown
        - Public build: not shown — \`visibility: team\`
      - A private item — added · \`content/accomplishments/2026-h1/payroll.md\`
        - Team build: not shown — \`visibility: private\`
        - Public build: not shown — \`visibility: private\`
        - Opened by \`@Cleo-GH\`, who is not an author
      - **Wrote the on-call runbook** — added · \`content/accomplishments/2026-h1/runbook.md\`
        - Authors: Cleo Park
        - Goals: Halve CI time (\`ci-speed\`) → Median CI time
        - Outcome: delivered · Visibility: team
        - Team build: shown
        - Public build: not shown — \`visibility: team\`
      - Removed: **Old duplicate** · \`content/accomplishments/2026-h1/old-duplicate.md\`

      ### Counts after this pull request

      - Ana Silva: 1 of 1–3 in H1 2026
      - Ben Carter: 3 of 1–3 in H1 2026 (+1 in this PR)
      - Cleo Park: 3 of 1–3 in H1 2026 (+1 in this PR)

      ### Problems in changed files

      | Where | Severity | Rule | Problem |
      | --- | --- | --- | --- |
      | \`content/accomplishments/2026-h1/broken.md\` 4:11 | error | \`unknown-reference\` | Unknown person \`bne\` in \`authors[0]\`, expected the id of a file in \`content/people/\`<br>*hint:* create \`content/people/bne.md\`, or check the spelling |
      | \`content/accomplishments/2026-h1/broken.md\` 8:1 | error | \`invalid-value\` | Unexpected \`shipped\` for \`outcome\`, expected one of \`delivered\`, \`partial\`, \`missed\` or \`learning\` |
      | \`content/accomplishments/2026-h1/payroll.md\` 4:1 | warning | \`pr-author\` | Pull request author @⟨zwsp⟩Cleo-GH (Cleo Park) is not among the authors of this item<br>*hint:* add \`cleo\` to \`authors\` if you worked on it; if you submit it for someone else, ask them to review the pull request |
      | \`content/accomplishments/2026-h1/payroll.md\` 9:1 | warning | \`pr-private-item\` | This item is \`visibility: private\`, but in a pull request anyone who can read the repository can read the file<br>*hint:* move it to \`content/.personal/accomplishments/\`, which git ignores and your own checks and private builds read; if your team may see it, write \`visibility: team\` |

      "
    `);
  });

  it('never lists an item in content/.personal/, even one committed by mistake', async () => {
    const { repo, root } = pullRequest();
    const personal = 'content/.personal/accomplishments/2026-h1';
    mkdirSync(join(root, personal), { recursive: true });
    writeFileSync(join(root, personal, 'raise.md'), itemText({ title: 'Asked for a raise', authors: ['cleo'], visibility: 'private' }));
    git(repo, 'add', '-f', '-A');
    git(repo, 'commit', '-qm', 'oops');
    const result = await report(root, ['--base', 'main']);
    expect(result.code).toBe(0);
    expect(result.out).not.toMatch(/raise|\.personal/);
  });

  it('works when the content is in a subfolder of the repository', async () => {
    const { root } = pullRequest('site');
    const result = await report(root, ['--base', 'main']);
    expect(result.out.split('\n').filter((line) => line.startsWith('- '))).toMatchInlineSnapshot(`
      [
        "- \`content/accomplishments/2026-h1/broken.md\` — added; has errors, see below",
        "- **Cut median CI time from 20 to 14 minutes** — changed · \`content/accomplishments/2026-h1/cut-ci-time.md\`",
        "- A private item — added · \`content/accomplishments/2026-h1/payroll.md\`",
        "- **Wrote the on-call runbook** — added · \`content/accomplishments/2026-h1/runbook.md\`",
        "- Removed: **Old duplicate** · \`content/accomplishments/2026-h1/old-duplicate.md\`",
        "- Ana Silva: 1 of 1–3 in H1 2026",
        "- Ben Carter: 3 of 1–3 in H1 2026 (+1 in this PR)",
        "- Cleo Park: 3 of 1–3 in H1 2026 (+1 in this PR)",
      ]
    `);
  });

  it('appends to GITHUB_STEP_SUMMARY and writes --out, relative to the root', async () => {
    const { root } = pullRequest();
    const summary = join(root, 'summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const result = await report(root, ['--base', 'main', '--out', 'report.md'], { GITHUB_STEP_SUMMARY: summary });
    expect(result.code).toBe(0);
    expect(readFileSync(summary, 'utf8')).toBe(`# Earlier step\n${result.out}`);
    expect(readFileSync(join(root, 'report.md'), 'utf8')).toBe(result.out);
  });

  it('exits 2 with one line for a bad call', async () => {
    const { root } = pullRequest();
    const lines = [];
    for (const args of [['--base', 'origin/main'], ['--base=-evil'], [], ['--base', 'main', '--pr-author', 'not a handle']]) {
      const result = await report(root, args);
      expect(result).toMatchObject({ code: 2, out: '' });
      lines.push(result.err);
    }
    const unwritable = await report(root, ['--base', 'main', '--out', 'no/such/dir/report.md']);
    expect(unwritable).toMatchObject({ code: 2, out: '' });
    lines.push(unwritable.err.replace(root, '<root>'));
    expect(lines).toMatchInlineSnapshot(`
      [
        "throughline: --base: git does not know the revision \`origin/main\` (in CI, fetch it first, e.g. \`git fetch origin main\`)
      ",
        "throughline: --base: \`-evil\` is not a git revision
      ",
        "throughline: --base REF is needed, e.g. \`--base origin/main\`
      ",
        "throughline: --pr-author \`not a handle\` is not a GitHub handle, expected letters, digits and single hyphens
      ",
        "throughline: cannot write --out no/such/dir/report.md: ENOENT: no such file or directory, open '<root>/no/such/dir/report.md'
      ",
      ]
    `);
  });
});
