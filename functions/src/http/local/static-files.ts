/**
 * The built single-page app (web/dist) in the local server: files with their content types
 * (`/assets/*` cached as immutable), `index.html` for client-side routes, never a file outside
 * the folder, and the development sign-in as `/config.json`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { lookup } from 'mrmime';
import { NotFoundError } from '../../domain/errors.js';
import type { Logger } from '../logger.js';
import { writeProblem, writeResult } from './api-gateway-event.js';

/** `/config.json` of the local stack: the development sign-in (the web app's `parseAuthConfig` reads it). */
const DEVELOPMENT_CONFIG = JSON.stringify({ auth: { kind: 'development' } });

/** Types the library leaves out. */
const MORE_TYPES: Record<string, string> = { ico: 'image/x-icon' };
/** Types whose files are text, served as UTF-8. */
const UTF8_TYPE = /^text\/|[/+]json$/;

/** The Content-Type of a file, by its extension; bytes when unknown. */
export function contentTypeOf(file: string): string {
  const extension = extname(file).slice(1).toLowerCase();
  const type = (extension && (lookup(extension) ?? MORE_TYPES[extension])) || 'application/octet-stream';
  return UTF8_TYPE.test(type) ? `${type}; charset=utf-8` : type;
}

export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

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
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, rawPath: string, log: Logger): Promise<boolean> {
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
    'content-type': contentTypeOf(file),
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
