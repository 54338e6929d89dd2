import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from './server.ts';

// The static server the browser tests read the built site through: it must answer like GitHub
// Pages, or the tests would pass or fail for reasons the deployed site does not have.

/** A GET (or other method) with the path sent exactly as written, `..` and all. */
function get(origin: string, path: string, method = 'GET'): Promise<{ status: number; type: string; location: string; body: string }> {
  return new Promise((done, fail) => {
    const { hostname, port } = new URL(origin);
    const sent = request({ hostname, port, path, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        done({
          status: response.statusCode ?? 0,
          type: response.headers['content-type'] ?? '',
          location: response.headers.location ?? '',
          body,
        });
      });
    });
    sent.on('error', fail);
    sent.end();
  });
}

describe('the static server', () => {
  let root = '';
  let outside = '';
  let server: StaticServer;

  beforeAll(async () => {
    outside = mkdtempSync(join(tmpdir(), 'throughline-server-'));
    root = join(outside, 'dist');
    const files: Record<string, string> = {
      'index.html': '<h1>Home</h1>',
      '404.html': '<h1>Not found</h1>',
      'goals/ci-speed/index.html': '<h1>CI speed</h1>',
      'feed.html': '<h1>Feed</h1>',
      '_astro/site.css': 'body{}',
      '_astro/site.js': '1',
      'logo.svg': '<svg/>',
      'og/home.png': 'png',
      'fonts/inter.woff2': 'woff2',
      'data/goals.json': '[]',
      'rss.xml': '<rss/>',
      'pagefind/index.pf_meta': 'meta',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    server = await serveStatic(root, '/impact/');
  });

  afterAll(async () => {
    await server.close();
    rmSync(outside, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves index.html for the base path and for directories', async () => {
    expect(await get(server.origin, '/impact/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<h1>Home</h1>' });
    expect(await get(server.origin, '/impact/goals/ci-speed/')).toMatchObject({ status: 200, body: '<h1>CI speed</h1>' });
  });

  it('redirects a directory without its slash, as GitHub Pages does', async () => {
    expect(await get(server.origin, '/impact')).toMatchObject({ status: 301, location: '/impact/' });
    expect(await get(server.origin, '/impact/goals/ci-speed?x=1')).toMatchObject({ status: 301, location: '/impact/goals/ci-speed/?x=1' });
  });

  it('serves x.html for x', async () => {
    expect(await get(server.origin, '/impact/feed')).toMatchObject({ status: 200, body: '<h1>Feed</h1>' });
    expect(await get(server.origin, '/impact/feed/')).toMatchObject({ status: 404, body: '<h1>Not found</h1>' });
    expect(await get(server.origin, '/impact/_astro/site.css/')).toMatchObject({ status: 404 });
  });

  it('sends the content type of each kind of file the build writes', async () => {
    const types: Record<string, string> = {
      '/impact/_astro/site.css': 'text/css; charset=utf-8',
      '/impact/_astro/site.js': 'text/javascript; charset=utf-8',
      '/impact/logo.svg': 'image/svg+xml',
      '/impact/og/home.png': 'image/png',
      '/impact/fonts/inter.woff2': 'font/woff2',
      '/impact/data/goals.json': 'application/json; charset=utf-8',
      '/impact/rss.xml': 'application/xml; charset=utf-8',
      '/impact/pagefind/index.pf_meta': 'application/octet-stream',
    };
    for (const [path, type] of Object.entries(types)) expect((await get(server.origin, path)).type, path).toBe(type);
  });

  it('answers 404 with the site’s 404 page for missing files and anything outside the base path', async () => {
    for (const path of ['/impact/nope/', '/impact/nope.css', '/', '/goals/ci-speed/', '/impactx/']) {
      expect(await get(server.origin, path), path).toMatchObject({
        status: 404,
        type: 'text/html; charset=utf-8',
        body: '<h1>Not found</h1>',
      });
    }
  });

  it('never serves files outside the build', async () => {
    for (const path of [
      '/impact/../secret.txt',
      '/impact/..%2fsecret.txt',
      '/impact/%2e%2e/secret.txt',
      '/impact/goals/..%2f..%2f..%2fsecret.txt',
    ]) {
      const response = await get(server.origin, path);
      expect(response.body, path).not.toBe('secret');
      expect(response.status, path).toBe(404);
    }
    expect((await get(server.origin, '/impact/%E0%A4%A')).status).toBe(400);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    expect(await get(server.origin, '/impact/', 'HEAD')).toMatchObject({ status: 200, body: '' });
    expect((await get(server.origin, '/impact/', 'POST')).status).toBe(405);
  });
});
