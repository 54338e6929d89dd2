import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/comment.ts';
import { command as report } from '../../src/cli/commands/report.ts';
import { commentBody, MAX_COMMENT_CHARS, REPORT_MARKER } from '../../src/cli/github/comment-body.ts';
import { testContext } from '../cli/context.ts';
import { git, makeTree } from '../helpers.ts';
import { FakeGitHub } from './fake-github.ts';

const TOKEN = 'ghs_Secr3tT0kenThatMustNeverBePrinted';
const REPORT = `${REPORT_MARKER}\n## Throughline report\n\n1 item changed, no problems.\n`;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-comment-'));
  cleanups.push(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

async function fakeGitHub(): Promise<FakeGitHub> {
  const github = await new FakeGitHub(TOKEN).start();
  cleanups.push(() => github.stop());
  return github;
}

/** The environment of a `pull_request` job, with the event file written where the runner puts it. */
function actionsEnv(apiUrl: string, event: unknown = { action: 'synchronize', pull_request: { number: 7 } }): NodeJS.ProcessEnv {
  const dir = tempDir();
  writeFileSync(join(dir, 'event.json'), JSON.stringify(event));
  return {
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REPOSITORY: 'acme/impact',
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
    GITHUB_TOKEN: TOKEN,
  };
}

/** Runs `throughline comment FILE` like the workflow step, and checks the token never shows. */
async function comment(env: NodeJS.ProcessEnv, markdown: string | null = REPORT) {
  const dir = tempDir();
  const file = join(dir, 'report.md');
  if (markdown !== null) writeFileSync(file, markdown);
  const ctx = testContext(dir, { env });
  const code = await command.run({}, ctx, file);
  expect(ctx.out()).not.toContain(TOKEN);
  expect(ctx.err()).not.toContain(TOKEN);
  return { code, out: ctx.out(), err: ctx.err() };
}

describe('throughline comment', () => {
  it('posts the report as a new comment when the pull request has none', async () => {
    const github = await fakeGitHub();
    const result = await comment(actionsEnv(github.url));
    expect(result).toEqual({
      code: 0,
      out: 'Posted the Throughline comment on pull request #7: https://github.com/acme/impact/pull/7#issuecomment-1000\n',
      err: '',
    });
    expect(github.requests).toEqual([
      { method: 'GET', path: '/repos/acme/impact/issues/7/comments?per_page=100', authorization: `Bearer ${TOKEN}`, body: undefined },
      { method: 'POST', path: '/repos/acme/impact/issues/7/comments', authorization: `Bearer ${TOKEN}`, body: { body: REPORT } },
    ]);
  });

  it('edits its own comment on a later page instead of adding another, and leaves people’s comments alone', async () => {
    const github = await fakeGitHub();
    // A person quoting the report (marker and all) comes first: it must not be mistaken for ours.
    const quote = github.add(`${REPORT_MARKER}\n> 1 item changed, no problems.\n\nNice!`);
    for (let i = 0; i < 130; i++) github.add(`comment ${i}`);
    const ours = github.add(`${REPORT_MARKER}\nthe previous report`, { login: 'github-actions[bot]', type: 'Bot' });
    const other = github.add(`${REPORT_MARKER}\nan even older duplicate`, { login: 'github-actions[bot]', type: 'Bot' });

    const result = await comment(actionsEnv(github.url));
    expect(result.out).toBe(
      `Updated the Throughline comment on pull request #7: https://github.com/acme/impact/pull/7#issuecomment-${ours.id}\n`,
    );
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/acme/impact/issues/7/comments?per_page=100',
      'GET /repos/acme/impact/issues/7/comments?per_page=100&page=2',
      `PATCH /repos/acme/impact/issues/comments/${ours.id}`,
    ]);
    expect(github.requests.at(-1)).toMatchObject({ authorization: `Bearer ${TOKEN}`, body: { body: REPORT } });
    expect(github.comments.find((c) => c.id === quote.id)!.body).toContain('Nice!');
    expect(github.comments.find((c) => c.id === other.id)!.body).toContain('an even older duplicate');
  });

  it('keeps one comment over many runs', async () => {
    const github = await fakeGitHub();
    github.add(`${REPORT_MARKER}\nquoted by a person`);
    for (const report of ['first', 'second', 'third']) await comment(actionsEnv(github.url), `${REPORT_MARKER}\n${report}\n`);
    expect(github.comments.map((c) => [c.user.type, c.body])).toEqual([
      ['User', `${REPORT_MARKER}\nquoted by a person`],
      ['Bot', `${REPORT_MARKER}\nthird\n`],
    ]);
  });

  it('adds the marker when the file lacks it, so the next run finds the comment', async () => {
    const github = await fakeGitHub();
    await comment(actionsEnv(github.url), '## Report without a marker\n');
    expect(github.requests.at(-1)!.body).toEqual({ body: `${REPORT_MARKER}\n## Report without a marker\n` });
  });

  it('cuts a report over GitHub’s 65,536 characters and says where the rest is', async () => {
    const github = await fakeGitHub();
    const long = `${REPORT_MARKER}\n${Array.from({ length: 3000 }, (_, i) => `- item number ${i} of a very long report`).join('\n')}\n`;
    expect(long.length).toBeGreaterThan(MAX_COMMENT_CHARS);
    const result = await comment(actionsEnv(github.url), long);
    expect(result.out).toContain('(cut to fit; the job summary has all of it)');
    const body = (github.requests.at(-1)!.body as { body: string }).body;
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body.startsWith(REPORT_MARKER)).toBe(true);
    expect(body.split('\n').at(-2)).toMatchInlineSnapshot(
      `"_This report was cut short to fit in a comment (GitHub allows 65,536 characters); [the job summary](https://github.com/acme/impact/actions/runs/42) has all of it._"`,
    );
    // Cut at a line break: the last kept line is a whole item.
    expect(body.split('\n\n---\n\n')[0]!.split('\n').at(-1)).toMatch(/^- item number \d+ of a very long report$/);
  });

  it('explains a read-only token (a fork’s pull request) in one line and exits 0', async () => {
    const github = await fakeGitHub();
    github.refuseWrites = { status: 403, message: 'Resource not accessible by integration' };
    const result = await comment(actionsEnv(github.url));
    expect(result).toMatchInlineSnapshot(`
      {
        "code": 0,
        "err": "throughline: cannot comment: the token may not write to pull requests (a fork's pull request?); the job summary has the report
      ",
        "out": "",
      }
    `);
    expect(github.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
  });

  it('treats a 404 from a private repository the same way', async () => {
    const github = await fakeGitHub();
    github.failAll = { status: 404, body: '{"message":"Not Found"}' };
    const result = await comment(actionsEnv(github.url));
    expect(result.code).toBe(0);
    expect(result.err).toContain("the token may not write to pull requests (a fork's pull request?)");
  });

  it('fails on a rate limit rather than calling it a permission problem', async () => {
    const github = await fakeGitHub();
    github.refuseWrites = { status: 403, message: 'API rate limit exceeded for installation.', headers: { 'x-ratelimit-remaining': '0' } };
    const result = await comment(actionsEnv(github.url));
    expect(result).toMatchInlineSnapshot(`
      {
        "code": 1,
        "err": "throughline: cannot comment: GitHub answered 403 Forbidden to POST /repos/acme/impact/issues/7/comments: API rate limit exceeded for installation.
      ",
        "out": "",
      }
    `);
  });

  it('reports a server error in one line and exits 1', async () => {
    const github = await fakeGitHub();
    github.failAll = { status: 502, body: '<html>\n<body>Bad gateway</body>\n</html>' };
    const result = await comment(actionsEnv(github.url));
    expect(result).toMatchInlineSnapshot(`
      {
        "code": 1,
        "err": "throughline: cannot comment: GitHub answered 502 Bad Gateway to GET /repos/acme/impact/issues/7/comments?per_page=100: <html> <body>Bad gateway</body> </html>
      ",
        "out": "",
      }
    `);
  });

  it('says a refused token was refused, without printing it', async () => {
    const github = await fakeGitHub();
    const result = await comment({ ...actionsEnv(github.url), GITHUB_TOKEN: 'ghs_SomeOtherTokenWhichIsWrong' });
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'throughline: cannot comment: GitHub answered 401 Unauthorized to GET /repos/acme/impact/issues/7/comments?per_page=100: Bad credentials\n',
    );
    expect(result.err).not.toContain('ghs_SomeOtherTokenWhichIsWrong');
  });

  it('reports an unreachable API in one line and exits 1', async () => {
    const port = await new Promise<number>((done) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => {
          done(port);
        });
      });
    });
    const result = await comment(actionsEnv(`http://127.0.0.1:${port}`));
    expect(result.code).toBe(1);
    expect(result.err.replace(String(port), 'PORT')).toBe(
      'throughline: cannot comment: could not reach http://127.0.0.1:PORT (ECONNREFUSED)\n',
    );
  });

  it('never follows a next page to another host with the token', async () => {
    const github = await fakeGitHub();
    github.linkFor = () => '<https://evil.example/repos/acme/impact/issues/7/comments?page=2>; rel="next"';
    const result = await comment(actionsEnv(github.url));
    expect(result.code).toBe(1);
    expect(result.err.replace(github.url, 'API')).toBe(
      "throughline: cannot comment: GitHub's next page is at https://evil.example/repos/acme/impact/issues/7/comments, outside API/; not sending the token there\n",
    );
    expect(github.requests).toHaveLength(1);
  });
});

describe('the workflow’s report → comment hand-over', () => {
  it('posts exactly what `throughline report --out` wrote, found again on the next run by its marker', async () => {
    const root = makeTree();
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    writeFileSync(
      join(root, 'content/accomplishments/2026-h1/cut-ci-time.md'),
      `${readFileSync(join(root, 'content/accomplishments/2026-h1/cut-ci-time.md'), 'utf8')}\nMore detail.\n`,
    );
    const reportCtx = testContext(root);
    expect(await report.run({ base: 'HEAD', out: 'report.md' }, reportCtx)).toBe(0);
    const markdown = readFileSync(join(root, 'report.md'), 'utf8');
    expect(markdown.startsWith(`${REPORT_MARKER}\n`)).toBe(true);

    const github = await fakeGitHub();
    for (let run = 0; run < 2; run++)
      expect(await command.run({}, testContext(root, { env: actionsEnv(github.url) }), 'report.md')).toBe(0);
    expect(github.requests.filter((r) => r.method !== 'GET').map((r) => [r.method, r.body])).toEqual([
      ['POST', { body: markdown }],
      ['PATCH', { body: markdown }],
    ]);
  });
});

describe('throughline comment: bad calls', () => {
  it('names every missing variable at once', async () => {
    await expect(comment({})).rejects.toThrowErrorMatchingInlineSnapshot(
      `[UsageError: GITHUB_EVENT_PATH, GITHUB_REPOSITORY and GITHUB_TOKEN are not set: the comment command runs in a GitHub Actions job; pass the token in the step, \`env: GITHUB_TOKEN: \${{ github.token }}\`]`,
    );
    const noToken = { ...actionsEnv('http://127.0.0.1:9'), GITHUB_TOKEN: '' };
    await expect(comment(noToken)).rejects.toThrowErrorMatchingInlineSnapshot(
      `[UsageError: GITHUB_TOKEN is not set: the comment command runs in a GitHub Actions job; pass the token in the step, \`env: GITHUB_TOKEN: \${{ github.token }}\`]`,
    );
  });

  it('refuses to run outside a pull request event', async () => {
    const env = { ...actionsEnv('http://127.0.0.1:9', { ref: 'refs/heads/main', commits: [] }), GITHUB_EVENT_NAME: 'push' };
    await expect(comment(env)).rejects.toThrowErrorMatchingInlineSnapshot(
      `[UsageError: not a pull request event (this run is a \`push\` event): the comment goes on a pull request, so run it in a workflow \`on: pull_request\`]`,
    );
  });

  it('says which file is missing or empty, and that FILE is needed', async () => {
    const env = actionsEnv('http://127.0.0.1:9');
    await expect(comment(env, null)).rejects.toThrow(/^cannot read `.*report\.md`: no such file; pass the Markdown file to post/);
    await expect(comment(env, ' \n')).rejects.toThrow(/`.*report\.md` is empty: there is nothing to post$/);
    await expect(command.run({}, testContext(tempDir(), { env }))).rejects.toThrowErrorMatchingInlineSnapshot(
      `[UsageError: comment needs the Markdown file to post, e.g. \`throughline comment report.md\`]`,
    );
  });

  it('rejects a malformed GITHUB_REPOSITORY', async () => {
    const env = { ...actionsEnv('http://127.0.0.1:9'), GITHUB_REPOSITORY: 'impact' };
    await expect(comment(env)).rejects.toThrowErrorMatchingInlineSnapshot(
      `[UsageError: GITHUB_REPOSITORY \`impact\` is not written owner/name, e.g. \`acme/impact\`]`,
    );
  });
});

describe('comment body', () => {
  it('closes a code fence and <details> the cut leaves open', () => {
    const rows = Array.from({ length: 400 }, (_, i) => `line ${i}`).join('\n');
    const { body, truncated } = commentBody(
      `${REPORT_MARKER}\n<details><summary>All problems</summary>\n\n\`\`\`text\n${rows}\n\`\`\`\n</details>\n`,
      {
        limit: 1000,
      },
    );
    expect(truncated).toBe(true);
    expect(body.length).toBeLessThanOrEqual(1000);
    expect(body.slice(body.lastIndexOf('line'))).toMatchInlineSnapshot(`
      "line 91
      \`\`\`
      </details>

      ---

      _This report was cut short to fit in a comment (GitHub allows 1,000 characters); the job summary of this run has all of it._
      "
    `);
  });

  it('leaves a report within the limit exactly as written', () => {
    expect(commentBody(REPORT)).toEqual({ body: REPORT, truncated: false });
  });
});
