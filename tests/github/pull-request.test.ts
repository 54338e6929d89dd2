import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git, makeTree, REPO, TODAY } from '../helpers.ts';

/**
 * A pull request, simulated end to end without GitHub: a contributor writes an item with
 * `npm run new`, adds a broken one by hand, and opens a pull request. The check job's own `run:`
 * scripts from .github/workflows/check.yml then run against the merge commit GitHub would check
 * out, with the variables a runner sets. What is asserted is what the contributor sees.
 */

interface Step {
  id?: string;
  name?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Job {
  env?: Record<string, string>;
  steps: Step[];
}

const workflow = parse(readFileSync(join(REPO, '.github/workflows/check.yml'), 'utf8')) as { jobs: { check: Job } };
const job = workflow.jobs.check;

/** The one step whose script runs `throughline <command>`. */
function scriptOf(command: string): Step {
  const steps = job.steps.filter((step) => step.run?.includes(`throughline ${command} `));
  expect(steps).toHaveLength(1);
  return steps[0]!;
}

/** `${{ a.b.c }}` from the event context; anything fancier fails the test rather than being guessed. */
function evaluate(value: string, context: Record<string, unknown>): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    if (!/^[a-z_]+(\.[a-z_]+)*$/.test(expression)) throw new Error(`cannot evaluate \${{ ${expression} }}`);
    const found = expression.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], context);
    if (typeof found !== 'string' && typeof found !== 'number') throw new Error(`\${{ ${expression} }} is not set in the test's context`);
    return String(found);
  });
}

/** `npx throughline …` runs this checkout's CLI; the workflow installs it with `npm ci`. */
function shimDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-bin-'));
  writeFileSync(
    join(dir, 'npx'),
    `#!/bin/sh\nif [ "$1" = throughline ]; then shift; exec "${process.execPath}" "${join(REPO, 'bin/throughline.js')}" "$@"; fi\necho "unexpected: npx $*" >&2\nexit 127\n`,
  );
  chmodSync(join(dir, 'npx'), 0o755);
  return dir;
}

interface PullRequest {
  root: string;
  event: Record<string, unknown>;
  env: Record<string, string>;
}

function runStep(step: Step, pr: PullRequest) {
  const context = { github: { event: pr.event, repository: 'acme/impact' } };
  const env: Record<string, string> = { ...pr.env };
  for (const [key, value] of Object.entries({ ...job.env, ...step.env })) env[key] = evaluate(value, context);
  // GitHub's default shell for `run:` on Linux.
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: pr.root, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const BROKEN = `---
title: "Retries: 3, then 1 — 100% fewer flakes"
summary: Cut retries on the flaky suite.
authors: [ana, bne]
cycle: 2026-h1
date: 2026-05-02
goals: [ci-speed]
outcome: delivred
tags: ["CI: 100%"]
visibility: team
---
## Impact

Fewer reruns.
`;

/**
 * The repository as GitHub's checkout leaves it for a pull request: HEAD is the merge of the
 * branch into main (which has moved on since the branch was cut), HEAD^1 is main.
 */
function openPullRequest(): PullRequest {
  const root = makeTree(undefined, {
    files: { 'content/people/ana.md': '---\nname: Ana Silva\nrole: Engineering Manager\nteam: core\ngithub: ana-silva\n---\n' },
  });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'base');
  git(root, 'switch', '-qc', 'add-items');
  const created = spawnSync(
    'npm',
    [
      'run',
      '--silent',
      'new',
      '--',
      '--root',
      root,
      '--no-input',
      '--author',
      'ana',
      '--title',
      'Cache the test database image',
      '--summary',
      'CI pulls a prebuilt database image instead of building it on every run.',
      '--goal',
      'ci-speed:ci-p50',
      '--outcome',
      'delivered',
      '--visibility',
      'team',
      '--date',
      '2026-05-20',
    ],
    { cwd: REPO, encoding: 'utf8', env: { ...process.env, THROUGHLINE_TODAY: TODAY } },
  );
  expect(created.stderr).toBe('');
  expect(created.status).toBe(0);
  expect(created.stdout).toContain('content/accomplishments/2026-h1/cache-the-test-database-image.md');
  // Then, as its next steps say: the sections answered in the person's own words, and a link.
  const written = join(root, 'content/accomplishments/2026-h1/cache-the-test-database-image.md');
  writeFileSync(
    written,
    readFileSync(written, 'utf8')
      .replace(/^evidence: \[\].*$/m, 'evidence: [{label: "PR #77", url: "https://github.com/example/app/pull/77"}]')
      .replace(/^_.*_$/gm, 'We wrote this part ourselves.'),
  );
  writeFileSync(join(root, 'content/accomplishments/2026-h1/retries.md'), BROKEN);
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'Add two items');
  // Meanwhile main moves on: its change must not show up as the pull request's.
  git(root, 'switch', '-q', 'main');
  writeFileSync(join(root, 'content/goals/ci-speed.md'), `${readFileSync(join(root, 'content/goals/ci-speed.md'), 'utf8')}\nUpdated.\n`);
  git(root, 'commit', '-qam', 'Update a goal');
  merge(root);
  const home = mkdtempSync(join(tmpdir(), 'throughline-runner-'));
  const eventPath = join(home, 'event.json');
  const event = {
    pull_request: { number: 7, user: { login: 'ana-silva' }, head: { repo: { full_name: 'acme/impact' } } },
  };
  writeFileSync(eventPath, JSON.stringify(event));
  const summary = join(home, 'step_summary');
  writeFileSync(summary, '');
  return {
    root,
    event,
    env: {
      PATH: `${shimDir()}:${process.env['PATH'] ?? ''}`,
      HOME: home,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'acme/impact',
      GITHUB_BASE_REF: 'main',
      GITHUB_HEAD_REF: 'add-items',
      GITHUB_WORKSPACE: root,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: home,
      THROUGHLINE_TODAY: TODAY,
    },
  };
}

/** refs/pull/N/merge: main's tip merged with the branch, checked out detached. */
function merge(root: string): void {
  git(root, 'switch', '-q', '--detach', 'main');
  git(root, 'merge', '-q', '--no-ff', '-m', 'Merge add-items into main', 'add-items');
}

describe('a pull request, as the check workflow sees it', () => {
  it('annotates the exact lines, writes the report to the job summary, and fails until the broken item is fixed', () => {
    const pr = openPullRequest();
    const check = runStep(scriptOf('check'), pr);
    expect(check.code).toBe(1);
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatchInlineSnapshot(`
      "::error file=content/accomplishments/2026-h1/retries.md,line=4,col=16,endColumn=19,title=throughline%3A unknown-reference::Unknown person \`bne\` in \`authors[1]\`, expected the id of a file in \`content/people/\`%0Ahint: create \`content/people/bne.md\`, or check the spelling
      ::error file=content/accomplishments/2026-h1/retries.md,line=8,col=1,endColumn=18,title=throughline%3A invalid-value::Unexpected \`delivred\` for \`outcome\`, expected one of \`delivered\`, \`partial\`, \`missed\` or \`learning\`%0Ahint: did you mean \`delivered\`?
      ::error file=content/accomplishments/2026-h1/retries.md,line=9,col=8,endColumn=18,title=throughline%3A invalid-id::Invalid id \`CI: 100%25\` for \`tags[0]\`, expected lowercase words joined by \`-\`, such as \`ci-speed\`%0Ahint: write \`ci-100-percent\`
      ::group::Every problem
      content/accomplishments/2026-h1/retries.md:4:16 error unknown-reference Unknown person \`bne\` in \`authors[1]\`, expected the id of a file in \`content/people/\` (hint: create \`content/people/bne.md\`, or check the spelling)
      content/accomplishments/2026-h1/retries.md:8:1 error invalid-value Unexpected \`delivred\` for \`outcome\`, expected one of \`delivered\`, \`partial\`, \`missed\` or \`learning\` (hint: did you mean \`delivered\`?)
      content/accomplishments/2026-h1/retries.md:9:8 error invalid-id Invalid id \`CI: 100%\` for \`tags[0]\`, expected lowercase words joined by \`-\`, such as \`ci-speed\` (hint: write \`ci-100-percent\`)
      ::endgroup::
      3 errors and 0 warnings in 1 file (only changes since HEAD^1 reported; 13 files checked)
      "
    `);

    const report = runStep(scriptOf('report'), pr);
    expect(report.code).toBe(0);
    const summary = readFileSync(pr.env['GITHUB_STEP_SUMMARY']!, 'utf8');
    expect(summary).toBe(readFileSync(join(pr.root, 'report.md'), 'utf8'));
    expect(summary).toMatchInlineSnapshot(`
      "<!-- throughline:report -->
      ## Throughline report

      ❌ 3 errors and 0 warnings in 1 file (only changes since HEAD^1 reported; 13 files checked)

      ### Accomplishments in this pull request

      - **Cache the test database image** — added · \`content/accomplishments/2026-h1/cache-the-test-database-image.md\`
        - Authors: Ana Silva
        - Goals: Halve CI time (\`ci-speed\`) → Median CI time
        - Outcome: delivered · Visibility: team
        - Team build: shown
        - Public build: not shown — \`visibility: team\`
      - \`content/accomplishments/2026-h1/retries.md\` — added; has errors, see below

      ### Counts after this pull request

      - Ana Silva: 2 of 1–3 in H1 2026 (+1 in this PR)

      ### Problems in changed files

      | Where | Severity | Rule | Problem |
      | --- | --- | --- | --- |
      | \`content/accomplishments/2026-h1/retries.md\` 4:16 | error | \`unknown-reference\` | Unknown person \`bne\` in \`authors[1]\`, expected the id of a file in \`content/people/\`<br>*hint:* create \`content/people/bne.md\`, or check the spelling |
      | \`content/accomplishments/2026-h1/retries.md\` 8:1 | error | \`invalid-value\` | Unexpected \`delivred\` for \`outcome\`, expected one of \`delivered\`, \`partial\`, \`missed\` or \`learning\`<br>*hint:* did you mean \`delivered\`? |
      | \`content/accomplishments/2026-h1/retries.md\` 9:8 | error | \`invalid-id\` | Invalid id \`CI: 100%\` for \`tags[0]\`, expected lowercase words joined by \`-\`, such as \`ci-speed\`<br>*hint:* write \`ci-100-percent\` |

      "
    `);

    // The contributor fixes the item and pushes; GitHub merges again.
    git(pr.root, 'switch', '-q', 'add-items');
    writeFileSync(
      join(pr.root, 'content/accomplishments/2026-h1/retries.md'),
      BROKEN.replace('[ana, bne]', '[ana, ben]').replace('delivred', 'delivered').replace('CI: 100%', 'ci'),
    );
    git(pr.root, 'commit', '-qam', 'Fix the item');
    merge(pr.root);
    writeFileSync(pr.env['GITHUB_STEP_SUMMARY']!, '');
    const fixed = runStep(scriptOf('check'), pr);
    expect(fixed).toMatchObject({ code: 0, stderr: '' });
    expect(fixed.stdout).toMatchInlineSnapshot(`
      "::warning file=content/accomplishments/2026-h1/retries.md,line=8,col=1,endColumn=19,title=throughline%3A no-evidence::No \`evidence\` for an item with \`outcome: delivered\`, expected at least one link that shows the work%0Ahint: add \`evidence: [{label: "PR #123", url: "https://github.com/org/repo/pull/123"}]\`: a pull request, a dashboard or a document
      ::group::Every problem
      content/accomplishments/2026-h1/retries.md:8:1 warning no-evidence No \`evidence\` for an item with \`outcome: delivered\`, expected at least one link that shows the work (hint: add \`evidence: [{label: "PR #123", url: "https://github.com/org/repo/pull/123"}]\`: a pull request, a dashboard or a document)
      ::endgroup::
      0 errors and 1 warning in 1 file (only changes since HEAD^1 reported; 13 files checked)
      "
    `);
    expect(runStep(scriptOf('report'), pr).code).toBe(0);
    expect(readFileSync(pr.env['GITHUB_STEP_SUMMARY']!, 'utf8').split('\n').slice(0, 4).join('\n')).toMatchInlineSnapshot(`
      "<!-- throughline:report -->
      ## Throughline report

      ⚠️ 0 errors and 1 warning in 1 file (only changes since HEAD^1 reported; 13 files checked)"
    `);
  });

  it('`npm run new -- --no-input …` writes an item that the check accepts once its sections and evidence are filled in', () => {
    const pr = openPullRequest();
    rmSync(join(pr.root, 'content/accomplishments/2026-h1/retries.md'));
    const result = spawnSync(process.execPath, [join(REPO, 'bin/throughline.js'), 'check', '--root', pr.root], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', THROUGHLINE_TODAY: TODAY },
    });
    expect({ code: result.status, stdout: result.stdout }).toMatchInlineSnapshot(`
      {
        "code": 0,
        "stdout": "✓ No problems in 12 files
      ",
      }
    `);
    expect(readFileSync(join(pr.root, 'content/accomplishments/2026-h1/cache-the-test-database-image.md'), 'utf8')).toMatchInlineSnapshot(`
      "---
      title: Cache the test database image
      summary: CI pulls a prebuilt database image instead of building it on every run.
      authors: [ana]
      cycle: 2026-h1
      date: 2026-05-20
      goals:
        - goal: ci-speed
          key_result: ci-p50
      outcome: delivered
      impact: [] # e.g. [{metric: Median CI time, key_result: ci-p50, before: 22, after: 11, unit: min}]
      evidence: [{label: "PR #77", url: "https://github.com/example/app/pull/77"}]
      tags: [] # e.g. [ci, caching]
      visibility: team
      draft: false # true keeps it out of the site and the counts while you work on it
      ---
      ## Context

      We wrote this part ourselves.

      ## What we did

      We wrote this part ourselves.

      ## Impact

      We wrote this part ourselves.

      ## What we learned

      We wrote this part ourselves.
      "
    `);
  });
});
