/**
 * Builds a handler with the standard middy chain. The API's routes get their options from the route
 * table (handlers/route-handler.ts); this is the chain itself:
 *
 * Chain: edge (request id, problem+json for every error, security headers) → locale →
 * authenticate → JSON body → path parameter check → body and query checked against their
 * schemas → the function, whose result is serialized as JSON.
 */
import type { QuerySchemaName, RequestSchemaName } from '../api/request-schemas.js';
import middy, { type MiddlewareObj, type MiddyfiedHandler } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { NotFoundError } from '../domain/errors.js';
import type { Principal } from '../domain/permissions/principal.js';
import { authenticate, type WithPrincipal } from './auth.js';
import { headerOf } from './headers.js';
import { logger as processLogger, type Logger } from './logger.js';
import { negotiateLocale, type Locale } from './negotiate-locale.js';
import { jsonBody, type ParseBodyOptions, type WithParsedBody } from './parse-body.js';
import { toProblem } from './problem.js';
import { checkBody, checkQuery } from './request-checks.js';
import { requestIdOf } from './request-id.js';
import { isValidPathParameter } from './router.js';

export type AuthMode = 'required' | 'optional' | 'none';

export interface HttpHandlerOptions<A extends AuthMode> {
  auth: A;
  /**
   * `json`: POST/PUT/PATCH bodies are read with parseJsonBody (415/413/400 on bad bodies);
   * `optional-json`: the same, but an absent or blank body is `undefined` instead of a 400.
   */
  body?: 'json' | 'optional-json' | 'none';
  /** The schema the JSON body must match (an absent optional body is not checked). */
  bodySchema?: RequestSchemaName;
  /** The schema of the query string; the function then gets the checked, coerced query. */
  querySchema?: QuerySchemaName;
  bodyLimits?: ParseBodyOptions;
  logger?: Logger;
}

/** The edge's view of an event once the chain has run. */
export type HttpEvent = APIGatewayProxyEventV2 &
  WithPrincipal &
  WithParsedBody & { locale?: Locale; requestId?: string };

export interface HttpRequest<TBody, TPrincipal, TQuery = Record<string, string>> {
  event: HttpEvent;
  context: Context;
  principal: TPrincipal;
  /** The JSON body: checked against `bodySchema` when there is one, else only well-formed. */
  body: TBody;
  locale: Locale;
  params: Record<string, string>;
  /** The query string: checked and coerced when there is a `querySchema`, else as sent. */
  query: TQuery;
  headers: Record<string, string>;
  requestId: string;
  log: Logger;
}

export interface HttpResult {
  /** Default 200; 204 sends no body. */
  status?: number;
  /** Serialized as JSON; a Uint8Array is sent as-is (set `content-type` in `headers`). */
  body?: unknown;
  headers?: Record<string, string>;
}

type PrincipalFor<A extends AuthMode> = A extends 'required' ? Principal : A extends 'optional' ? Principal | undefined : undefined;

export type HttpHandler = MiddyfiedHandler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>;

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const EDGE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function compact(record: Record<string, string | undefined> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record ?? {})) if (value !== undefined) out[key] = value;
  return out;
}

/** Request id, problem+json for every error, and the same headers on every response. */
function edge(log: Logger): MiddlewareObj<HttpEvent, APIGatewayProxyStructuredResultV2> {
  const withEdgeHeaders = (response: APIGatewayProxyStructuredResultV2, requestId: string) => ({
    ...response,
    headers: { ...response.headers, ...EDGE_HEADERS, 'x-request-id': requestId },
  });
  const requestIdFor = (request: { event: HttpEvent; context: Context }) =>
    (request.event.requestId ??= requestIdOf(request.event, request.context));
  return {
    before: (request) => {
      requestIdFor(request);
    },
    after: (request) => {
      request.response = withEdgeHeaders(request.response ?? { statusCode: 204 }, requestIdFor(request));
    },
    onError: (request) => {
      const event = (request.event ?? {}) as HttpEvent;
      const requestId = requestIdFor({ event, context: request.context });
      const locale = event.locale ?? negotiateLocale(headerOf(event.headers, 'accept-language'));
      const problem = toProblem(request.error, locale, { logger: log.child({ requestId, routeKey: event.routeKey }) });
      request.response = withEdgeHeaders(problem, requestId);
    },
  };
}

function localeMiddleware(): MiddlewareObj<HttpEvent> {
  return {
    before: (request) => {
      request.event.locale = negotiateLocale(headerOf(request.event.headers, 'accept-language'));
    },
  };
}

/** Path parameters from API Gateway (one Lambda per route) get the router's check too. */
function pathParameterCheck(): MiddlewareObj<HttpEvent> {
  return {
    before: (request) => {
      for (const value of Object.values(request.event.pathParameters ?? {})) {
        if (value !== undefined && !value.split('/').every(isValidPathParameter)) throw new NotFoundError('resource');
      }
    },
  };
}

function serialize(result: HttpResult | undefined): APIGatewayProxyStructuredResultV2 {
  const status = result?.status ?? 200;
  const headers = { ...result?.headers };
  if (status === 204 || result?.body === undefined) return { statusCode: status, headers };
  if (result.body instanceof Uint8Array) {
    return { statusCode: status, headers, body: Buffer.from(result.body).toString('base64'), isBase64Encoded: true };
  }
  return {
    statusCode: status,
    headers: { 'content-type': JSON_CONTENT_TYPE, ...headers },
    body: JSON.stringify(result.body),
  };
}

/**
 * Wraps a route function in the standard middy chain. With `auth: 'required'` the function's
 * `principal` is always set (a request without valid credentials is answered 401 before it
 * runs); with `'optional'` it may be undefined; with `'none'` credentials are not even read.
 * Every thrown error becomes problem+json via `toProblem`; responses carry `x-request-id`,
 * `cache-control: no-store` and never a stack trace.
 *
 * The API's routes do not call it directly: `routeHandler` (handlers/route-handler.ts) takes the
 * options from the route table.
 *
 * @example
 * const ping = httpHandler({ auth: 'none' }, async () => ({ body: { pong: true } }));
 */
export function httpHandler<TBody = unknown, A extends AuthMode = AuthMode, TQuery = Record<string, string>>(
  options: HttpHandlerOptions<A>,
  fn: (request: HttpRequest<TBody, PrincipalFor<A>, TQuery>) => Promise<HttpResult | undefined>,
): HttpHandler {
  const log = options.logger ?? processLogger;
  const chain = middy<HttpEvent, APIGatewayProxyStructuredResultV2>()
    .use(edge(log))
    .use(localeMiddleware());
  if (options.auth !== 'none') chain.use(authenticate({ optional: options.auth === 'optional' }));
  if (options.body === 'json') chain.use(jsonBody(options.bodyLimits));
  if (options.body === 'optional-json') chain.use(jsonBody({ ...options.bodyLimits, optional: true }));
  chain.use(pathParameterCheck());
  return chain.handler(async (event: HttpEvent, context: Context) => {
    const requestId = event.requestId ?? requestIdOf(event, context);
    const locale = event.locale ?? negotiateLocale(headerOf(event.headers, 'accept-language'));
    const query = compact(event.queryStringParameters);
    const body = options.bodySchema && event.parsedBody !== undefined ? checkBody(options.bodySchema, event.parsedBody, locale) : event.parsedBody;
    const result = await fn({
      event,
      context,
      principal: event.principal as PrincipalFor<A>,
      body: body as TBody,
      locale,
      params: compact(event.pathParameters),
      query: (options.querySchema ? checkQuery(options.querySchema, query, locale) : query) as TQuery,
      headers: compact(event.headers),
      requestId,
      log: log.child({ requestId }),
    });
    return serialize(result);
  }) as unknown as HttpHandler;
}
