import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTree, REPO, runCli } from '../helpers.ts';

// The package as npm would publish it: what the tarball holds, and that its CLI runs from
// node_modules, where Node refuses to strip TypeScript types.
const work = mkdtempSync(join(tmpdir(), 'throughline-pack-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });

describe('the packed package', () => {
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], REPO)) as [
    { filename: string; files: { path: string }[] },
  ];
  const files = packed.files.map((file) => file.path);

  it('holds the CLI compiled to JavaScript, and no tests, benchmarks, example content or screenshots', () => {
    expect(files).toContain('bin/throughline.js');
    expect(files).toContain('compiled/src/cli/index.js');
    expect(files.filter((path) => /^(tests|bench|content|docs|scripts|\.github)\/|^src\/cli\/|\.test\.ts$/.test(path))).toEqual([]);
  });

  const app = join(work, 'app');
  let installed: string | undefined;
  /** The tarball unpacked into `app/node_modules/throughline`; returns the path of its bin. */
  function install(): string {
    if (installed !== undefined) return installed;
    const modules = join(app, 'node_modules');
    mkdirSync(modules, { recursive: true });
    execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', modules]);
    execFileSync('mv', [join(modules, 'package'), join(modules, 'throughline')]);
    // Its dependencies, as npm would install them beside it (nothing is downloaded).
    for (const name of readdirSync(join(REPO, 'node_modules'))) {
      if (name !== 'throughline' && !name.startsWith('.')) symlinkSync(join(REPO, 'node_modules', name), join(modules, name));
    }
    installed = join(modules, 'throughline', 'bin', 'throughline.js');
    return installed;
  }

  it('runs `throughline check` from node_modules, where Node strips no types', () => {
    const result = runCli(['check', '--root', makeTree()], { bin: install() });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('✓ No problems in 11 files\n');
  });

  it('writes a team repository with `init` that builds, which `doctor` then finds up to date, and points at the templates in node_modules', () => {
    const bin = install();
    const answers = ['--title', 'Impact', '--url', 'https://acme.github.io/impact', '--audience', 'public', '--team', 'Web'];
    // The folder holds node_modules/ already, as after `npm install throughline`.
    const init = runCli(['init', app, '--force', '--no-input', ...answers, '--person', 'dana:Dana Kim:danakim'], { bin });
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(runCli(['check', '--root', app], { bin }).code).toBe(0);
    // Its astro.config.mjs and content.config.ts import the package by name; a public site shows the example.
    const build = runCli(['build', '--root', app], { bin });
    expect(build).toMatchObject({ code: 0, stderr: '' });
    expect(build.stdout).toMatch(/Built \d+ pages for the public audience/);
    expect(existsSync(join(app, 'dist', 'items', '2026-h2', 'start-our-impact-report', 'index.html'))).toBe(true);
    expect(runCli(['doctor', '--root', app], { bin })).toMatchObject({ code: 0, stderr: '' });
    rmSync(join(app, '.github', 'workflows', 'check.yml'));
    expect(runCli(['doctor', '--root', app], { bin }).stdout).toContain(
      'take the template: cp node_modules/throughline/templates/.github/workflows/check.yml .github/workflows/check.yml\n',
    );
  });
});
