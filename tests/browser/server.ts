import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

/** What a static host (GitHub Pages) would send for each kind of file the build writes. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built site the way GitHub Pages does, under `base` (`/impact/`): `index.html` for
 * directories (a redirect adds the missing slash), `x.html` for `x`, and a 404 status with the
 * site's own `404.html` for anything else, including every path outside `base` or outside `root`.
 */
export async function serveStatic(root: string, base: string): Promise<StaticServer> {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with "/": ${base}`);
  const dir = resolve(root);
  const server = createServer((request, response) => {
    handle(dir, base, request, response);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) fail(error);
          else done();
        });
      }),
  };
}

function handle(root: string, base: string, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    response.writeHead(400).end();
    return;
  }
  if (path === base.slice(0, -1)) {
    redirect(response, base + url.search);
    return;
  }
  const file = path.startsWith(base) && !path.includes('\0') ? resolve(root, `.${sep}${path.slice(base.length)}`) : undefined;
  // `resolve` collapses `..`; whatever lands outside the build is not there.
  if (file === undefined || (file !== root && !file.startsWith(root + sep))) {
    notFound(root, request, response);
    return;
  }
  const stats = statOrUndefined(file);
  if (stats?.isDirectory()) {
    if (!url.pathname.endsWith('/')) redirect(response, `${url.pathname}/${url.search}`);
    else if (!send(join(file, 'index.html'), 200, request, response)) notFound(root, request, response);
    return;
  }
  // A file is never a directory: `x.css/` and `x/` (for x.html) are not there.
  const asFile = !url.pathname.endsWith('/');
  const sent = asFile && (send(file, 200, request, response) || (extname(file) === '' && send(`${file}.html`, 200, request, response)));
  if (!sent) notFound(root, request, response);
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(301, { Location: location }).end();
}

function notFound(root: string, request: IncomingMessage, response: ServerResponse): void {
  if (!send(join(root, '404.html'), 404, request, response)) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 Not Found\n');
  }
}

/** Sends the file if it is one; false when it is not there. */
function send(file: string, status: number, request: IncomingMessage, response: ServerResponse): boolean {
  const stats = statOrUndefined(file);
  if (!stats?.isFile()) return false;
  response.writeHead(status, { 'Content-Type': contentType(file), 'Content-Length': stats.size, 'Cache-Control': 'no-cache' });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
  return true;
}
