import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHistory } from '../src/node/history.ts';

// `npm run bench:history`: what reading the content's history adds to a build. A repository of
// GOALS goal files, each changed in COMMITS commits (a new `current`, now and then a new target),
// read as the build reads it: one `git log`, every version parsed. The limit: under 3 s.

const GOALS = 500;
const COMMITS = 50;
const LIMIT_SECONDS = 3;

const root = mkdtempSync(join(tmpdir(), 'throughline-bench-history-'));
try {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'b@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'b@example.com',
  };
  const git = (...args: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: root, env });
  git('init', '-q', '-b', 'main');
  mkdirSync(join(root, 'content', 'goals'), { recursive: true });
  const started = performance.now();
  for (let commit = 0; commit < COMMITS; commit++) {
    for (let goal = 0; goal < GOALS; goal++) writeFileSync(join(root, 'content', 'goals', `goal-${goal}.md`), goalText(goal, commit));
    const day = new Date(Date.UTC(2026, 0, 1 + commit * 3)).toISOString();
    git('add', '-A');
    execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-qm', `week ${commit}`], {
      cwd: root,
      env: { ...env, GIT_AUTHOR_DATE: day, GIT_COMMITTER_DATE: day },
    });
  }
  console.log(
    `Committed ${GOALS} goals ${COMMITS} times in ${((performance.now() - started) / 1000).toFixed(1)} s; Node ${process.version}`,
  );

  const runs: number[] = [];
  let versions = 0;
  for (let run = 0; run < 3; run++) {
    const readStarted = performance.now();
    const history = await readHistory(root);
    runs.push((performance.now() - readStarted) / 1000);
    if (!history.available) throw new Error(`no history: ${history.gap}`);
    versions = [...history.goals.values()].reduce((sum, list) => sum + list.length, 0);
  }
  const seconds = [...runs].sort((a, b) => a - b)[1]!;
  console.log(
    `History: ${GOALS} goals × ${COMMITS} commits (${versions.toLocaleString('en')} versions) read in ${seconds.toFixed(2)} s, median of 3 (limit ${LIMIT_SECONDS} s)`,
  );
  if (seconds > LIMIT_SECONDS) process.exitCode = 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}

/** A goal's file in the commit'th week: `current` moves every week, the target every tenth. */
function goalText(goal: number, commit: number): string {
  return `---
title: Goal ${goal}, made faster for everyone
owner: person-${goal % 40}
team: team-${goal % 8}
cycle: 2026-h1
status: on-track
visibility: team
key_results:
  - id: median
    title: Median time for step ${goal}
    unit: min
    baseline: 40
    target: ${20 - Math.floor(commit / 10)}
    current: ${40 - (commit % 20)}
  - id: errors
    title: Errors a week
    unit: errors
    baseline: 100
    target: 10
    current: ${100 - commit}
---
Why goal ${goal} matters, in a sentence or two of body text that every version carries along.
`;
}
