/**
 * The local API: one node:http server that turns each request into the API Gateway HTTP API
 * (payload 2.0) event the Lambdas get in AWS, runs it through the router, and writes the result.
 * The same handlers serve both; nothing here is used in AWS. Its parts are in local/: the event
 * and the response (api-gateway-event.ts), the body limit (request-body.ts), the Lambda context
 * (lambda-context.ts) and the built web app (static-files.ts); this file starts and stops it.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { PayloadTooLargeError } from './errors.js';
import { LOCAL_SECURITY_HEADERS } from './headers.js';
import { splitTarget, toApiGatewayEvent, writeProblem, writeResult } from './local/api-gateway-event.js';
import { lambdaContext } from './local/lambda-context.js';
import { ClientClosedError, readBody } from './local/request-body.js';
import { serveStatic } from './local/static-files.js';
import { logger as processLogger, type Logger } from './logger.js';
import { MAX_BODY_BYTES } from './parse-body.js';
import { createRouter, type Routes } from './router.js';

export { toApiGatewayEvent } from './local/api-gateway-event.js';

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
