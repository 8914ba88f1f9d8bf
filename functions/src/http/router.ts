/**
 * A tiny router for API Gateway HTTP API (payload 2.0) events. Route keys are written the way API
 * Gateway writes them, `GET /api/cases/{caseId}`, so the same table can define one Lambda per
 * route in CDK, or let one "api" Lambda and the local server dispatch every route.
 */
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { NotFoundError } from '../domain/errors.js';
import { MethodNotAllowedError } from './errors.js';
import { headerOf } from './headers.js';
import { negotiateLocale } from './negotiate-locale.js';
import { toProblem } from './problem.js';
import { requestIdOf } from './request-id.js';

export type RouteHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

/** Route key (`METHOD /path/{param}`, the last segment may be greedy: `{path+}`) → handler. */
export type Routes = Record<string, RouteHandler>;

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
/** A path parameter after decoding: ids, slugs, receipt numbers. Anything else cannot name a resource. */
const PATH_PARAMETER = /^[A-Za-z0-9_][A-Za-z0-9._~:@-]{0,127}$/;
const MAX_PATH_LENGTH = 2048;

type Segment = { literal: string } | { param: string; greedy: boolean };

interface CompiledRoute {
  key: string;
  method: string;
  segments: Segment[];
  handler: RouteHandler;
  /** Sorts literal segments before parameters, parameters before greedy ones. */
  rank: string;
}

/** Whether a decoded path parameter is acceptable (length 1–128, letters, digits, `._~:@-`). */
export function isValidPathParameter(value: string): boolean {
  return PATH_PARAMETER.test(value);
}

function compile(key: string, handler: RouteHandler): CompiledRoute {
  const match = /^([A-Z]+) (\/\S*)$/.exec(key);
  if (!match || !METHODS.has(match[1])) throw new Error(`bad route key: ${key}`);
  const parts = match[2].split('/').slice(1);
  const segments = parts.map((part, index): Segment => {
    const param = /^\{([A-Za-z][A-Za-z0-9_]*)(\+?)\}$/.exec(part);
    if (!param) {
      if (part === '' || part.includes('{')) throw new Error(`bad route key: ${key}`);
      return { literal: part };
    }
    if (param[2] === '+' && index !== parts.length - 1) throw new Error(`greedy parameter must be last: ${key}`);
    return { param: param[1], greedy: param[2] === '+' };
  });
  const rank = segments.map((s) => ('literal' in s ? '0' : s.greedy ? '2' : '1')).join('');
  return { key, method: match[1], segments, handler, rank };
}

function decodeSegment(raw: string): string | undefined {
  try {
    const value = decodeURIComponent(raw);
    return isValidPathParameter(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Matches raw (still percent-encoded) path segments; undefined when the route does not fit. */
function matchRoute(route: CompiledRoute, parts: string[]): Record<string, string> | undefined | 'junk' {
  const params: Record<string, string> = {};
  for (let i = 0; i < route.segments.length; i += 1) {
    const segment = route.segments[i];
    if ('literal' in segment) {
      if (parts[i] !== segment.literal) return undefined;
      continue;
    }
    if (i >= parts.length) return undefined;
    const raw = segment.greedy ? parts.slice(i) : [parts[i]];
    const decoded = raw.map(decodeSegment);
    if (decoded.some((value) => value === undefined)) return 'junk';
    params[segment.param] = decoded.join('/');
    if (segment.greedy) return params;
  }
  return parts.length === route.segments.length ? params : undefined;
}

function problemResponse(error: unknown, event: APIGatewayProxyEventV2, context: Context): APIGatewayProxyStructuredResultV2 {
  const problem = toProblem(error, negotiateLocale(headerOf(event.headers, 'accept-language')));
  return { ...problem, headers: { ...problem.headers, 'x-request-id': requestIdOf(event, context) } };
}

/**
 * Builds one handler that dispatches HTTP API events by `rawPath` and method to the routes.
 * Literal segments win over parameters (`/api/cases/mine` before `/api/cases/{caseId}`). Path
 * parameters are percent-decoded and must pass {@link isValidPathParameter}; the matched route's
 * key and parameters are put on the event (`routeKey`, `pathParameters`). Unknown paths and junk
 * parameters → 404 problem, a known path with another method → 405 problem with `Allow`.
 * Throws at creation for a malformed or duplicate route key.
 */
export function createRouter(routes: Routes): RouteHandler {
  const compiled = Object.entries(routes)
    .map(([key, handler]) => compile(key, handler))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  const keys = new Set<string>();
  for (const route of compiled) {
    const shape = `${route.method} ${route.rank}:${route.segments.map((s) => ('literal' in s ? s.literal : '{}')).join('/')}`;
    if (keys.has(shape)) throw new Error(`duplicate route: ${route.key}`);
    keys.add(shape);
  }

  return async (event, context) => {
    const path = event.rawPath ?? '';
    const method = (event.requestContext?.http?.method ?? '').toUpperCase();
    if (path.length > MAX_PATH_LENGTH || !path.startsWith('/')) {
      return problemResponse(new NotFoundError('route'), event, context);
    }
    // One trailing slash is forgiven; empty segments elsewhere are not.
    const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    const parts = trimmed.split('/').slice(1);
    const allowed = new Set<string>();
    let junk = false;
    for (const route of compiled) {
      const params = matchRoute(route, parts);
      if (params === undefined) continue;
      if (params === 'junk') {
        junk = true;
        continue;
      }
      if (route.method !== method) {
        allowed.add(route.method);
        continue;
      }
      const routed: APIGatewayProxyEventV2 = {
        ...event,
        routeKey: route.key,
        pathParameters: Object.keys(params).length > 0 ? params : undefined,
      };
      return route.handler(routed, context);
    }
    if (allowed.size > 0 && !junk) {
      return problemResponse(new MethodNotAllowedError([...allowed].sort()), event, context);
    }
    return problemResponse(new NotFoundError('route'), event, context);
  };
}
