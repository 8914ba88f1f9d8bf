/**
 * The one shape of an API route handler: the handler kit parses and checks the request as the
 * route table says (sign-in, body schema, query schema), the function authorizes and calls a domain
 * service with the services of the composition root, and its result is the response.
 *
 * A route handler is itself a Lambda handler (each route is deployed as its own function): on its
 * first request it reads its route's contract from the environment (`BANSHI_ROUTE`, which the CDK
 * app writes from the route table) and builds its services from the environment. The local server and the tests bind every route to a root of their own
 * instead (`routeTable(services)`).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { QuerySchemaName, RequestSchemaName } from '../api/request-schemas.js';
import type { Principal } from '../domain/permissions/principal.js';
import { httpHandler, type HttpHandler, type HttpRequest, type HttpResult } from '../http/handler-kit.js';
import { servicesFromEnvironment, type AppServices } from './app-services.js';

/** What the route table says about a route's requests. */
export interface RouteContract {
  key: string;
  /** Whether a JWT is required. */
  auth: boolean;
  /** The schema of the JSON body; a route without one reads no JSON body. */
  body?: RequestSchemaName;
  /** The body may be left out (or blank); when sent it is checked all the same. */
  bodyOptional?: boolean;
  /** The schema of the query string. */
  query?: QuerySchemaName;
}

/**
 * What a route function receives. `principal` is set on every route the table marks `auth: true`
 * (undefined on the public ones, which do not read it).
 */
export interface RouteRequest<TBody, TQuery> extends HttpRequest<TBody, Principal, TQuery> {
  services: AppServices;
}

/** A page of a list: its size and where the previous page ended (query schema `PageQuery`). */
export interface PageQuery {
  limit?: number;
  cursor?: string;
}

export type RouteFunction<TBody, TQuery> = (request: RouteRequest<TBody, TQuery>) => Promise<HttpResult | undefined>;

export interface RouteHandler {
  (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2>;
  /** The route's handler with the services of `services`, checking requests as `route` says. */
  serve(route: RouteContract, services: AppServices): HttpHandler;
}

/** The handler kit's options for a route of the table. */
function optionsOf(route: RouteContract) {
  const body = route.bodyOptional ? ('optional-json' as const) : route.body ? ('json' as const) : ('none' as const);
  return {
    auth: route.auth ? ('required' as const) : ('none' as const),
    body,
    ...(route.body ? { bodySchema: route.body } : {}),
    ...(route.query ? { querySchema: route.query } : {}),
  };
}

/**
 * The environment variable that carries a deployed function's route contract. The CDK app writes it
 * from the route table (`routeContractJson`), so a Lambda bundle holds its own handler only, not
 * the whole table with every other handler.
 */
export const ROUTE_CONTRACT_ENV = 'BANSHI_ROUTE';

/** A route's contract as the CDK app writes it into `BANSHI_ROUTE`. */
export function routeContractJson(route: RouteContract): string {
  const { key, auth, body, bodyOptional, query } = route;
  return JSON.stringify({ key, auth, ...(body ? { body } : {}), ...(bodyOptional ? { bodyOptional } : {}), ...(query ? { query } : {}) });
}

/** The contract of the route this function was deployed for. */
function routeFromEnvironment(routeKey: string | undefined): RouteContract {
  const raw = process.env[ROUTE_CONTRACT_ENV];
  if (!raw) throw new Error(`${ROUTE_CONTRACT_ENV} is not set: the function for ${String(routeKey)} was deployed without its route contract`);
  return JSON.parse(raw) as RouteContract;
}

/** Defines a route handler; the route table says how its requests are checked. */
export function routeHandler<TBody = undefined, TQuery = Record<string, string>>(fn: RouteFunction<TBody, TQuery>): RouteHandler {
  const serve = (route: RouteContract, services: AppServices): HttpHandler =>
    httpHandler<TBody, 'required' | 'none', TQuery>(optionsOf(route), (request) => fn({ ...(request as HttpRequest<TBody, Principal, TQuery>), services }));
  let lambda: HttpHandler | undefined;
  const handler = async (event: APIGatewayProxyEventV2, context: Context) => {
    lambda ??= serve(routeFromEnvironment(event.routeKey), servicesFromEnvironment());
    return (await lambda(event, context)) as APIGatewayProxyStructuredResultV2;
  };
  return Object.assign(handler, { serve });
}
