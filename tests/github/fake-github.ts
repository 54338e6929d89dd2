import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake GitHub received it. */
export interface Recorded {
  method: string;
  /** Path and query, e.g. `/repos/acme/impact/issues/7/comments?per_page=100`. */
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  html_url: string;
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' } as const;

/**
 * A local stand-in for GitHub's issue-comment API on 127.0.0.1: it keeps the pull request's
 * comments, pages them as GitHub does (per_page, `Link: rel="next"`), checks the bearer token,
 * and can refuse writes the way a read-only token is refused.
 */
export class FakeGitHub {
  readonly requests: Recorded[] = [];
  comments: FakeComment[] = [];
  /** When set, POST and PATCH answer with this status, as GitHub does for a read-only token. */
  refuseWrites: { status: number; message: string; headers?: Record<string, string> } | undefined;
  /** When set, every request answers with this status. */
  failAll: { status: number; body: string } | undefined;
  /** Overrides the `Link` header of a listing page. */
  linkFor: ((page: number, next: string) => string) | undefined;
  private server: Server | undefined;
  private nextId = 1000;

  readonly token: string;
  readonly repository = 'acme/impact';
  readonly issue = 7;

  constructor(token: string) {
    this.token = token;
  }

  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void read(req).then((raw) => {
        const recorded: Recorded = {
          method: req.method ?? '',
          path: req.url ?? '',
          authorization: req.headers.authorization,
          body: raw === '' ? undefined : (JSON.parse(raw) as unknown),
        };
        this.requests.push(recorded);
        const answer = this.answer(recorded);
        res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8', ...answer.headers });
        res.end(answer.body);
      });
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise((done) => server.close(done));
  }

  /** A comment as someone else wrote it before the run. */
  add(body: string, user: FakeComment['user'] = { login: 'ana', type: 'User' }): FakeComment {
    const comment = { id: this.nextId++, body, user, html_url: this.htmlUrl(this.nextId - 1) };
    this.comments.push(comment);
    return comment;
  }

  private htmlUrl(id: number): string {
    return `https://github.com/${this.repository}/pull/${this.issue}#issuecomment-${id}`;
  }

  private answer(req: Recorded): { status: number; body: string; headers?: Record<string, string> } {
    const json = (status: number, data: unknown, headers?: Record<string, string>) => ({
      status,
      body: JSON.stringify(data),
      ...(headers ? { headers } : {}),
    });
    if (this.failAll) return { status: this.failAll.status, body: this.failAll.body };
    if (req.authorization !== `Bearer ${this.token}`) return json(401, { message: 'Bad credentials' });
    const url = new URL(req.path, this.url);
    const list = `/repos/${this.repository}/issues/${this.issue}/comments`;
    const one = new RegExp(`^/repos/${this.repository}/issues/comments/(\\d+)$`).exec(url.pathname);
    if (req.method !== 'GET' && this.refuseWrites)
      return json(this.refuseWrites.status, { message: this.refuseWrites.message }, this.refuseWrites.headers);
    if (req.method === 'GET' && url.pathname === list) {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const slice = this.comments.slice((page - 1) * perPage, page * perPage);
      const next = new URL(`${list}?per_page=${perPage}&page=${page + 1}`, this.url).href;
      const hasNext = page * perPage < this.comments.length;
      const link = this.linkFor ? this.linkFor(page, next) : hasNext ? `<${next}>; rel="next", <${next}>; rel="last"` : undefined;
      return json(200, slice, link ? { Link: link } : undefined);
    }
    if (req.method === 'POST' && url.pathname === list) {
      const comment = { id: this.nextId++, body: (req.body as { body: string }).body, user: BOT, html_url: '' };
      comment.html_url = this.htmlUrl(comment.id);
      this.comments.push(comment);
      return json(201, comment);
    }
    if (req.method === 'PATCH' && one) {
      const comment = this.comments.find((c) => c.id === Number(one[1]));
      if (!comment) return json(404, { message: 'Not Found' });
      comment.body = (req.body as { body: string }).body;
      return json(200, comment);
    }
    return json(404, { message: 'Not Found' });
  }
}

async function read(req: IncomingMessage): Promise<string> {
  let raw = '';
  for await (const chunk of req) raw += (chunk as Buffer).toString('utf8');
  return raw;
}
