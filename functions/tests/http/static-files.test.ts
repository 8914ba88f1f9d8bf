import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpHandler } from '../../src/http/handler-kit.js';
import { contentSecurityPolicy } from '../../src/http/headers.js';
import { createLocalServer, type LocalServer } from '../../src/http/local-server.js';
import { createLogger } from '../../src/http/logger.js';

const silent = createLogger({ level: 'silent' });
const INDEX = '<!doctype html><html lang="zh-CN"><title>办事</title><div id="root"></div></html>';
let root: string;
let server: LocalServer;

/** A GET with the path exactly as written (fetch would normalise `/../`). */
function rawGet(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/`, { method: 'GET', path }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'banshi-static-'));
  const dist = join(root, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await writeFile(join(dist, 'index.html'), INDEX);
  await writeFile(join(dist, 'assets', 'index-abc123.js'), 'console.log("办事")');
  await writeFile(join(dist, 'assets', 'index-abc123.css'), 'body{margin:0}');
  await writeFile(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(root, 'secret.json'), '{"secret":"outside the web root"}');
  server = await createLocalServer({
    logger: silent,
    staticDir: dist,
    routes: { 'GET /api/ping': httpHandler({ auth: 'none', logger: silent }, async () => ({ body: { pong: true } })) },
  });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('the local server serving the web app', () => {
  it.each(['/', '/workbench', '/cases/c-123/history', '/apply/senior-card?step=2'])('serves index.html for the app route %s', async (path) => {
    const res = await rawGet(path);

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toBe(INDEX);
  });

  it('serves the app with the same Content-Security-Policy as CloudFront in AWS: no framing, own scripts, inline styles for antd', async () => {
    const res = await rawGet('/workbench');
    const csp = String(res.headers['content-security-policy']);

    expect(csp).toBe(contentSecurityPolicy());
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "frame-ancestors 'none'", "object-src 'none'"]) expect(csp).toContain(directive);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it.each(['/', '/assets/index-abc123.js', '/assets/index-abc123.css', '/favicon.svg', '/config.json', '/assets/gone-000.js', '/api/ping', '/api/nope', '/../secret.json'])(
    'marks %s nosniff',
    async (path) => {
      const res = await rawGet(path);

      expect(res.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it.each([
    ['/assets/index-abc123.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/assets/index-abc123.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/favicon.svg', 'image/svg+xml', 'no-cache'],
  ])('serves %s as %s with cache-control %s', async (path, type, cache) => {
    const res = await rawGet(path);

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['cache-control']).toBe(cache);
  });

  it('answers a missing asset with 404 rather than the app shell', async () => {
    const res = await rawGet('/assets/gone-000.js');

    expect(res.status).toBe(404);
    expect(res.text).not.toContain('<!doctype html>');
  });

  it('leaves /api to the routes: a known route answers, an unknown one is a 404 problem', async () => {
    const ping = await rawGet('/api/ping');
    const nope = await rawGet('/api/nope');

    expect(JSON.parse(ping.text)).toEqual({ pong: true });
    expect(nope.status).toBe(404);
    expect(nope.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(nope.text)).toMatchObject({ status: 404 });
  });

  it.each(['/../secret.json', '/%2e%2e/secret.json', '/assets/..%2f..%2fsecret.json', '/..%5csecret.json', '/%2e%2e%2f%2e%2e%2fpackage.json', '/../package.json'])(
    'never serves a file outside the web root for %s',
    async (path) => {
      const res = await rawGet(path);

      expect(res.status).toBe(404);
      expect(res.text).not.toContain('outside the web root');
      expect(res.text).not.toContain('"devDependencies"');
      expect(res.headers['content-type']).toContain('application/problem+json');
    },
  );

  it('does not serve the app for other methods', async () => {
    const res = await fetch(`${server.url}/workbench`, { method: 'POST' });

    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
