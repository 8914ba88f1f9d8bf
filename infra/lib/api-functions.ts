/**
 * The API's functions, one per route of the route table (functions/src/handlers/routes.ts): each
 * route's handler is found among the exports of the handler modules, so the function's entry file
 * and handler name follow from the table and nothing is listed twice.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { routes, type RouteSpec } from '@banshi/functions/handlers/routes';
import { accessOf, isLocalOnly, type Access } from './route-access.js';

/** The repository root (infra/lib/../..). */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

const HANDLER_DIR = resolve(REPO_ROOT, 'functions/src/handlers');

/** Every module of functions/src/handlers, by file (routes.ts takes its handlers from some of them). */
async function handlerModules(): Promise<Map<string, Record<string, unknown>>> {
  const files = readdirSync(HANDLER_DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'));
  const modules = new Map<string, Record<string, unknown>>();
  for (const file of files.sort()) {
    const path = resolve(HANDLER_DIR, file);
    modules.set(path, (await import(pathToFileURL(path).href)) as Record<string, unknown>);
  }
  return modules;
}

export interface ApiFunctionSpec {
  /** Construct id, from the route key: `GET /api/items/{itemId}` → `GetItemsItemId`. */
  id: string;
  route: RouteSpec;
  /** The handler module (absolute path). */
  entry: string;
  /** The export of `entry` that handles the route. */
  handler: string;
  access: Access;
}

/** `GET /api/items/{itemId}/versions` → `GetItemsItemIdVersions`. */
export function functionIdOf(routeKey: string): string {
  const [method, path] = routeKey.split(' ');
  const words = [method.toLowerCase(), ...path.replace(/^\/api\//, '').split(/[/{}-]+/)].filter((w) => w !== '');
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

function locate(route: RouteSpec, modules: Map<string, Record<string, unknown>>): { entry: string; handler: string } {
  for (const [entry, exports] of modules) {
    for (const [name, value] of Object.entries(exports)) {
      if (value === route.handler) return { entry, handler: name };
    }
  }
  throw new Error(`the handler of route "${route.key}" is exported by no module of functions/src/handlers`);
}

/** The routes deployed to AWS: all but the local-only development sign-in. */
export function deployedRoutes(): RouteSpec[] {
  return routes.filter((route) => !isLocalOnly(route));
}

/**
 * One function spec per deployed route: the handler modules are imported (asynchronously, hence a
 * promise) and each route's handler is looked up among their exports.
 */
export async function loadApiFunctionSpecs(): Promise<ApiFunctionSpec[]> {
  const modules = await handlerModules();
  const specs = deployedRoutes().map((route) => ({ id: functionIdOf(route.key), route, ...locate(route, modules), access: accessOf(route) }));
  const ids = new Set(specs.map((s) => s.id));
  if (ids.size !== specs.length) throw new Error('two routes map to one function id');
  return specs;
}

/** The scheduled and stream functions (not routes). */
export const JOB_FUNCTIONS = {
  deadlineSweep: { entry: resolve(HANDLER_DIR, 'deadline-sweep.ts'), handler: 'deadlineSweep' },
  statisticsStream: { entry: resolve(HANDLER_DIR, 'statistics-stream.ts'), handler: 'statisticsStream' },
} as const;
