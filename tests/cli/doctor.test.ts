import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/cli/command.ts';
import { command as doctor } from '../../src/cli/commands/doctor.ts';
import { command as init } from '../../src/cli/commands/init.ts';
import { UsageError } from '../../src/core/diagnostics/errors.ts';
import { REPO, runCli } from '../helpers.ts';
import { testContext } from './context.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const TEMPLATES = join(REPO, 'templates');
const ours = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  version: string;
  devDependencies: { node: string };
  peerDependencies: { astro: string };
};

/** A team's repository as `init` writes it. */
async function teamRepository(): Promise<string> {
  const parent = mkdtempSync(join(tmpdir(), 'throughline-doctor-'));
  made.push(parent);
  const { values } = parseOptions(init.options, [
    '--no-input',
    '--title',
    'Web impact',
    '--url',
    'https://acme.github.io/web',
    '--audience',
    'team',
    '--team',
    'web:Web',
    '--person',
    'dana:Dana Kim:danakim',
  ]);
  const code = await init.run(values, testContext(parent), 'team');
  if (code !== 0) throw new Error('init failed');
  return join(parent, 'team');
}

/**
 * What a team reads, with what changes from machine to machine or release to release in brackets:
 * the templates' folder, the version and the pins.
 */
async function runDoctor(root: string) {
  const ctx = testContext(root);
  const code = await doctor.run({}, ctx);
  return {
    code,
    out: ctx
      .out()
      .replaceAll(TEMPLATES, '<templates>')
      .replaceAll(ours.version, '<version>')
      .replaceAll(ours.devDependencies.node, '<node>')
      .replaceAll(ours.peerDependencies.astro, '<astro>'),
  };
}

function edit(root: string, path: string, change: (text: string) => string): void {
  writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));
}

describe('doctor', () => {
  it('says all is well in a repository init just wrote', async () => {
    expect(await runDoctor(await teamRepository())).toMatchInlineSnapshot(`
      {
        "code": 0,
        "out": "All 7 match throughline <version>: the workflows, the pull request template, .nvmrc and the node, throughline and astro pins.
      ",
      }
    `);
  });

  it('names each difference on one line with the command that takes the new one, and exits 1', async () => {
    const root = await teamRepository();
    appendFileSync(join(root, '.github/workflows/deploy.yml'), '# our own step\n');
    rmSync(join(root, '.github/PULL_REQUEST_TEMPLATE.md'));
    writeFileSync(join(root, '.nvmrc'), '22\n');
    edit(root, 'package.json', (text) =>
      text.replace(/"node": "[^"]+"/, '"node": "^22.12.0"').replace(/"throughline": "[^"]+"/, '"throughline": "^0.0.9"'),
    );
    expect(await runDoctor(root)).toMatchInlineSnapshot(`
      {
        "code": 1,
        "out": ".github/workflows/deploy.yml differs from the template of throughline <version>; take it (then redo your own changes): cp <templates>/.github/workflows/deploy.yml .github/workflows/deploy.yml
      .github/PULL_REQUEST_TEMPLATE.md is missing; take the template: cp <templates>/.github/PULL_REQUEST_TEMPLATE.md .github/PULL_REQUEST_TEMPLATE.md
      .nvmrc says \`22\`, expected \`24\`, the Node the workflows should set up: echo 24 > .nvmrc
      package.json has devDependencies.node \`^22.12.0\`, expected \`<node>\` (the Node the npm scripts run on): npm pkg set "devDependencies.node=<node>"
      package.json has dependencies.throughline \`^0.0.9\`, expected \`<version>\` (the version installed): npm pkg set "dependencies.throughline=<version>"
      5 of 7 differ from throughline <version>; take each as shown, then run npm install and npm run check.
      ",
      }
    `);
  });

  it('says how to take a workflow folder that is missing, and an astro dependency that is', async () => {
    const root = await teamRepository();
    rmSync(join(root, '.github/workflows'), { recursive: true });
    edit(root, 'package.json', (text) => text.replace(/\s*"astro": "[^"]+",/, ''));
    const { out } = await runDoctor(root);
    expect(out).toContain(
      '.github/workflows/check.yml is missing; take the template: mkdir -p .github/workflows && cp <templates>/.github/workflows/check.yml .github/workflows/check.yml\n',
    );
    expect(out).toContain(
      'package.json lacks dependencies.astro, expected `<astro>` (what throughline <version> works with): npm pkg set "dependencies.astro=<astro>"\n',
    );
  });

  it('leaves alone what the team edits: CODEOWNERS, the README, the content, the config', async () => {
    const root = await teamRepository();
    appendFileSync(join(root, '.github/CODEOWNERS'), '/content/goals/ @acme/leads\n');
    appendFileSync(join(root, 'README.md'), 'More about us.\n');
    appendFileSync(join(root, 'astro.config.mjs'), '// ours\n');
    writeFileSync(join(root, 'content/site.yaml'), 'title: changed\n');
    expect((await runDoctor(root)).code).toBe(0);
  });

  it('does not count Windows line endings as a difference', async () => {
    const root = await teamRepository();
    edit(root, '.github/workflows/check.yml', (text) => text.replace(/\n/g, '\r\n'));
    expect((await runDoctor(root)).code).toBe(0);
  });

  it('says where to run it when there is no package.json', async () => {
    const root = mkdtempSync(join(tmpdir(), 'throughline-doctor-'));
    made.push(root);
    let message = '';
    try {
      await runDoctor(root);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      message = error.message.replace(root, '<root>');
    }
    expect(message).toMatchInlineSnapshot(`"no package.json in <root>; run doctor in the root of a team's repository, or pass --root DIR"`);
  });

  it('runs as a command, with --root', async () => {
    const root = await teamRepository();
    expect(runCli(['doctor', '--root', root])).toMatchObject({ code: 0, stderr: '' });
    writeFileSync(join(root, '.nvmrc'), '20\n');
    expect(runCli(['doctor', '--root', root])).toMatchObject({ code: 1, stderr: '' });
  });
});
