/**
 * The one shape of an API route handler: the handler kit parses and checks the request as the
 * route table says (sign-in, body schema, query schema), the function authorizes and calls a domain
 * service with the services of the composition root, and its result is the response.
 *
 * A route handler is itself a Lambda handler (each route is deployed as its own function): on its
 * first request it finds its route in the table by the event's route key and builds its services
 * from the environment. The local server and the tests bind every route to a root of their own
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

/** The route of the table with this key (a Lambda's event names the route it was invoked for). */
async function routeOf(routeKey: string | undefined): Promise<RouteContract> {
  const { routes } = await import('./routes.js');
  const route = routes.find((r) => r.key === routeKey);
  if (!route) throw new Error(`no route ${String(routeKey)} in the route table`);
  return route;
}

/** Defines a route handler; the route table says how its requests are checked. */
export function routeHandler<TBody = undefined, TQuery = Record<string, string>>(fn: RouteFunction<TBody, TQuery>): RouteHandler {
  const serve = (route: RouteContract, services: AppServices): HttpHandler =>
    httpHandler<TBody, 'required' | 'none', TQuery>(optionsOf(route), (request) => fn({ ...(request as HttpRequest<TBody, Principal, TQuery>), services }));
  let lambda: HttpHandler | undefined;
  const handler = async (event: APIGatewayProxyEventV2, context: Context) => {
    lambda ??= serve(await routeOf(event.routeKey), servicesFromEnvironment());
    return (await lambda(event, context)) as APIGatewayProxyStructuredResultV2;
  };
  return Object.assign(handler, { serve });
}
