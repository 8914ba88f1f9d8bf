import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signToken } from '../../src/http/auth.js';
import { httpHandler } from '../../src/http/handler-kit.js';
import { createLocalServer, type LocalServer } from '../../src/http/local-server.js';
import { createLogger } from '../../src/http/logger.js';

const silent = createLogger({ level: 'silent' });
/** What the server itself logged (not the handlers), parsed. */
const serverLines: Record<string, unknown>[] = [];
let server: LocalServer;

beforeAll(async () => {
  server = await createLocalServer({
    logger: createLogger({ level: 'debug', sink: (line) => serverLines.push(JSON.parse(line)) }),
    routes: {
      'GET /api/ping': httpHandler({ auth: 'none', logger: silent }, async () => ({ body: { pong: true } })),
      'POST /api/echo': httpHandler({ auth: 'none', body: 'json', logger: silent }, async ({ body, query, event }) => ({
        status: 201,
        body: { body, query, base64: event.isBase64Encoded, routeKey: event.routeKey },
      })),
      'GET /api/cases/{caseId}': httpHandler({ auth: 'required', logger: silent }, async ({ params, principal }) => ({
        body: { caseId: params.caseId, userId: principal.userId },
      })),
    },
  });
});

afterAll(async () => {
  await server.close();
});

/** Sends a raw upload with node:http so that the test controls chunking and Content-Length. */
function upload(path: string, chunks: Buffer[], headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    const writeNext = (index: number): void => {
      if (index >= chunks.length || req.destroyed) {
        req.end();
        return;
      }
      req.write(chunks[index], () => writeNext(index + 1));
    };
    writeNext(0);
  });
}

describe('the local server', () => {
  it('listens on 127.0.0.1 and serves its routes', async () => {
    const response = await fetch(`${server.url}/api/ping`);

    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ pong: true });
  });

  it('marks every response nosniff and unframeable: answers, problems, unknown routes, refused bodies', async () => {
    const responses = [
      await fetch(`${server.url}/api/ping`),
      await fetch(`${server.url}/api/nope`),
      await fetch(`${server.url}/api/echo`),
      await fetch(`${server.url}/api/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(300 * 1024) }),
      await fetch(`${server.url}/api/cases/BS-1`),
    ];

    expect(responses.map((r) => r.status)).toEqual([200, 404, 405, 413, 401]);
    for (const response of responses) {
      expect(response.headers.get('x-content-type-options'), response.url).toBe('nosniff');
      expect(response.headers.get('content-security-policy'), response.url).toContain("frame-ancestors 'none'");
    }
  });

  it('turns a request into an HTTP API event and writes the handler\'s result', async () => {
    const response = await fetch(`${server.url}/api/echo?page=2&tag=a&tag=b`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ 事项: '办事' }),
    });

    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({
      body: { 事项: '办事' },
      query: { page: '2', tag: 'a,b' },
      base64: false,
      routeKey: 'POST /api/echo',
    });
  });

  it('authenticates with a development token end to end', async () => {
    const token = await signToken({ userId: 'app-7', name: '张三', roles: ['applicant'] });

    const response = await fetch(`${server.url}/api/cases/BS-1`, { headers: { authorization: `Bearer ${token}` } });

    expect(await response.json()).toEqual({ caseId: 'BS-1', userId: 'app-7' });
  });

  it('answers unknown routes and wrong methods with problems', async () => {
    const missing = await fetch(`${server.url}/api/nope`, { headers: { 'accept-language': 'en' } });
    const wrongMethod = await fetch(`${server.url}/api/echo`);

    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect((await missing.json()).title).toBe('Not found');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('answers a declared 300 KB body with 413 without reading it', async () => {
    const body = Buffer.alloc(300 * 1024, 0x61);

    const { status, text } = await upload('/api/echo', [body], {
      'content-type': 'application/json',
      'content-length': String(body.length),
    });

    expect(status).toBe(413);
    expect(JSON.parse(text).type).toBe('https://banshi.local/problems/payload-too-large');
  });

  it('answers a 300 KB body sent with fetch with 413', async () => {
    const response = await fetch(`${server.url}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(300 * 1024) }),
    });

    expect(response.status).toBe(413);
  });

  it('stops reading a chunked upload once it passes 256 KB and answers 413', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const chunks = Array.from({ length: 64 }, () => chunk); // 4 MB if it were all read

    const { status } = await upload('/api/echo', chunks, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });

    expect(status).toBe(413);
  });

  it('keeps serving after rejecting an oversized upload', async () => {
    const response = await fetch(`${server.url}/api/ping`);

    expect(response.status).toBe(200);
  });

  it('logs a client that hangs up mid-body at info level, not as an error', async () => {
    serverLines.length = 0;
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    // Headers promise 1000 bytes; the client sends a few and is gone.
    socket.write('POST /api/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"事项":');
    await new Promise((resolve) => setImmediate(resolve));
    socket.resetAndDestroy();

    await vi.waitFor(() => expect(serverLines.some((l) => l.message === 'client closed the connection')).toBe(true), { timeout: 10_000 });
    expect(serverLines.filter((l) => l.level === 'error')).toEqual([]);
    expect(serverLines.find((l) => l.message === 'client closed the connection')).toMatchObject({ level: 'info', method: 'POST', path: '/api/echo' });
    expect((await fetch(`${server.url}/api/ping`)).status).toBe(200);
  });

  it('passes binary bodies base64-encoded so the JSON check can reject them', async () => {
    const response = await fetch(`${server.url}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array([0, 1, 2, 255]),
    });

    expect(response.status).toBe(415);
  });
});
