import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCommand } from '../src/cli/commands/check.ts';
import { MAX_FILE_BYTES } from '../src/core/source-file.ts';

// `npm run bench:hostile [-- --only NAME --runs N]`: times `throughline check` on one hostile
// file each, in the largest form the 1 MiB limit lets through. Every case must stay under 1 s: a
// pull request must not be able to make the check slow. Timed in-process (read, check and the
// pretty output, as `throughline check` does it), on the valid base fixture plus the one file.

const REPO = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
const BUDGET_MS = 1000;

const HEAD =
  'title: Hostile\nsummary: A big file.\nauthors: [ben]\ncycle: 2026-h1\ndate: 2026-03-01\ngoals: [ci-speed]\noutcome: delivered\nvisibility: team\n';
const TAIL = '---\n## Impact\n\nIt helped.\n';

/** Front matter filled with `line(i)` for i = 0, 1, … until the file would pass `bytes`. */
function filled(line: (i: number) => string, head = HEAD, bytes = MAX_FILE_BYTES): string {
  const parts = ['---\n', head];
  let size = 4 + head.length + TAIL.length;
  for (let i = 0; ; i++) {
    const next = line(i);
    if (size + next.length > bytes) break;
    parts.push(next);
    size += next.length;
  }
  parts.push(TAIL);
  return parts.join('');
}

/** Block mappings nested as deep as 1 MiB of indentation allows. */
function deepBlock(): string {
  const lines: string[] = [];
  let size = 0;
  for (let depth = 0; size < MAX_FILE_BYTES - 50_000; depth++) {
    const line = `${' '.repeat(depth)}k:\n`;
    lines.push(line);
    size += line.length;
  }
  return `---\n${HEAD}nested:\n${lines.map((l) => ` ${l}`).join('')}${TAIL}`;
}

/** Flow sequences nested as deep as the parser takes without running out of stack. */
function deepFlow(depth: number): string {
  return `---\n${HEAD}tags: ${'['.repeat(depth)}${']'.repeat(depth)}\n${TAIL}`;
}

const CASES: Record<string, () => string> = {
  // The issue's file: 60,000 unknown keys in 589 KB.
  'unknown keys, 60,000 (589 KB)': () => filled((i) => `k${String(i).padStart(5, '0')}: 1\n`, HEAD, 589 * 1024),
  'unknown keys, 1 MiB': () => filled((i) => `k${i}: 1\n`),
  'duplicate keys, 1 MiB': () => filled(() => 'title: again\n'),
  'duplicate keys in a nested mapping, 1 MiB': () => filled(() => '  a: 1\n', `${HEAD}nested:\n`),
  'one long list, 1 MiB': () => filled(() => '  - ci\n', HEAD.replace('goals: [ci-speed]\n', 'goals: [ci-speed]\ntags:\n')),
  'one long flow list, 1 MiB': () => `---\n${HEAD}tags: [${'ci, '.repeat(260_000)}ci]\n${TAIL}`,
  'nested block mappings, 1 MiB': deepBlock,
  'nested flow lists, 1,000 deep': () => deepFlow(1000),
  'a 1 MiB plain string': () => `---\n${HEAD.replace('summary: A big file.', `summary: ${'x'.repeat(MAX_FILE_BYTES - 300)}`)}${TAIL}`,
  'a 1 MiB string of escapes': () =>
    `---\n${HEAD.replace('summary: A big file.', `summary: "${'\\e'.repeat((MAX_FILE_BYTES - 300) / 2)}"`)}${TAIL}`,
  'a 1 MiB folded block': () => filled(() => '  folded text goes on\n', HEAD.replace('summary: A big file.\n', 'summary: >\n')),
  'aliases, 1 MiB': () => filled((i) => `a${i}: &x${i} *x${i > 0 ? i - 1 : 0}\n`),
  'YAML errors, 1 MiB': () => filled((i) => `k${i}: a: b\n`),
  'tags, 1 MiB': () => filled((i) => `t${i}: !x y\n`),
};

const root = mkdtempSync(join(tmpdir(), 'throughline-bench-hostile-'));
let failed = false;
try {
  cpSync(join(REPO, 'tests/fixtures/base'), root, { recursive: true });
  const path = 'content/accomplishments/2026-h1/hostile.md';
  console.log(`Node ${process.version}; best of ${RUNS} runs per case (wall clock, and CPU time in brackets); budget ${BUDGET_MS} ms`);
  for (const [name, make] of Object.entries(CASES)) {
    if (only !== undefined && !name.includes(only)) continue;
    const text = make();
    writeFileSync(join(root, path), text);
    let best = Infinity;
    let bestCpu = Infinity;
    let result: ReturnType<typeof checkCommand> | undefined;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      result = checkCommand({ root, format: 'pretty', strict: false, today: '2026-11-27', env: {}, isTTY: false });
      best = Math.min(best, performance.now() - started);
      const used = process.cpuUsage(cpu);
      bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
    }
    const shown = result!.stdout.split('\n').filter((line) => line.startsWith(`${path}:`));
    const problems = `${shown.length} (${[...new Set(shown.map((line) => line.split(' ')[2]))].join(', ')})`;
    const over = best > BUDGET_MS;
    failed ||= over;
    console.log(
      `${over ? '✖' : '✓'} ${name.padEnd(44)} ${(Buffer.byteLength(text) / 1024).toFixed(0).padStart(5)} KiB  ${best.toFixed(0).padStart(6)} ms (CPU ${bestCpu.toFixed(0).padStart(5)} ms)  exit ${result!.exitCode}, problems shown: ${problems}`,
    );
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
