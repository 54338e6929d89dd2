// Times 10,000 parses of typical front matter with the fast path and with the reference parser.
// Run: ./node_modules/.bin/node bench/yaml-fast.ts
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { YAML_OPTIONS } from '../src/core/read/yaml/full.ts';
import { BAIL, parseFast } from '../src/core/read/yaml/fast.ts';

const TEXT = readFileSync(new URL('../tests/fixtures/typical-front-matter.yaml', import.meta.url), 'utf8');

const OPTIONS = YAML_OPTIONS;

const RUNS = 10_000;

if (parseFast(TEXT) === BAIL) throw new Error('the benchmark input must take the fast path');
if (JSON.stringify(parseFast(TEXT)) !== JSON.stringify(parseDocument(TEXT, OPTIONS).toJS())) {
  throw new Error('fast path and reference disagree on the benchmark input');
}

// Best of several rounds, so JIT warm-up and GC pauses in one round do not decide the result.
function time(parse: (text: string) => unknown): number {
  let best = Infinity;
  let sink = 0;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    for (let i = 0; i < RUNS; i++) {
      if (parse(TEXT) !== null) sink++;
    }
    best = Math.min(best, performance.now() - start);
  }
  if (sink === 0) throw new Error('unreachable: keeps the loop from being optimised away');
  return best;
}

const fast = time(parseFast);
const reference = time((text) => parseDocument(text, OPTIONS).toJS());
console.log(`${RUNS} parses of typical front matter (best of 5 rounds)`);
console.log(`parseFast:               ${fast.toFixed(1)} ms`);
console.log(`yaml parseDocument+toJS: ${reference.toFixed(1)} ms`);
console.log(`speed-up:                ${(reference / fast).toFixed(1)}x`);
