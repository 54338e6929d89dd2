import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { defineCommand } from '../command.ts';
import { UsageError } from '../../core/diagnostics/errors.ts';
import { GitHubError, gitHubClient } from '../github/api.ts';
import { commentBody } from '../github/comment-body.ts';
import { pullRequestRun } from '../github/event.ts';
import { isReadOnlyRefusal, upsertComment } from '../github/upsert.ts';

export const READ_ONLY_NOTICE =
  "cannot comment: the token may not write to pull requests (a fork's pull request?); the job summary has the report";

/**
 * `throughline comment FILE`: the pull request's one Throughline comment, from a Markdown file
 * (the report). Runs in GitHub Actions; everything it needs comes from the job's environment.
 */
export const command = defineCommand({
  name: 'comment',
  summary: "Post a Markdown file as the pull request's Throughline comment, editing the earlier one",
  argument: {
    name: 'FILE',
    description:
      'The Markdown to post, relative to --root: the --out file of `throughline report`. Reads GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_API_URL and GITHUB_TOKEN, as a pull_request workflow sets them',
    doc: 'The Markdown to post, relative to `--root`: the `--out` file of `throughline report`.',
  },
  options: {},
  async run(_values, ctx, file) {
    if (file === undefined) throw new UsageError('comment needs the Markdown file to post, e.g. `throughline comment report.md`');
    const markdown = readMarkdown(ctx.root, file);
    const run = pullRequestRun(ctx.env);
    // The runner masks the token in logs; this keeps it out of any other place output goes.
    const say = (stream: Writable, line: string) => stream.write(`${run.token.length >= 4 ? line.split(run.token).join('***') : line}\n`);
    const { body, truncated } = commentBody(markdown, { runUrl: run.runUrl });
    try {
      const { action, comment } = await upsertComment(gitHubClient(run), run.number, body);
      const cut = truncated ? ' (cut to fit; the job summary has all of it)' : '';
      say(
        ctx.stdout,
        `${action === 'updated' ? 'Updated' : 'Posted'} the Throughline comment on pull request #${run.number}${cut}: ${comment.html_url}`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      if (isReadOnlyRefusal(error)) {
        say(ctx.stderr, `throughline: ${READ_ONLY_NOTICE}`);
        return 0;
      }
      say(ctx.stderr, `throughline: cannot comment: ${error.message}`);
      return 1;
    }
  },
});

function readMarkdown(root: string, file: string): string {
  let text: string;
  try {
    text = readFileSync(resolve(root, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? (error as Error).message);
    throw new UsageError(`cannot read \`${file}\`: ${reason}; pass the Markdown file to post, e.g. the report's --out file`);
  }
  if (text.trim() === '') throw new UsageError(`\`${file}\` is empty: there is nothing to post`);
  return text;
}
