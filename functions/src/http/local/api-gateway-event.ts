/**
 * A node request as the API Gateway HTTP API (payload 2.0) event the Lambdas get in AWS, and a
 * handler's result written back as the response API Gateway would send.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Logger } from '../logger.js';
import { negotiateLocale } from '../negotiate-locale.js';
import { toProblem } from '../problem.js';

const TEXT_CONTENT_TYPE = /^(text\/|application\/(json|[\w.+-]+\+json|xml|x-www-form-urlencoded|javascript)\b)/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The path and query string of a request target (origin or absolute form), without a fragment. */
export function splitTarget(target: string): { rawPath: string; rawQueryString: string } {
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

/** Writes a handler's result as API Gateway would: status, headers, cookies, the body decoded from base64 when flagged. */
export function writeResult(res: ServerResponse, result: APIGatewayProxyResultV2): void {
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

/** Answers with the problem (RFC 9457) for `error` in the caller's language; ends the response if it has begun. */
export function writeProblem(res: ServerResponse, req: IncomingMessage, error: unknown, log: Logger, close = false): void {
  const problem = toProblem(error, negotiateLocale(req.headers['accept-language']), { logger: log });
  if (close) problem.headers.connection = 'close';
  if (!res.headersSent) writeResult(res, problem);
  else res.end();
}
