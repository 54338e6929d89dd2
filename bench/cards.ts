import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CardSpec } from '../src/core/card-spec.ts';
import { buildCards } from '../src/og/build.ts';

// `npm run bench:cards [-- --cards N]`: renders N social cards (2,000 by default) cold, with an
// empty cache, then warm, with every card cached, through the same path a build takes (the card
// list, the worker pool, the cache). Reports ms per card and the peak growth of the process's
// resident memory (workers included), and fails past 300 MB: a rasteriser that keeps memory per
// card shows up here.

const args = process.argv.slice(2);
const i = args.indexOf('--cards');
const CARDS = i === -1 ? 2_000 : Number(args[i + 1]);
const LIMIT_MB = 300;
const MB = 1024 * 1024;

const outcomes = ['delivered', 'partial', 'missed', 'learning'] as const;
const specs: CardSpec[] = Array.from({ length: CARDS }, (_, n) => ({
  file: `items/bench/card-${n}.png`,
  kicker: `Accomplishment · Cycle ${n % 4}`,
  title: `Accomplishment number ${n}: cut the median time of something important by ${n % 97} percent`,
  badge: { label: outcomes[n % 4]!, tone: outcomes[n % 4]! },
  lines: [`By Person ${n % 50} and Person ${(n + 7) % 50}`, `Moves: Goal ${n % 30}`],
  site: 'Bench impact',
}));

const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-cards-'));
try {
  const cache = join(dir, 'cache');
  const run = async (label: string) => {
    const out = join(dir, `out-${label}`);
    mkdirSync(join(out, 'og'), { recursive: true });
    writeFileSync(join(out, 'og', 'cards.json'), JSON.stringify(specs));
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const stats = await buildCards(out, cache);
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const growth = (peak - before) / MB;
    console.log(
      `${label}: ${stats.rendered} rendered, ${stats.reused} reused in ${(ms / 1000).toFixed(1)} s, ${(ms / CARDS).toFixed(2)} ms per card; peak RSS growth ${growth.toFixed(0)} MB`,
    );
    rmSync(out, { recursive: true, force: true });
    return growth;
  };
  console.log(`${CARDS} cards on ${availableParallelism()} cores; Node ${process.version}`);
  const cold = await run('cold');
  const warm = await run('warm');
  if (Math.max(cold, warm) > LIMIT_MB) {
    console.error(`FAIL: peak RSS grew by more than ${LIMIT_MB} MB`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
