import { z } from 'zod';

/** The fields of an issue comment this client reads; GitHub sends many more, which are dropped. */
const CommentSchema = z.object({
  id: z.number().int(),
  body: z.string().nullish(),
  html_url: z.string(),
  /** Null when the account was deleted ("ghost"). */
  user: z.object({ login: z.string(), type: z.string() }).nullish(),
});
export type IssueComment = z.infer<typeof CommentSchema>;

/** A request GitHub refused or that never got an answer. The message names no secret. */
export class GitHubError extends Error {
  override name = 'GitHubError';
  /** The HTTP status; absent when GitHub could not be reached. */
  status: number | undefined;
  /** A 403 or 429 that is GitHub's rate limit, not a missing permission. */
  rateLimited: boolean;
  constructor(message: string, status?: number, rateLimited = false) {
    super(message);
    this.status = status;
    this.rateLimited = rateLimited;
  }
}

export interface GitHubClientOptions {
  apiUrl: string;
  owner: string;
  repo: string;
  token: string;
  /** Per request; a hung connection must not eat the job's whole timeout. */
  timeoutMs?: number;
}

/** Every comment page is at most this big; GitHub's maximum. */
export const PER_PAGE = 100;
/** 100 pages of 100: a pull request with more comments than that is not worth paging through. */
const MAX_PAGES = 100;

/** The three issue-comment calls the PR comment needs, on GitHub's REST API. */
export interface GitHubClient {
  listComments(issue: number): Promise<IssueComment[]>;
  createComment(issue: number, body: string): Promise<IssueComment>;
  updateComment(id: number, body: string): Promise<IssueComment>;
}

export function gitHubClient(options: GitHubClientOptions): GitHubClient {
  const api = new URL(`${options.apiUrl}/`);
  const repoPath = `repos/${encodeURIComponent(options.owner)}/${encodeURIComponent(options.repo)}`;
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function request(method: string, url: URL, body?: unknown): Promise<{ data: unknown; link: string | null }> {
    const where = `${method} ${url.pathname}${url.search}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          Accept: 'application/vnd.github+json',
          Authorization: `Bearer ${options.token}`,
          'X-GitHub-Api-Version': '2022-11-28',
          'User-Agent': 'throughline',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new GitHubError(`could not reach ${api.origin} (${networkReason(error, timeoutMs)})`);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const message = githubMessage(text);
      const rateLimited =
        response.status === 429 ||
        (response.status === 403 && (response.headers.get('x-ratelimit-remaining') === '0' || /rate limit/i.test(message)));
      throw new GitHubError(
        `GitHub answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} to ${where}${message ? `: ${message}` : ''}`,
        response.status,
        rateLimited,
      );
    }
    try {
      return { data: JSON.parse(text) as unknown, link: response.headers.get('link') };
    } catch {
      throw new GitHubError(`GitHub's answer to ${where} is not JSON`, response.status);
    }
  }

  function comment(data: unknown, where: string): IssueComment {
    const parsed = CommentSchema.safeParse(data);
    if (!parsed.success) throw new GitHubError(`GitHub's answer to ${where} is not a comment`);
    return parsed.data;
  }

  return {
    async listComments(issue) {
      const comments: IssueComment[] = [];
      let url: URL | undefined = new URL(`${repoPath}/issues/${issue}/comments?per_page=${PER_PAGE}`, api);
      for (let page = 0; url && page < MAX_PAGES; page++) {
        const { data, link } = await request('GET', url);
        const parsed = z.array(CommentSchema).safeParse(data);
        if (!parsed.success) throw new GitHubError(`GitHub's answer to GET ${url.pathname}${url.search} is not a list of comments`);
        comments.push(...parsed.data);
        url = nextPage(link, api);
      }
      return comments;
    },
    async createComment(issue, body) {
      const url = new URL(`${repoPath}/issues/${issue}/comments`, api);
      return comment((await request('POST', url, { body })).data, `POST ${url.pathname}`);
    },
    async updateComment(id, body) {
      const url = new URL(`${repoPath}/issues/comments/${id}`, api);
      return comment((await request('PATCH', url, { body })).data, `PATCH ${url.pathname}`);
    },
  };
}

/**
 * The `rel="next"` address of a `Link` header. It must lie under the API root: the token goes
 * with every request, so a page elsewhere is refused rather than followed.
 */
export function nextPage(link: string | null, api: URL): URL | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    const rel = match ? /(?:^|;)\s*rel\s*=\s*"?([^";]*)"?/i.exec(match[2]!)?.[1] : undefined;
    if (!match || !rel?.trim().split(/\s+/).includes('next')) continue;
    let next: URL;
    try {
      next = new URL(match[1]!, api);
    } catch {
      throw new GitHubError(`GitHub's next page address \`${match[1]!}\` is not a URL`);
    }
    if (next.origin !== api.origin || !next.pathname.startsWith(api.pathname))
      throw new GitHubError(`GitHub's next page is at ${next.origin}${next.pathname}, outside ${api.href}; not sending the token there`);
    return next;
  }
  return undefined;
}

/** GitHub's own one-line explanation from an error body (`{"message": ...}`), if any. */
function githubMessage(text: string): string {
  let message = text;
  try {
    const data = JSON.parse(text) as unknown;
    if (typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string')
      message = (data as { message: string }).message;
  } catch {
    // Not JSON (a proxy's HTML page): the start of the text still says something.
  }
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer in ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
