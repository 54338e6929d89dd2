import { describe, expect, it } from 'vitest';
import { check, makeTree, runCli } from '../helpers.ts';

// What the terminal and the CI log show when content is written to attack them (defect 7): a
// line break and `::` in a name must never become a workflow command in any format or command.

const MALLORY = 'Mallory\\n::error file=src/cli/index.ts,line=1::Injected\\n::stop-commands::zz ##[error]legacy';
// One line, so the schema takes it: it starts a row of the status table.
const EVE = '::error file=src/cli/index.ts,line=1::Injected by Eve ##[error]legacy';
const hostile = () =>
  makeTree(undefined, {
    files: {
      // A YAML escape puts real line breaks into the name (one-line fields refuse it; it is quoted).
      'content/people/mallory.md': `---\nname: "${MALLORY}"\nrole: Engineer\nteam: core\n---\n`,
      'content/people/eve.md': `---\nname: "${EVE}"\nrole: Engineer\nteam: core\n---\n`,
      'content/goals/a\n::warning title=x::Injected by a file name.md': '---\ntitle: x\n---\n',
    },
  });

/** Lines a GitHub runner would read as commands: `::` first after blanks, or `##[` anywhere. */
function commandLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => /^\s*::/.test(line) || line.includes('##['));
}

describe('workflow commands in output (defect 7)', () => {
  it('keeps quoted names and file names on their own line, with no command, in the pretty format', () => {
    const { stdout } = check(hostile());
    expect(commandLines(stdout)).toEqual([]);
    expect(stdout.split('\n').filter((line) => /Mallory|Eve/.test(line))).toMatchInlineSnapshot(`
      [
        "content/people/eve.md:1:1 error submission-count ::error file=src/cli/index.ts,line=1::Injected by Eve ## [error]legacy has 0 of 1–3 accomplishments in cycle \`2026-h1\`, which was due 2026-07-10",
        "    2 | name: "::error file=src/cli/index.ts,line=1::Injected by Eve ## [error]legacy"",
        "  > 2 | name: "Mallory\\n::error file=src/cli/index.ts,line=1::Injected\\n::stop-commands::zz ## [error]legacy"",
      ]
    `);
    expect(stdout.split('\n').filter((line) => line.includes('Injected by'))[0]).toMatchInlineSnapshot(
      `"content/goals/a␤::warning title=x::Injected by a file name.md:1:1 error file-name Invalid file name segment \`a␤::warning title=x::Injected by a file name\`, expected lowercase words joined by \`-\`, such as \`cut-ci-time\`"`,
    );
  });

  it('writes only its own commands in the github format, and no legacy command in JSON', () => {
    const github = check(hostile(), { format: 'github' }).stdout;
    expect(
      commandLines(github).map((line) => /^::(error|warning|notice|group|endgroup)\b/.test(line) && !line.includes('##[')),
    ).not.toContain(false);
    expect(github).not.toMatch(/^::stop-commands/m);
    const json = check(hostile(), { format: 'json' }).stdout;
    expect(commandLines(json)).toEqual([]);
    expect(JSON.stringify(JSON.parse(json))).toContain('##[error]legacy');
  });

  it('prints no command from build, status or a usage error', () => {
    const root = hostile();
    const build = runCli(['build', '--root', root, '--out-dir', `${root}/site`]);
    expect(build.code).toBe(1);
    expect(commandLines(build.stdout + build.stderr)).toEqual([]);
    for (const format of ['table', 'markdown', 'json']) {
      const status = runCli(['status', '--root', root, '--format', format]);
      expect(status.stdout).toContain('Injected by Eve');
      expect(commandLines(status.stdout + status.stderr)).toEqual([]);
    }
    const usage = runCli(['status', '--root', root, '--cycle', 'x\n::error::Injected']);
    expect(usage.code).toBe(2);
    expect(commandLines(usage.stderr)).toEqual([]);
  });
});
