import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCommand } from '../src/cli/check-run.ts';
import { MAX_YAML_LENGTH } from '../src/core/read/read-entry.ts';
import { MAX_FILE_BYTES } from '../src/core/read/source-file.ts';

// `npm run bench:hostile [-- --only NAME --runs N]`: times `throughline check` on one hostile
// file each, every shape twice: as a file of just under 1 MiB (the largest the check reads), and
// with front matter of just under MAX_YAML_LENGTH characters (the largest YAML it parses). Every
// case must stay under 1 s: a pull request must not be able to make the check slow. Timed
// in-process (read, check and the pretty output, as `throughline check` does it) on the valid base
// fixture plus the one file; CPU time is shown too, as the wall clock on a shared machine wobbles.

const REPO = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
const BUDGET_MS = 1000;

const FIELDS =
  'title: Hostile\nsummary: A big file.\nauthors: [ben]\ncycle: 2026-h1\ndate: 2026-03-01\ngoals: [ci-speed]\noutcome: delivered\nvisibility: team\n';
const BODY = '## Impact\n\nIt helped.\n';

/** A hostile shape: the front matter it makes when given about `size` characters. */
type Shape = (size: number) => string;

/** `head`, then `line(0)`, `line(1)`, … while they fit in `size`, then `tail`. */
const repeated =
  (line: (i: number) => string, head = '', tail = ''): Shape =>
  (size) => {
    const parts = [head];
    let length = head.length + tail.length;
    for (let i = 0; ; i++) {
      const next = line(i);
      if (length + next.length > size) break;
      parts.push(next);
      length += next.length;
    }
    parts.push(tail);
    return parts.join('');
  };

/** Block mappings nested one level per line, as deep as `size` allows (or `max`). */
const nestedBlock =
  (max: number): Shape =>
  (size) => {
    const lines = ['nested:\n'];
    let length = lines[0]!.length;
    for (let depth = 1; depth <= max; depth++) {
      const line = `${' '.repeat(depth)}k:\n`;
      if (length + line.length > size) break;
      lines.push(line);
      length += line.length;
    }
    return lines.join('');
  };

const SHAPES: Record<string, Shape> = {
  'unknown keys': repeated((i) => `k${i}: 1\n`),
  'duplicate keys': repeated(() => 'title: again\n'),
  'duplicate keys in a nested mapping': repeated(() => '  a: 1\n', 'nested:\n'),
  'one long list': repeated(() => '  - ci\n', 'tags:\n'),
  'one long flow list': repeated(() => 'ci, ', 'tags: [', 'ci]\n'),
  'nested block mappings, 200 deep': nestedBlock(200),
  'nested block mappings, as deep as fits': nestedBlock(Infinity),
  'nested flow lists, 500 deep': () => `tags: ${'['.repeat(500)}${']'.repeat(500)}\n`,
  'nested flow lists, as deep as fits': (size) => `tags: ${'['.repeat(size / 2 - 10)}${']'.repeat(size / 2 - 10)}\n`,
  'one plain string': (size) => `unplanned: ${'x'.repeat(size - 20)}\n`,
  'one string of escapes': (size) => `unplanned: "${'\\e'.repeat(size / 2 - 20)}"\n`,
  'one folded block': repeated(() => '  folded text goes on\n', 'unplanned: >\n'),
  'anchors and aliases': repeated((i) => `a${i}: &x${i} *x${i > 0 ? i - 1 : 0}\n`),
  'YAML errors': repeated((i) => `k${i}: a: b\n`),
  tags: repeated((i) => `t${i}: !x y\n`),
  'control characters': repeated(() => '# \u0007\u0007\u0007\u0007\u0007\u0007\n'),
};

/** The front matter's room in a file of 1 MiB, and in YAML of at most MAX_YAML_LENGTH. */
const SIZES: Record<string, number> = {
  '1 MiB file': MAX_FILE_BYTES - 8 - FIELDS.length - BODY.length,
  'largest parsed': MAX_YAML_LENGTH - FIELDS.length,
};

const CASES: Record<string, () => string> = {
  // The file: 60,000 unknown keys in 589 KB.
  'unknown keys, 60,000 (589 KB)': () =>
    `---\n${FIELDS}${Array.from({ length: 60_000 }, (_, i) => `k${String(i).padStart(5, '0')}: 1\n`).join('')}---\n${BODY}`,
};
for (const [shape, make] of Object.entries(SHAPES)) {
  // A shape of a fixed size (500 deep) is the same file either way: run it once.
  if (make(SIZES['1 MiB file']!) === make(SIZES['largest parsed']!)) CASES[shape] = () => `---\n${FIELDS}${make(0)}---\n${BODY}`;
  else for (const [size, room] of Object.entries(SIZES)) CASES[`${shape}, ${size}`] = () => `---\n${FIELDS}${make(room)}---\n${BODY}`;
}

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
      `${over ? '✖' : '✓'} ${name.padEnd(58)} ${(Buffer.byteLength(text) / 1024).toFixed(0).padStart(5)} KiB  ${best.toFixed(0).padStart(6)} ms (CPU ${bestCpu.toFixed(0).padStart(5)} ms)  exit ${result!.exitCode}, problems shown: ${problems}`,
    );
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
