import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, runCli } from '../helpers.ts';

const run = runCli;

const BROKEN = {
  'content/accomplishments/2026-h1/broken.md':
    '---\ntitle: "Cut CI: 50%, then more"\nsummary: Sharded the tests.\nauthors: [bne]\ncycle: 2026-h1\ndate: 2026-03-01\ngoals: [ci-speed]\noutcome: delivered\nvisibility: team\nevidence: [{label: PR, url: "https://github.com/example/app/pull/1"}]\n---\n## Impact\n',
};

describe('exit codes', () => {
  it('exits 0 on clean content', () => {
    const result = run(['check', '--root', makeTree()]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('✓ No problems in 11 files\n');
  });
  it('exits 1 on errors', () => {
    expect(run(['check', '--root', makeTree(undefined, { files: BROKEN })]).code).toBe(1);
  });
  it('exits 0 on warnings, 1 with --strict', () => {
    const root = makeTree('over-claim');
    expect(run(['check', '--root', root]).code).toBe(0);
    expect(run(['check', '--root', root, '--strict']).code).toBe(1);
  });
  it('takes --today in the years 0000–0099 as the day it is', () => {
    // Date.UTC read 0099-12-31 as 1999-12-31, and the day was refused as "not a date".
    const result = run(['check', '--root', makeTree(), '--today', '0099-12-31']);
    expect(result.stderr).toBe('');
    expect(result.code).not.toBe(2);
  });
  it('exits 2 with one line and no stack trace on usage errors', () => {
    const cases = [
      ['check', '--frmat', 'json'],
      ['check', '--format', 'xml'],
      ['check', '--root', '/nonexistent/repo'],
      ['chek'],
      ['check', '--today', '2026-13-01'],
      ['build', '--format', 'json'],
      ['build', '--audience', 'everyone'],
      ['check', '--audience', 'team'],
      ['build', 'extra'],
      ['--strict', 'check'],
      ['check', '--pr-author', 'octocat'],
      ['status', '--cycle', '2026-h3'],
      ['report'],
      ['schema', '--out-dir', 'content/schemas'],
      ['new', '--no-input', '--title', 'Faster CI'],
    ];
    const lines = cases.map((args) => {
      const result = run(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      return result.stderr.split('\n')[0];
    });
    expect(lines).toMatchInlineSnapshot(`
      [
        "throughline: Unknown option '--frmat' (did you mean \`--format\`?); see \`throughline check --help\`",
        "throughline: unknown --format \`xml\`; expected one of pretty, json, github",
        "throughline: no \`content/\` folder in /nonexistent/repo; pass the repository root with --root DIR",
        "throughline: unknown command \`chek\`; did you mean \`check\`? the commands are: init, new, check, status, report, export, comment, schema, build, doctor",
        "throughline: --today \`2026-13-01\` is not a date written YYYY-MM-DD",
        "throughline: --format is an option of check, status and export, not build",
        "throughline: unknown --audience \`everyone\`; expected one of public, team, private",
        "throughline: --audience is an option of init and build, not check",
        "throughline: unexpected argument \`extra\`; build takes options only",
        "throughline: the command comes first, e.g. \`throughline check --strict\`; see \`throughline --help\`",
        "throughline: --pr-author needs --changed-since: it looks at the items the pull request changes",
        "throughline: unknown --cycle \`2026-h3\`; did you mean \`2026-h1\`? the cycles are: 2026-h1, 2026-h2",
        "throughline: --base REF is needed, e.g. \`--base origin/main\`",
        "throughline: --out-dir \`content/schemas\` is inside content/, where every file must be content; pass a folder for the schema files, e.g. --out-dir .throughline/schema",
        "throughline: missing --author, --summary, --goal (or --unplanned), --outcome and --visibility, which --no-input needs as options — see \`throughline new --help\`",
      ]
    `);
  });
  it('prints help on stdout when asked, and on stderr with exit 2 when no command is given', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: throughline <command> [options]');
    const none = run([]);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toContain('Usage: throughline <command> [options]');
    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('runs from the current directory by default, as `npm run check` does', () => {
    expect(run(['check'], { cwd: makeTree() }).code).toBe(0);
  });
});

describe('options npm kept for itself', () => {
  // `npm run new --title "Fix it" --no-input` (no `--`): npm keeps the flags as its own configs,
  // exports them as npm_config_*, and hands the script only the stray value.
  it('are named, with the `--` that fixes them', () => {
    const npm = {
      npm_lifecycle_event: 'new',
      npm_config_title: 'true',
      npm_config_input: '',
      npm_config_registry: 'https://registry.npmjs.org/',
    };
    const result = run(['new', 'Fix it'], { cwd: makeTree(), env: npm });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatchInlineSnapshot(`
      "throughline: npm kept --title and --no-input for itself, so \`new\` never saw them; put \`--\` before the options: npm run new -- --title … --no-input
      "
    `);
    // Another script's configs are not this command's business.
    expect(run(['check'], { cwd: makeTree(), env: { ...npm, npm_lifecycle_event: 'check' } }).code).toBe(0);
  });
  it('leave a stray value that says how to pass it, when npm knows the flag itself', () => {
    // npm has its own --format, so nothing is exported for it.
    const result = run(['check', 'json'], { cwd: makeTree(), env: { npm_lifecycle_event: 'check' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatchInlineSnapshot(`
      "throughline: unexpected argument \`json\`; check takes options only; through npm, put \`--\` before the options: npm run check -- --option …
      "
    `);
  });
});

describe('formats', () => {
  it('pretty: colour only when asked for, never with NO_COLOR', () => {
    const root = makeTree(undefined, { files: BROKEN });
    expect(run(['check', '--root', root]).stdout).not.toContain('\u001B[');
    expect(run(['check', '--root', root], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001B[31merror');
    expect(run(['check', '--root', root], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001B[');
  });

  it('json: a stable, documented shape', () => {
    const result = run(['check', '--root', makeTree(undefined, { files: BROKEN }), '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchInlineSnapshot(`
      {
        "diagnostics": [
          {
            "column": 11,
            "endColumn": 14,
            "endLine": 4,
            "file": "content/accomplishments/2026-h1/broken.md",
            "hint": "create \`content/people/bne.md\`, or check the spelling",
            "line": 4,
            "message": "Unknown person \`bne\` in \`authors[0]\`, expected the id of a file in \`content/people/\`",
            "related": [
              "content/people/bne.md",
            ],
            "rule": "unknown-reference",
            "severity": "error",
          },
        ],
        "summary": {
          "changedSince": null,
          "errors": 1,
          "files": 12,
          "warnings": 0,
        },
        "version": 1,
      }
    `);
  });

  it('github: escaped annotations, and every problem in the step summary', () => {
    // `%`, `,`, `:` and line breaks in paths and messages must not break the workflow command.
    const root = makeTree(undefined, {
      files: {
        ...BROKEN,
        'content/people/smith,j.md':
          '---\nname: J Smith\nrole: "Engineer: 100%"\nteam: core\nmanager: "ana%0A::error::<b>pwned</b>"\n---\n',
      },
    });
    const summary = join(root, 'summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const result = run(['check', '--root', root, '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatchInlineSnapshot(`
      "::error file=content/accomplishments/2026-h1/broken.md,line=4,col=11,endColumn=14,title=throughline%3A unknown-reference::Unknown person \`bne\` in \`authors[0]\`, expected the id of a file in \`content/people/\`%0Ahint: create \`content/people/bne.md\`, or check the spelling
      ::error file=content/people/smith%2Cj.md,line=1,col=1,title=throughline%3A file-name::Invalid file name segment \`smith,j\`, expected lowercase words joined by \`-\`, such as \`cut-ci-time\`%0Ahint: rename it to \`smith-j\`: the path is the id that other files refer to
      ::error file=content/people/smith%2Cj.md,line=5,col=1,endColumn=39,title=throughline%3A invalid-id::Invalid id \`ana%250A::error::<b>pwned</b>\` for \`manager\`, expected lowercase words joined by \`-\`, such as \`ci-speed\`%0Ahint: write \`ana-percent-0a-error-b-pwned-b\`
      ::group::Every problem
      content/accomplishments/2026-h1/broken.md:4:11 error unknown-reference Unknown person \`bne\` in \`authors[0]\`, expected the id of a file in \`content/people/\` (hint: create \`content/people/bne.md\`, or check the spelling)
      content/people/smith,j.md:1:1 error file-name Invalid file name segment \`smith,j\`, expected lowercase words joined by \`-\`, such as \`cut-ci-time\` (hint: rename it to \`smith-j\`: the path is the id that other files refer to)
      content/people/smith,j.md:5:1 error invalid-id Invalid id \`ana%0A::error::<b>pwned</b>\` for \`manager\`, expected lowercase words joined by \`-\`, such as \`ci-speed\` (hint: write \`ana-percent-0a-error-b-pwned-b\`)
      ::endgroup::
      3 errors and 0 warnings in 2 files (13 files checked)
      "
    `);
    expect(readFileSync(summary, 'utf8')).toMatchInlineSnapshot(`
      "# Earlier step
      ## Throughline check

      ❌ 3 errors and 0 warnings in 2 files (13 files checked)

      | Where | Severity | Rule | Problem |
      | --- | --- | --- | --- |
      | \`content/accomplishments/2026-h1/broken.md\` 4:11 | error | \`unknown-reference\` | Unknown person \`bne\` in \`authors[0]\`, expected the id of a file in \`content/people/\`<br>*hint:* create \`content/people/bne.md\`, or check the spelling |
      | \`content/people/smith,j.md\` 1:1 | error | \`file-name\` | Invalid file name segment \`smith,j\`, expected lowercase words joined by \`-\`, such as \`cut-ci-time\`<br>*hint:* rename it to \`smith-j\`: the path is the id that other files refer to |
      | \`content/people/smith,j.md\` 5:1 | error | \`invalid-id\` | Invalid id \`ana%0A::error::<b>pwned</b>\` for \`manager\`, expected lowercase words joined by \`-\`, such as \`ci-speed\`<br>*hint:* write \`ana-percent-0a-error-b-pwned-b\` |

      "
    `);
  });

  it('github: paths are relative to the workspace when the content is in a subfolder of the checkout', () => {
    const root = makeTree(undefined, { files: BROKEN });
    const result = run(['check', '--root', root, '--format', 'github'], { env: { GITHUB_WORKSPACE: dirname(root) } });
    expect(result.stdout.split('\n')[0]).toContain(`::error file=${basename(root)}/content/accomplishments/2026-h1/broken.md,line=4,`);
    // Outside the workspace (or at its root) the paths stay as they are.
    const alone = run(['check', '--root', root, '--format', 'github'], { env: { GITHUB_WORKSPACE: root } });
    expect(alone.stdout.split('\n')[0]).toContain('::error file=content/accomplishments/2026-h1/broken.md,line=4,');
  });

  it('github: --no-summary leaves the job summary to the report', () => {
    const root = makeTree(undefined, { files: BROKEN });
    const summary = join(root, 'summary.md');
    writeFileSync(summary, '');
    const result = run(['check', '--root', root, '--format', 'github', '--no-summary'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error file=content/accomplishments/2026-h1/broken.md');
    expect(readFileSync(summary, 'utf8')).toBe('');
  });

  it('github: past ten errors, the rest are summarised in a notice', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`content/people/p${i}.md`] = `---\nname: P${i}\nrole: Engineer\nteam: cor\n---\n`;
    const result = run(['check', '--root', makeTree(undefined, { files }), '--format', 'github']);
    const lines = result.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(lines.find((l) => l.startsWith('::notice '))).toMatchInlineSnapshot(
      `"::notice title=throughline check::14 more errors not annotated: GitHub shows 10 of each per step. Every problem is in the job summary and in this log."`,
    );
    expect(lines.filter((l) => l.includes(' error ')).length).toBe(24);
  });
});

describe('--changed-since', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd,
      encoding: 'utf8',
    });

  it('checks everything but reports only changed files and the problems they are part of', () => {
    // The base commit already has a problem in an old file; the branch adds a broken item.
    const root = makeTree(undefined, { files: { 'content/people/old.md': '---\nname: Old\nrole: Engineer\nteam: cor\n---\n' } });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    git(root, 'checkout', '-qb', 'feature');
    writeFileSync(join(root, 'content/accomplishments/2026-h1/broken.md'), BROKEN['content/accomplishments/2026-h1/broken.md']);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'add item');
    writeFileSync(
      join(root, 'content/accomplishments/2026-h1/untracked.md'),
      BROKEN['content/accomplishments/2026-h1/broken.md'].replace('bne', 'ana'),
    );

    const all = run(['check', '--root', root, '--format', 'json']);
    const changed = run(['check', '--root', root, '--format', 'json', '--changed-since', 'main']);
    const files = (output: string) => [
      ...new Set((JSON.parse(output) as { diagnostics: { file: string; rule: string }[] }).diagnostics.map((d) => `${d.file} ${d.rule}`)),
    ];
    expect(files(all.stdout)).toMatchInlineSnapshot(`
      [
        "content/accomplishments/2026-h1/broken.md unknown-reference",
        "content/people/old.md submission-count",
        "content/people/old.md unknown-reference",
      ]
    `);
    expect(files(changed.stdout)).toMatchInlineSnapshot(`
      [
        "content/accomplishments/2026-h1/broken.md unknown-reference",
      ]
    `);
    expect(changed.code).toBe(1);
    const pretty = run(['check', '--root', root, '--changed-since', 'main']);
    expect(pretty.stdout.trim().split('\n').at(-1)).toMatchInlineSnapshot(
      `"✖ 1 error and 0 warnings in 1 file (only changes since main reported; 14 files checked)"`,
    );
  });

  it('keeps problems that a deleted file causes in unchanged files', () => {
    const root = makeTree();
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    git(root, 'rm', '-q', 'content/people/cleo.md');
    const result = run(['check', '--root', root, '--format', 'json', '--changed-since', 'main']);
    const found = (JSON.parse(result.stdout) as { diagnostics: { file: string; rule: string; message: string }[] }).diagnostics;
    expect(found.map((d) => `${d.file} ${d.rule} ${d.message}`)).toMatchInlineSnapshot(`
      [
        "content/accomplishments/2026-h1/fix-login-loop.md unknown-reference Unknown person \`cleo\` in \`authors[0]\`, expected the id of a file in \`content/people/\`",
      ]
    `);
    expect(result.code).toBe(1);
  });

  it('exits 2 when git does not know the revision', () => {
    const root = makeTree();
    git(root, 'init', '-q', '-b', 'main');
    const result = run(['check', '--root', root, '--changed-since', 'origin/main']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatchInlineSnapshot(`
      "throughline: --changed-since: git does not know the revision \`origin/main\` (in CI, fetch it first, e.g. \`git fetch origin main\`)
      "
    `);
  });
});
