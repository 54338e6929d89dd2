import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
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

let pack: { filename: string; files: { path: string }[] } | undefined;

/** `npm pack` of this repository, once. */
function packed() {
  pack ??= (JSON.parse(npm(['pack', '--json', '--pack-destination', work], REPO)) as [typeof pack])[0]!;
  return pack;
}

describe('the packed package', () => {
  const files = packed().files.map((file) => file.path);

  it('holds the CLI compiled to JavaScript, and no tests, benchmarks, example content or screenshots', () => {
    expect(files).toContain('bin/throughline.js');
    expect(files).toContain('compiled/src/cli/index.js');
    expect(files).toContain('src/routes/index.astro');
    expect(files).toContain('docs/submitting.md');
    expect(
      files.filter((path) =>
        /^(tests|bench|content|docs\/screenshots|scripts|public|\.github|\.changeset)\/|^src\/cli\/|^src\/content\.config\.ts$|\.test\.ts$|\.png$/.test(
          path,
        ),
      ),
    ).toEqual([]);
  });

  it('exports only the integration, the collections and the schemas, each with its types in the tarball', () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { exports: Record<string, Record<string, string>> };
    expect(Object.keys(manifest.exports)).toEqual(['.', './content', './schema']);
    for (const target of Object.values(manifest.exports).flatMap((conditions) => Object.values(conditions))) {
      expect(files).toContain(target.replace(/^\.\//, ''));
    }
  });

  it('runs `throughline check` from node_modules, where Node strips no types', () => {
    const bin = join(install(), 'throughline', 'bin', 'throughline.js');
    const result = runCli(['check', '--root', makeTree()], { bin });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('✓ No problems in 11 files\n');
  });

  it('gives Node scripts the schemas as JavaScript, and the integration', () => {
    const app = join(install(), '..');
    const script = [
      "const { SiteSchema } = await import('throughline/schema');",
      "const { default: throughline } = await import('throughline');",
      "console.log(Object.keys(SiteSchema.shape).slice(0, 3).join(','), throughline().name);",
    ].join('\n');
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
    expect(out).toBe('title,description,url throughline\n');
  });

  it('writes a team repository with `init` that builds, which `doctor` then finds up to date, and points at the templates in node_modules', () => {
    const bin = join(install(), 'throughline', 'bin', 'throughline.js');
    const app = join(work, 'app');
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

let installed: string | undefined;

/** The tarball unpacked as npm installs it, into `<work>/app/node_modules`; its path. */
function install(): string {
  if (installed !== undefined) return installed;
  const modules = join(work, 'app', 'node_modules');
  mkdirSync(modules, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, packed().filename), '-C', modules]);
  execFileSync('mv', [join(modules, 'package'), join(modules, 'throughline')]);
  // Its dependencies, as npm would install them beside it (nothing is downloaded).
  for (const name of readdirSync(join(REPO, 'node_modules'))) {
    if (name !== 'throughline' && !name.startsWith('.')) symlinkSync(join(REPO, 'node_modules', name), join(modules, name));
  }
  installed = modules;
  return modules;
}
