import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateContent } from './generate.ts';

// `npm run bench:check [-- --items N --runs N --no-astro]`: times `throughline check` over a
// generated tree and, in the same run, `astro sync` over the same files.

const REPO = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const ITEMS = option('items', 10_000);
const RUNS = option('runs', 3);
const WITH_ASTRO = !args.includes('--no-astro');

interface Measured {
  ms: number;
  rssMiB: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

function measure(command: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Measured {
  const rssFile = join(tmpdir(), `throughline-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const result = spawnSync(command[0]!, command.slice(1), {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: {
      ...process.env,
      ...env,
      NODE_OPTIONS: `--import=${join(REPO, 'bench/rss.mjs')}`,
      THROUGHLINE_BENCH_RSS: rssFile,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  const ms = performance.now() - started;
  let rss: number;
  try {
    rss = Number(readFileSync(rssFile, 'utf8')) / 1024;
  } catch {
    rss = Number.NaN;
  }
  return { ms, rssMiB: rss, code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const root = mkdtempSync(join(tmpdir(), 'throughline-bench-'));
try {
  const t0 = performance.now();
  const { files, items } = generateContent(root, ITEMS);
  console.log(`Generated ${files} files (${items} accomplishments) in ${fmt(performance.now() - t0)} at ${root}`);
  console.log(`Node ${process.version}, ${(await import('node:os')).cpus().length} cores`);

  const checks: Measured[] = [];
  for (let run = 0; run < RUNS; run++) {
    const m = measure(
      [process.execPath, join(REPO, 'bin/throughline.js'), 'check', '--root', root, '--format', 'json', '--today', '2026-11-27'],
      REPO,
    );
    const report = JSON.parse(m.stdout || '{}') as { summary?: { files: number; errors: number; warnings: number } };
    if (m.code !== 0 || report.summary?.errors !== 0 || report.summary.warnings !== 0) {
      console.error(m.stdout.slice(0, 2000), m.stderr.slice(0, 2000));
      throw new Error(`throughline check did not pass cleanly on generated content (exit ${m.code})`);
    }
    checks.push(m);
    console.log(`  throughline check run ${run + 1}: ${fmt(m.ms)}, peak RSS ${m.rssMiB.toFixed(0)} MiB`);
  }
  const checkMs = median(checks.map((m) => m.ms));
  console.log(
    `throughline check: ${files} files, median ${fmt(checkMs)} = ${Math.round(files / (checkMs / 1000))} files/s, peak RSS ${Math.max(...checks.map((m) => m.rssMiB)).toFixed(0)} MiB (target: < 2 s)`,
  );

  // `status` and `report` read the same tree as the check and must stay as quick: a lead runs
  // one at the terminal, and the other runs in every pull request's job. The report compares
  // against git, so the tree becomes a repository with one item added on top.
  const git = (...gitArgs: string[]) =>
    spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...gitArgs], {
      cwd: root,
      stdio: 'ignore',
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  const sample = spawnSync('git', ['ls-files', 'content/accomplishments'], { cwd: root, encoding: 'utf8' }).stdout.split('\n')[0]!;
  cpSync(join(root, sample), join(root, sample.replace(/\.md$/, '-in-review.md')));
  for (const [name, commandArgs] of [
    ['throughline status', ['status', '--format', 'json']],
    ['throughline report', ['report', '--base', 'HEAD']],
  ] as const) {
    const runs: Measured[] = [];
    for (let run = 0; run < RUNS; run++) {
      const m = measure(
        [process.execPath, join(REPO, 'bin/throughline.js'), ...commandArgs, '--root', root, '--today', '2026-11-27'],
        REPO,
      );
      if (m.code !== 0) {
        console.error(m.stdout.slice(0, 2000), m.stderr.slice(0, 2000));
        throw new Error(`${name} failed on generated content (exit ${m.code})`);
      }
      runs.push(m);
    }
    console.log(`${name}: median ${fmt(median(runs.map((m) => m.ms)))}, peak RSS ${Math.max(...runs.map((m) => m.rssMiB)).toFixed(0)} MiB`);
  }

  if (WITH_ASTRO) {
    // The same files as an Astro project, configured as a team's (the integration and its
    // collections), with a fresh content cache (.astro/cache) each run.
    for (const path of ['src', 'bin', 'package.json', 'tsconfig.json', 'astro.config.mjs'])
      cpSync(join(REPO, path), join(root, path), { recursive: true });
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
    const syncs: Measured[] = [];
    for (let run = 0; run < RUNS; run++) {
      rmSync(join(root, '.astro'), { recursive: true, force: true });
      const m = measure([process.execPath, join(REPO, 'node_modules/astro/bin/astro.mjs'), 'sync'], root);
      if (m.code !== 0) {
        console.error(m.stdout.slice(-2000), m.stderr.slice(-2000));
        throw new Error(`astro sync failed (exit ${m.code})`);
      }
      syncs.push(m);
      console.log(`  astro sync run ${run + 1}: ${fmt(m.ms)}, peak RSS ${m.rssMiB.toFixed(0)} MiB`);
    }
    const syncMs = median(syncs.map((m) => m.ms));
    console.log(`astro sync: median ${fmt(syncMs)}; throughline check is ${(syncMs / checkMs).toFixed(1)}x faster (target: at least 4x)`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
