// Times 10,000 parses of typical front matter with the fast path and with the reference parser.
// Run: ./node_modules/.bin/node bench/yaml-fast.ts
import { parseDocument } from 'yaml';
import { BAIL, parseFast } from '../src/core/yaml/fast.ts';

const TEXT = `title: Cut median CI time from 22 to 11 minutes
summary: Sharded the test job and added a warm dependency cache.
authors: [alice, dan]
cycle: 2026-h1
date: 2026-04-18
goals:
  - goal: ci-speed
    key_result: ci-p50
    contribution: Sharding saved 9 of the 11 minutes.
unplanned: ""
outcome: delivered
impact:
  - metric: Median CI time
    key_result: ci-p50
    before: 22
    after: 11
    unit: min
evidence:
  - label: "PR #4121"
    url: https://github.com/acme/app/pull/4121
tags: [ci]
visibility: team
draft: false
`;

const OPTIONS = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: true,
  merge: false,
  strict: true,
  prettyErrors: false,
  logLevel: 'silent',
} as const;

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
