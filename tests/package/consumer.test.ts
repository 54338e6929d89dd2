import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers.ts';

// A new team lead's first ten minutes, from the packed tarball: `throughline init` with flags into
// an empty folder, `npm install` there (npm's cache first: nothing new is downloaded where it has
// the packages), then the team repository's own `npm run check` and `npm run build`.
const work = mkdtempSync(join(tmpdir(), 'throughline-consumer-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** npm as a person runs it, without the test runner's npm_* variables steering it. */
function npm(args: string[], cwd: string) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...env, npm_config_loglevel: 'error', NO_COLOR: '1' } });
  return { code: result.status, out: result.stdout + result.stderr };
}

describe('a team repository started from the tarball', () => {
  it('is written by init, installs, passes its own check and builds a site with the team’s goal and people', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: REPO, encoding: 'utf8' })) as [
      { filename: string },
    ];
    const tarball = join(work, packed.filename);

    // The tarball's own CLI, as `npx throughline` would run it (its dependencies beside it).
    const modules = join(work, 'npx', 'node_modules');
    mkdirSync(modules, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', modules]);
    execFileSync('mv', [join(modules, 'package'), join(modules, 'throughline')]);
    for (const name of readdirSync(join(REPO, 'node_modules')))
      if (name !== 'throughline' && !name.startsWith('.')) symlinkSync(join(REPO, 'node_modules', name), join(modules, name));
    const bin = join(modules, 'throughline', 'bin', 'throughline.js');

    const team = join(work, 'web-impact');
    const init = runCli(
      [
        'init',
        team,
        '--no-input',
        '--title',
        'Web team impact',
        '--url',
        'https://acme.github.io/web-impact',
        '--audience',
        'public',
        '--team',
        'web:Web',
        '--person',
        'dana:Dana Kim:danakim',
        '--person',
        'eli:Eli Moss:eli-m',
      ],
      { bin, cwd: work },
    );
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);

    const install = npm(['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], team);
    expect(install.code, install.out).toBe(0);
    const manifest = JSON.parse(readFileSync(join(team, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies['throughline']).toMatch(/^file:.*throughline-\d+\.\d+\.\d+\.tgz$/);

    const check = npm(['run', '--silent', 'check'], team);
    expect(check.code, check.out).toBe(0);
    const build = npm(['run', '--silent', 'build'], team);
    expect(build.code, build.out).toBe(0);
    expect(build.out).toMatch(/Built \d+ pages for the public audience into `dist\/`/);

    const page = (path: string) => readFileSync(join(team, 'dist', path, 'index.html'), 'utf8');
    expect(page('')).toContain('<title>Web team impact');
    expect(page('people/dana')).toContain('Dana Kim');
    expect(page('people/eli')).toContain('Eli Moss');
    const goals = readdirSync(join(team, 'content', 'goals')).map((file) => file.replace(/\.md$/, ''));
    expect(goals.length).toBe(1);
    expect(existsSync(join(team, 'dist', 'goals', goals[0]!, 'index.html'))).toBe(true);
    // Every link is under the team's own base path.
    expect(page('')).toContain('href="/web-impact/goals/"');
  }, 300_000);
});
