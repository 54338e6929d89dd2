import { mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { makeTree, runCli } from '../helpers.ts';

// Paths a pull request controls: links, odd file types and names. Nothing outside the repository
// is ever read, and every refusal says what and why.

/** A folder outside the repository holding a file someone would not want published. */
function outside(): string {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-outside-'));
  writeFileSync(join(dir, 'secret.md'), '---\ntitle: secret\n---\n');
  return dir;
}

describe('symbolic links (defect 11)', () => {
  it('refuses a content/ folder that is a symbolic link', () => {
    const root = makeTree();
    renameSync(join(root, 'content'), join(root, 'real-content'));
    symlinkSync(join(root, 'real-content'), join(root, 'content'));
    const result = runCli(['check', '--root', root]);
    expect(result.code).toBe(2);
    expect(result.stderr.replaceAll(root, '<root>')).toMatchInlineSnapshot(`
      "throughline: \`<root>/content\` is a symbolic link; Throughline reads content only from real folders, so that no file outside the repository can reach a page
      "
    `);
    expect(result.stdout).toBe('');
  });

  it('refuses a --root below the working directory that is reached through a symbolic link', () => {
    const repo = makeTree();
    const site = makeTree();
    symlinkSync(site, join(repo, 'site'));
    const result = runCli(['check', '--root', 'site'], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatchInlineSnapshot(`
      "throughline: \`site\` is a symbolic link; Throughline reads content only from real folders, so that no file outside the repository can reach a page
      "
    `);
  });

  it('refuses a link inside content/ to a file or a folder outside (held)', () => {
    const away = outside();
    const root = makeTree();
    symlinkSync(join(away, 'secret.md'), join(root, 'content/goals/secret.md'));
    symlinkSync(away, join(root, 'content/accomplishments/2026-h2'));
    const result = runCli(['check', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatchInlineSnapshot(`
      "content/accomplishments/2026-h2:1:1 error file-symlink Unexpected symbolic link, expected a regular file
        hint: commit the file itself; links are never followed

      content/goals/secret.md:1:1 error file-symlink Unexpected symbolic link, expected a regular file
        hint: commit the file itself; links are never followed

      ✖ 2 errors and 0 warnings in 2 files (13 files checked)
      "
    `);
    expect(result.stdout).not.toContain('title: secret');
  });
});

describe('odd files (held)', () => {
  it('skips a named pipe instead of blocking on it', () => {
    const root = makeTree();
    execFileSync('mkfifo', [join(root, 'content/goals/pipe.md')]);
    expect(runCli(['check', '--root', root])).toMatchObject({ code: 0 });
  });

  it('ignores dot-files and dot-folders', () => {
    const root = makeTree();
    mkdirSync(join(root, 'content/.obsidian'));
    writeFileSync(join(root, 'content/.obsidian/x.md'), 'anything');
    writeFileSync(join(root, 'content/goals/.DS_Store'), '\0\0');
    expect(runCli(['check', '--root', root])).toMatchObject({ code: 0 });
  });
});

describe('look-alike ids (held)', () => {
  it('refuses names that differ from an id only by case or Unicode normalisation', () => {
    const person = '---\nname: José\nrole: Engineer\nteam: core\n---\n';
    const root = makeTree(undefined, {
      files: {
        'content/people/Ana.md': person,
        'content/people/jos\u00e9.md': person,
        'content/people/jose\u0301.md': person,
      },
    });
    const result = runCli(['check', '--root', root, '--format', 'json']);
    const report = JSON.parse(result.stdout) as { diagnostics: { file: string; rule: string; hint: string | null }[] };
    expect(report.diagnostics.filter((d) => d.rule === 'file-name').map((d) => `${d.file.normalize('NFC')}: ${d.hint}`))
      .toMatchInlineSnapshot(`
      [
        "content/people/Ana.md: rename it to \`ana\`: the path is the id that other files refer to",
        "content/people/josé.md: rename it to \`jose\`: the path is the id that other files refer to",
        "content/people/josé.md: rename it to \`jose\`: the path is the id that other files refer to",
      ]
    `);
  });
});
