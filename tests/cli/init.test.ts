import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseOptions, type CommandContext } from '../../src/cli/command.ts';
import { command } from '../../src/cli/commands/init.ts';
import { UsageError } from '../../src/core/diagnostics/errors.ts';
import { check, REPO, runCli, TODAY } from '../helpers.ts';
import { testContext } from './context.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder to run `init` in: the team's repository goes into `<parent>/<name>`. */
function parentFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-init-'));
  made.push(dir);
  return dir;
}

const ANSWERS = [
  '--title',
  'Web team — impact',
  '--url',
  'https://acme.github.io/web-impact',
  '--audience',
  'team',
  '--team',
  'web:Web',
  '--person',
  'dana:Dana Kim:danakim',
  '--person',
  'eli:Eli Moss:@eli-m',
];

async function runInit(
  parent: string,
  args: readonly string[],
  dir: string | undefined = 'web-impact',
  overrides: Partial<CommandContext> = {},
) {
  const ctx = testContext(parent, overrides);
  const { values } = parseOptions(command.options, args);
  const code = await command.run(values, ctx, dir);
  return { code, out: ctx.out(), err: ctx.err() };
}

async function usageError(parent: string, args: readonly string[], dir?: string): Promise<string> {
  try {
    await runInit(parent, args, dir);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a UsageError');
}

/** Every file under `root` with its text, `.git` aside: to show a run wrote exactly this, or nothing. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const path = dir === '' ? name : `${dir}/${name}`;
      if (name === '.git') continue;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else out[path] = readFileSync(join(root, path), 'utf8');
    }
  };
  walk('');
  return out;
}

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');
const ours = JSON.parse(read(REPO, 'package.json')) as {
  version: string;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  allowScripts: Record<string, unknown>;
};

describe('init --no-input', () => {
  it('writes a repository whose content passes the check, and says what to do next', async () => {
    const parent = parentFolder();
    const result = await runInit(parent, ['--no-input', ...ANSWERS]);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatchInlineSnapshot(`
      "Wrote 18 files into web-impact/.
        .github/CODEOWNERS
        .github/PULL_REQUEST_TEMPLATE.md
        .github/workflows/check.yml
        .github/workflows/deploy.yml
        .gitignore
        .nvmrc
        README.md
        astro.config.mjs
        content/accomplishments/2026-h2/start-our-impact-report.md
        content/cycles/2026-h2.md
        content/goals/record-our-impact.md
        content/people/dana.md
        content/people/eli.md
        content/site.yaml
        content/teams/web.md
        package.json
        src/content.config.ts
        tsconfig.json

      Next steps:
        1. cd web-impact && npm install
        2. npm run build, then npm run preview to see the site
        3. Create https://github.com/acme/web-impact on GitHub (empty), then push:
             git init -b main && git add -A && git commit -m "Start our impact report"
             git remote add origin https://github.com/acme/web-impact.git && git push -u origin main
        4. Turn on GitHub Pages and protect main: steps 5 and 6 of
           node_modules/throughline/docs/adopting.md (after npm install).
      "
    `);
    const root = join(parent, 'web-impact');
    const checked = check(root);
    // No problem at all: the cycle is far from due, so the check reminds nobody yet (reminder_days).
    expect(checked.exitCode).toBe(0);
    expect(checked.stdout).toContain('No problems in 7 files');
  });

  it('writes the cycle open today, a team led by the first person, and an example that moves the example goal', async () => {
    const parent = parentFolder();
    await runInit(parent, ['--no-input', ...ANSWERS]);
    const root = join(parent, 'web-impact');
    expect(read(root, 'content/cycles/2026-h2.md')).toMatchInlineSnapshot(`
      "---
      name: H2 2026
      start: 2026-07-01
      end: 2026-12-31
      due: 2026-12-31
      ---
      "
    `);
    expect(read(root, 'content/teams/web.md')).toContain('lead: dana');
    expect(read(root, 'content/people/eli.md')).toMatchInlineSnapshot(`
      "---
      name: Eli Moss
      role: Team member
      team: web
      github: eli-m
      manager: dana
      ---
      "
    `);
    const item = parse(read(root, 'content/accomplishments/2026-h2/start-our-impact-report.md').split('---')[1]!) as Record<
      string,
      unknown
    >;
    expect(item).toMatchObject({
      authors: ['dana'],
      date: TODAY,
      goals: [{ goal: 'record-our-impact', key_result: 'items' }],
      visibility: 'team',
    });
  });

  it('makes every example public on a public site, so its first build is not empty', async () => {
    const parent = parentFolder();
    await runInit(parent, ['--no-input', ...ANSWERS, '--audience', 'public']);
    const root = join(parent, 'web-impact');
    for (const file of [
      'content/teams/web.md',
      'content/people/dana.md',
      'content/people/eli.md',
      'content/goals/record-our-impact.md',
      'content/accomplishments/2026-h2/start-our-impact-report.md',
    ])
      expect(read(root, file), file).toMatch(/^visibility: public$/m);
    expect(read(root, 'content/site.yaml')).toMatch(/^audience: public /m);
    expect(check(root).exitCode).toBe(0);
  });

  it('pins throughline to this version, and astro, node and .nvmrc as this package has them', async () => {
    const parent = parentFolder();
    await runInit(parent, ['--no-input', ...ANSWERS]);
    const root = join(parent, 'web-impact');
    const manifest = JSON.parse(read(root, 'package.json')) as Record<string, Record<string, unknown>>;
    expect(manifest).toMatchObject({
      name: 'web-impact',
      private: true,
      type: 'module',
      scripts: {
        check: 'throughline check',
        build: 'throughline build',
        dev: 'astro dev',
        preview: 'astro preview',
        new: 'throughline new',
        status: 'throughline status',
      },
      dependencies: { throughline: ours.version, astro: ours.peerDependencies['astro'] },
      devDependencies: { node: ours.devDependencies['node'] },
      allowScripts: ours.allowScripts,
    });
    expect(read(root, '.nvmrc')).toBe(read(REPO, '.nvmrc'));
    expect(read(root, 'astro.config.mjs')).toContain('integrations: [throughline()]');
    expect(read(root, 'src/content.config.ts')).toBe("export { collections } from 'throughline/content';\n");
    expect(JSON.parse(read(root, 'tsconfig.json'))).toMatchObject({ extends: 'astro/tsconfigs/strict' });
  });

  it('gives the lead .github/ in CODEOWNERS, and names the team in the README', async () => {
    const parent = parentFolder();
    await runInit(parent, ['--no-input', ...ANSWERS]);
    const root = join(parent, 'web-impact');
    expect(read(root, '.github/CODEOWNERS')).toMatch(/^\/\.github\/ +@danakim$/m);
    expect(read(root, '.github/CODEOWNERS')).not.toContain('{{');
    expect(read(root, 'README.md')).toMatch(/^# Web team — impact$/m);
    expect(read(root, 'README.md')).toContain('`npm run new`');
  });

  it('reports every missing option at once', async () => {
    expect(await usageError(parentFolder(), ['--no-input', '--title', 'Impact'])).toMatchInlineSnapshot(
      `"missing --url, --audience, --team and --person, which --no-input needs as options — see \`throughline init --help\`"`,
    );
  });

  it('does not wait for answers when stdin is not a terminal', async () => {
    expect(await usageError(parentFolder(), ['--url', 'https://acme.github.io/impact'])).toMatchInlineSnapshot(
      `"stdin is not a terminal, so \`init\` cannot ask for --title, --audience, --team and --person: pass them as options, with --no-input — see \`throughline init --help\`"`,
    );
  });

  it('reports every invalid value at once, and writes nothing', async () => {
    const parent = parentFolder();
    const message = await usageError(parent, [
      '--no-input',
      '--title',
      'Impact',
      '--url',
      'acme.github.io',
      '--repo',
      'https://github.com/acme/impact',
      '--audience',
      'private',
      '--team',
      'Web',
      '--person',
      'Dana:Dana Kim:danakim',
      '--person',
      'eli:Eli Moss',
      '--cycle',
      '2026-h1',
    ]);
    expect(message).toMatchInlineSnapshot(
      `"--url \`acme.github.io\` is not an address, expected one starting with \`https://\`; --audience \`private\` is not a site audience, expected \`public\` or \`team\`; --person \`Dana:Dana Kim:danakim\`: the id \`Dana\` is not an id, expected lowercase letters and digits in words joined by \`-\`, at most 64 characters; --person \`eli:Eli Moss\` is not \`id:Full Name:github-handle\`; --cycle \`2026-h1\` runs 2026-01-01 to 2026-06-30, which does not include today (2026-11-27); the first cycle is the one you are in — see \`throughline init --help\`"`,
    );
    expect(readdirSync(parent)).toEqual([]);
  });

  it('refuses two people with one GitHub handle', async () => {
    expect(await usageError(parentFolder(), ['--no-input', ...ANSWERS, '--person', 'dk:Dana K:DanaKim'])).toMatchInlineSnapshot(
      `"--person: the GitHub handle \`DanaKim\` is given twice, expected one per person — see \`throughline init --help\`"`,
    );
  });

  it('says which cycle ids it understands, and refuses invisible characters in a name', async () => {
    expect(
      await usageError(parentFolder(), ['--no-input', ...ANSWERS, '--cycle', 'fall-2026', '--title', 'Web\u0007']),
    ).toMatchInlineSnapshot(
      `"--title has an invisible control character (U+0007 BELL), expected plain text; --cycle \`fall-2026\` is not a cycle, expected a half year or a quarter such as \`2026-h2\` or \`2026-q4\` — see \`throughline init --help\`"`,
    );
  });

  it('takes a quarter as the first cycle', async () => {
    const parent = parentFolder();
    await runInit(parent, ['--no-input', ...ANSWERS, '--cycle', '2026-q4']);
    expect(read(join(parent, 'web-impact'), 'content/cycles/2026-q4.md')).toContain('start: 2026-10-01\nend: 2026-12-31\n');
  });
});

describe('init into a folder that exists', () => {
  it('refuses a folder that is not empty, without --force', async () => {
    const parent = parentFolder();
    mkdirSync(join(parent, 'web-impact'));
    writeFileSync(join(parent, 'web-impact', 'notes.txt'), 'mine\n');
    expect(await usageError(parent, ['--no-input', ...ANSWERS])).toMatchInlineSnapshot(
      `"\`web-impact\` is not empty (it holds \`notes.txt\`); init writes a new repository into a new or empty folder. Pass --force to add to it anyway: init still never overwrites a file"`,
    );
    expect(tree(join(parent, 'web-impact'))).toEqual({ 'notes.txt': 'mine\n' });
  });

  it('with --force, adds to it and leaves other files alone', async () => {
    const parent = parentFolder();
    mkdirSync(join(parent, 'web-impact'));
    writeFileSync(join(parent, 'web-impact', 'notes.txt'), 'mine\n');
    const result = await runInit(parent, ['--no-input', '--force', ...ANSWERS]);
    expect(result.code).toBe(0);
    expect(read(join(parent, 'web-impact'), 'notes.txt')).toBe('mine\n');
    expect(Object.keys(tree(join(parent, 'web-impact')))).toHaveLength(19);
  });

  it('with --force, lists the files that exist, exits 2 and writes nothing', async () => {
    const parent = parentFolder();
    const root = join(parent, 'web-impact');
    mkdirSync(join(root, 'content'), { recursive: true });
    writeFileSync(join(root, 'README.md'), '# Ours\n');
    writeFileSync(join(root, 'content', 'site.yaml'), 'title: Ours\n');
    const before = tree(root);
    const result = await runInit(parent, ['--no-input', '--force', ...ANSWERS]);
    expect(result).toMatchObject({ code: 2, out: '' });
    expect(result.err).toMatchInlineSnapshot(`
      "throughline: these files exist already in web-impact, and init never overwrites a file; nothing was written:
        README.md
        content/site.yaml
      "
    `);
    expect(tree(root)).toEqual(before);
  });

  it('treats a clone of an empty repository as empty, and then only commits and pushes', async () => {
    const parent = parentFolder();
    mkdirSync(join(parent, 'web-impact', '.git'), { recursive: true });
    const result = await runInit(parent, ['--no-input', ...ANSWERS]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`  3. Commit and push:
       git add -A && git commit -m "Start our impact report" && git push -u origin HEAD
`);
  });

  it('removes what it wrote when a file cannot be written halfway, and nothing else', async () => {
    const parent = parentFolder();
    const root = join(parent, 'web-impact');
    mkdirSync(root);
    // A file where init needs a folder: src/content.config.ts, the last file, cannot be written.
    writeFileSync(join(root, 'src'), 'not a folder\n');
    writeFileSync(join(root, 'notes.txt'), 'mine\n');
    expect(await usageError(parent, ['--no-input', '--force', ...ANSWERS])).toMatchInlineSnapshot(
      `"could not write \`src/content.config.ts\` (ENOTDIR); nothing was written"`,
    );
    expect(tree(root)).toEqual({ 'notes.txt': 'mine\n', src: 'not a folder\n' });
  });

  it('refuses a file', async () => {
    const parent = parentFolder();
    writeFileSync(join(parent, 'web-impact'), '');
    expect(await usageError(parent, ['--no-input', ...ANSWERS])).toMatchInlineSnapshot(
      `"\`web-impact\` is a file, expected a new or empty folder for the repository"`,
    );
  });
});

describe('throughline init, as people run it', () => {
  it('takes the folder as its argument, relative to --root, and the folder names the package', () => {
    const parent = parentFolder();
    const result = runCli(['init', 'Our Impact', '--root', parent, '--no-input', ...ANSWERS]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('  1. cd "Our Impact" && npm install\n');
    expect(JSON.parse(read(join(parent, 'Our Impact'), 'package.json'))).toMatchObject({ name: 'our-impact' });
  });

  it('writes into the current folder without an argument', () => {
    const parent = parentFolder();
    const result = runCli(['init', '--no-input', ...ANSWERS], { cwd: parent });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Wrote 18 files into this folder\.\n/);
    expect(result.stdout).toContain('  1. npm install\n');
  });
});

describe('the templates', () => {
  it.each(['.github/workflows/check.yml', '.github/workflows/deploy.yml', '.github/PULL_REQUEST_TEMPLATE.md'])(
    'this repository’s own %s is the template a team gets, byte for byte',
    (path) => {
      expect(read(REPO, path)).toBe(read(join(REPO, 'templates'), path));
    },
  );

  it('are in the files the package ships', () => {
    expect((JSON.parse(read(REPO, 'package.json')) as { files: string[] }).files).toContain('templates/');
  });
});

const ENTER = '\r';
const ANSI = new RegExp(String.raw`\u001B\[[0-9;?]*[A-Za-z]`, 'g');

/** Runs `init web-impact` on a fake terminal; `answer(prompt, keys)` waits for the prompt, then types. */
function terminal(parent: string) {
  const stdin = new PassThrough();
  const ctx = testContext(parent, { stdin, stdinIsTTY: true });
  const screen = () => ctx.out().replace(ANSI, '');
  const done = command.run(parseOptions(command.options, []).values, ctx, 'web-impact');
  let from = 0;
  const answer = async (prompt: string, ...keys: string[]) => {
    for (let waited = 0; !screen().includes(prompt, from); waited += 10) {
      if (waited > 5000) throw new Error(`no prompt “${prompt}” after 5 s:\n${screen().slice(from)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    from = screen().indexOf(prompt, from) + prompt.length;
    for (const key of keys) stdin.write(key);
  };
  return { stdin, answer, done, screen };
}

describe('init with prompts', () => {
  it('asks for the site, the team, its people and the first cycle, and writes what was answered', async () => {
    const parent = parentFolder();
    const { stdin, answer, done } = terminal(parent);
    await answer('Site title', 'Web impact', ENTER);
    await answer('Where will the site be published?', 'https://acme.github.io/web', ENTER);
    // Offered from the Pages address: enter takes it.
    await answer('The GitHub repository it lives in', ENTER);
    await answer('Who is the published site for?', ENTER);
    await answer('Team name', 'Web Platform', ENTER);
    await answer('Your name (you lead the team)', 'Dana Kim', ENTER);
    await answer('Dana Kim’s GitHub handle', '@DanaKim', ENTER);
    await answer('Another person’s name', 'Eli Moss', ENTER);
    await answer('Eli Moss’s GitHub handle', 'danakim', ENTER);
    await answer('That handle is taken already');
    stdin.write('\u007F'.repeat(7) + 'eli-m' + ENTER);
    await answer('Another person’s name', ENTER);
    await answer('First cycle', ENTER);
    expect(await done).toBe(0);
    const root = join(parent, 'web-impact');
    expect(read(root, 'content/site.yaml')).toContain('repo: https://github.com/acme/web\naudience: team');
    expect(Object.keys(tree(root)).filter((path) => path.startsWith('content/'))).toEqual([
      'content/accomplishments/2026-h2/start-our-impact-report.md',
      'content/cycles/2026-h2.md',
      'content/goals/record-our-impact.md',
      'content/people/danakim.md',
      'content/people/eli-m.md',
      'content/site.yaml',
      'content/teams/web-platform.md',
    ]);
    expect(read(root, '.github/CODEOWNERS')).toMatch(/^\/\.github\/ +@DanaKim$/m);
    expect(check(root).exitCode).toBe(0);
  });

  it('writes nothing when stopped at a question', async () => {
    const parent = parentFolder();
    const { answer, done, screen } = terminal(parent);
    await answer('Site title', 'Web impact', ENTER);
    await answer('Where will the site be published?', '\u0003');
    expect(await done).toBe(130);
    expect(screen()).toContain('Cancelled; nothing was written.');
    expect(readdirSync(parent)).toEqual([]);
  });
});
