import { readFileSync } from 'node:fs';
import { listText } from '../../core/text/suggest.ts';
import { UsageError } from '../../core/diagnostics/errors.ts';

/** The pull request a workflow run belongs to, and what it takes to talk to the API about it. */
export interface PullRequestRun {
  /** The REST API root without a trailing slash: https://api.github.com, or a GHES `/api/v3`. */
  apiUrl: string;
  owner: string;
  repo: string;
  number: number;
  token: string;
  /** The run's page, for pointing at its job summary; absent outside Actions. */
  runUrl?: string | undefined;
}

/** Variables the Actions runner sets for every step, except GITHUB_TOKEN, which the step's `env:` passes. */
const REQUIRED = ['GITHUB_EVENT_PATH', 'GITHUB_REPOSITORY', 'GITHUB_TOKEN'] as const;

/**
 * Reads the run's pull request from the environment GitHub Actions provides. Every missing or
 * malformed variable is named in one message; nothing it throws contains the token.
 */
export function pullRequestRun(env: NodeJS.ProcessEnv): PullRequestRun {
  const missing = REQUIRED.filter((name) => !env[name]);
  if (missing.length > 0) {
    const hint = missing.includes('GITHUB_TOKEN') ? '; pass the token in the step, `env: GITHUB_TOKEN: ${{ github.token }}`' : '';
    throw new UsageError(
      `${listText(missing)} ${missing.length === 1 ? 'is' : 'are'} not set: the comment command runs in a GitHub Actions job${hint}`,
    );
  }
  const repository = env['GITHUB_REPOSITORY']!;
  const [owner, repo, ...rest] = repository.split('/');
  if (!owner || !repo || rest.length > 0)
    throw new UsageError(`GITHUB_REPOSITORY \`${repository}\` is not written owner/name, e.g. \`acme/impact\``);
  const apiUrl = (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(apiUrl)) throw new UsageError(`GITHUB_API_URL \`${apiUrl}\` is not an http(s) address`);
  const number = pullRequestNumber(env['GITHUB_EVENT_PATH']!, env['GITHUB_EVENT_NAME']);
  const server = env['GITHUB_SERVER_URL']?.replace(/\/+$/, '');
  const runId = env['GITHUB_RUN_ID'];
  return {
    apiUrl,
    owner,
    repo,
    number,
    token: env['GITHUB_TOKEN']!,
    runUrl: server && runId ? `${server}/${owner}/${repo}/actions/runs/${runId}` : undefined,
  };
}

function pullRequestNumber(eventPath: string, eventName: string | undefined): number {
  let event: unknown;
  try {
    event = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`cannot read the event file GITHUB_EVENT_PATH (${eventPath}): ${reason}`);
  }
  const pr = typeof event === 'object' && event !== null ? (event as { pull_request?: unknown }).pull_request : undefined;
  const number = typeof pr === 'object' && pr !== null ? (pr as { number?: unknown }).number : undefined;
  if (typeof number === 'number' && Number.isInteger(number) && number > 0) return number;
  const which = eventName ? ` (this run is a \`${eventName}\` event)` : '';
  throw new UsageError(
    `not a pull request event${which}: the comment goes on a pull request, so run it in a workflow \`on: pull_request\``,
  );
}
