/**
 * The local API: one node:http server that turns each request into the API Gateway HTTP API
 * (payload 2.0) event the Lambdas get in AWS, runs it through the router, and writes the result.
 * The same handlers serve both; nothing here is used in AWS.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { NotFoundError } from '../domain/errors.js';
import { PayloadTooLargeError } from './errors.js';
import { LOCAL_SECURITY_HEADERS } from './headers.js';
import { logger as processLogger, type Logger } from './logger.js';
import { negotiateLocale } from './negotiate-locale.js';
import { MAX_BODY_BYTES } from './parse-body.js';
import { toProblem } from './problem.js';
import { createRouter, type Routes } from './router.js';

export interface LocalServerOptions {
  routes: Routes;
  /** Default 0: any free port (see the returned `url`). */
  port?: number;
  host?: string;
  /** Bodies beyond this are not read; the request is answered 413. Default 256 KB. */
  maxBodyBytes?: number;
  /** A larger (or smaller) limit for some requests, e.g. attachment uploads; undefined → `maxBodyBytes`. */
  maxBodyBytesFor?: (method: string, path: string) => number | undefined;
  /**
   * A built single-page app (web/dist) served for GET/HEAD requests outside `/api`: files with their
   * content types (`/assets/*` cached as immutable), `index.html` for paths that are not files.
   */
  staticDir?: string;
  logger?: Logger;
}

export interface LocalServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** API Gateway's limit; the handler may finish earlier. */
const INTEGRATION_TIMEOUT_MS = 30_000;
const TEXT_CONTENT_TYPE = /^(text\/|application\/(json|[\w.+-]+\+json|xml|x-www-form-urlencoded|javascript)\b)/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The client went away before its request was read (it aborted the upload, closed the tab, lost
 * its network): nothing is wrong on our side, and there is nobody left to answer.
 */
class ClientClosedError extends Error {
  constructor(readonly reason: string) {
    super(`the client closed the connection (${reason})`);
    this.name = 'ClientClosedError';
  }
}

/** Reads the body up to `max` bytes; resolves `undefined` (and stops reading) beyond that. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        cleanup();
        req.pause();
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    // The request stream fails only when the client hangs up mid-body ('aborted', ECONNRESET).
    const onError = (error: Error & { code?: string }) => {
      cleanup();
      reject(new ClientClosedError(error.code ?? error.message));
    };
    const onClose = () => {
      cleanup();
      reject(new ClientClosedError('closed'));
    };
    if (req.destroyed && !req.complete) {
      reject(new ClientClosedError('closed'));
      return;
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

function splitTarget(target: string): { rawPath: string; rawQueryString: string } {
  let pathAndQuery = target;
  if (!target.startsWith('/')) {
    try {
      const url = new URL(target);
      pathAndQuery = `${url.pathname}${url.search}`;
    } catch {
      return { rawPath: '', rawQueryString: '' };
    }
  }
  const hash = pathAndQuery.indexOf('#');
  if (hash >= 0) pathAndQuery = pathAndQuery.slice(0, hash);
  const question = pathAndQuery.indexOf('?');
  return question < 0
    ? { rawPath: pathAndQuery, rawQueryString: '' }
    : { rawPath: pathAndQuery.slice(0, question), rawQueryString: pathAndQuery.slice(question + 1) };
}

function queryParameters(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;
  const out: Record<string, string> = {};
  // API Gateway joins repeated parameters with commas.
  for (const [key, value] of new URLSearchParams(rawQueryString)) out[key] = key in out ? `${out[key]},${value}` : value;
  return Object.keys(out).length > 0 ? out : undefined;
}

function bodyOf(bytes: Buffer, contentType: string | undefined): { body?: string; isBase64Encoded: boolean } {
  if (bytes.length === 0) return { isBase64Encoded: false };
  if (contentType !== undefined && TEXT_CONTENT_TYPE.test(contentType)) {
    try {
      return { body: utf8.decode(bytes), isBase64Encoded: false };
    } catch {
      // Not UTF-8 after all: pass it on as bytes, as API Gateway would.
    }
  }
  return { body: bytes.toString('base64'), isBase64Encoded: true };
}

/** Converts a node request (with its already read body) into an HTTP API payload 2.0 event. */
export function toApiGatewayEvent(req: IncomingMessage, bytes: Buffer, now = new Date()): APIGatewayProxyEventV2 {
  const { rawPath, rawQueryString } = splitTarget(req.url ?? '/');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const cookies = headers.cookie?.split(';').map((cookie) => cookie.trim()).filter(Boolean);
  const method = (req.method ?? 'GET').toUpperCase();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    ...(cookies && cookies.length > 0 ? { cookies } : {}),
    headers,
    queryStringParameters: queryParameters(rawQueryString),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0],
      http: {
        method,
        path: rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...bodyOf(bytes, headers['content-type']),
  };
}

function lambdaContext(requestId: string): Context {
  const deadline = Date.now() + INTEGRATION_TIMEOUT_MS;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'banshi-local',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:banshi-local',
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: '/banshi/local',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function writeResult(res: ServerResponse, result: APIGatewayProxyResultV2): void {
  if (typeof result === 'string' || result === null || typeof result !== 'object' || !('statusCode' in result)) {
    // API Gateway's shorthand: a bare value is a 200 JSON body.
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(typeof result === 'string' ? result : JSON.stringify(result));
    return;
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies;
  res.writeHead(result.statusCode ?? 200, headers);
  const body = result.body ?? '';
  res.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

/** `/config.json` of the local stack: the development sign-in (the web app's `parseAuthConfig` reads it). */
const DEVELOPMENT_CONFIG = JSON.stringify({ auth: { kind: 'development' } });

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/** The file under `root` a URL path names, or undefined when it is not a plain path inside `root`. */
function staticPath(root: string, rawPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return undefined;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  const file = resolve(root, `.${decoded}`);
  return file === root || file.startsWith(`${root}${sep}`) ? file : undefined;
}

async function isFile(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves a GET/HEAD of the single-page app. Returns false when the request is not for it (an API
 * path, another method); answers 404 for traversal attempts and missing assets.
 */
async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, rawPath: string, log: Logger): Promise<boolean> {
  const method = (req.method ?? 'GET').toUpperCase();
  if ((method !== 'GET' && method !== 'HEAD') || isApiPath(rawPath)) return false;
  const requested = staticPath(root, rawPath);
  if (requested === undefined) {
    writeProblem(res, req, new NotFoundError('file'), log);
    return true;
  }
  let file = requested;
  let size = await isFile(file);
  if (size === undefined && rawPath === '/config.json') {
    // The deployed stack writes this file beside the app to name its Cognito sign-in; locally
    // there is none, and the web app is told so instead of meeting a 404 on every page load.
    writeResult(res, { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: DEVELOPMENT_CONFIG });
    return true;
  }
  const looksLikeFile = rawPath.startsWith('/assets/') || extname(rawPath) !== '';
  if (size === undefined && !looksLikeFile) {
    // A client-side route (/workbench, /cases/123): the app's shell.
    file = resolve(root, 'index.html');
    size = await isFile(file);
  }
  if (size === undefined) {
    writeProblem(res, req, new NotFoundError('file'), log);
    return true;
  }
  const immutable = rawPath.startsWith('/assets/') && file !== resolve(root, 'index.html');
  res.writeHead(200, {
    'content-type': STATIC_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(size),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((done, fail) => {
    const stream = createReadStream(file);
    stream.on('error', fail);
    res.on('close', () => {
      stream.destroy();
      done();
    });
    stream.pipe(res);
  });
  return true;
}

function writeProblem(res: ServerResponse, req: IncomingMessage, error: unknown, log: Logger, close = false): void {
  const problem = toProblem(error, negotiateLocale(req.headers['accept-language']), { logger: log });
  if (close) problem.headers.connection = 'close';
  if (!res.headersSent) writeResult(res, problem);
  else res.end();
}

/**
 * Starts the local API on `host` (default 127.0.0.1) and `port` (default: any free one). Routes
 * are the same table as the router's. Every response carries the security headers CloudFront adds
 * in AWS (`LOCAL_SECURITY_HEADERS`: the web app's CSP with `frame-ancestors 'none'`, `nosniff`, …).
 * A client that hangs up (mid-body, or before its answer is written) is logged at info level,
 * not as an error. A body beyond
 * `maxBodyBytes` (256 KB; `maxBodyBytesFor` may raise it per request, e.g. for attachment uploads)
 * is answered 413 — up front from Content-Length, or as soon as the streamed bytes pass the limit —
 * without buffering the rest; the connection is then closed. With `staticDir`, GET/HEAD requests
 * outside `/api` serve the built web app (index.html for client-side routes; never outside the folder).
 */
export async function createLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const host = options.host ?? '127.0.0.1';
  const defaultMaxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const staticRoot = options.staticDir === undefined ? undefined : resolve(options.staticDir);
  const log = options.logger ?? processLogger;
  const router = createRouter(options.routes);
  const hungUp = (req: IncomingMessage, reason: string) =>
    log.info('client closed the connection', { method: req.method, path: splitTarget(req.url ?? '/').rawPath, reason });

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(LOCAL_SECURITY_HEADERS)) res.setHeader(name, value);
    void (async () => {
      try {
        const { rawPath } = splitTarget(req.url ?? '/');
        if (staticRoot !== undefined && (await serveStatic(staticRoot, req, res, rawPath, log))) return;
        const maxBodyBytes = options.maxBodyBytesFor?.((req.method ?? 'GET').toUpperCase(), rawPath) ?? defaultMaxBodyBytes;
        const declared = Number(req.headers['content-length'] ?? 0);
        const bytes = declared > maxBodyBytes ? undefined : await readBody(req, maxBodyBytes);
        if (bytes === undefined) {
          writeProblem(res, req, new PayloadTooLargeError(maxBodyBytes), log, true);
          // Stop the upload: whatever is still in flight is dropped with the connection.
          res.once('finish', () => setImmediate(() => req.socket.destroy()));
          return;
        }
        const event = toApiGatewayEvent(req, bytes);
        const result = await router(event, lambdaContext(event.requestContext.requestId));
        if (res.destroyed) {
          hungUp(req, 'closed before the response');
          return;
        }
        writeResult(res, result);
      } catch (error) {
        if (error instanceof ClientClosedError) {
          hungUp(req, error.reason);
          return;
        }
        writeProblem(res, req, error, log);
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
