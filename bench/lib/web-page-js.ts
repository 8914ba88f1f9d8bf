/**
 * The JavaScript the applicant form page really loads: opens /items/senior-card/apply of a built
 * web app in Chromium, signed in (a dummy token) with the API stubbed by canned JSON of the
 * senior-card definition, records every JS response until the form is visible and gzips each
 * body (zlib level 9, what a gzip-serving CDN sends).
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Route } from 'playwright-core';
import { loadBuiltInItems } from '@banshi/schemas';

/** One JavaScript file the page loaded. */
export interface LoadedScript {
  name: string;
  bytes: number;
  gzipBytes: number;
}

export interface PageJs {
  scripts: LoadedScript[];
  gzipBytes: number;
  bytes: number;
  /** JS files fetched after the form became visible (until the network was idle): not in the sum. */
  later: LoadedScript[];
  /** API paths the page asked for that the stub does not know (answered 404). */
  unknownApi: string[];
}

const ITEM = 'senior-card';
const PRINCIPAL = { userId: 'u-zhangsan', name: '张三', roles: ['applicant'], kind: 'person', region: '150102' };

/** The API answers the apply page needs, as the real handlers shape them (seed.ts publishes version 1). */
function cannedApi(): Map<string, unknown> {
  const builtIn = loadBuiltInItems().find((b) => b.item.id === ITEM);
  if (!builtIn) throw new Error(`built-in item ${ITEM} not found`);
  const publishedAt = '2025-01-01T00:00:00.000Z';
  const item = { ...builtIn.item, status: 'published', version: 1 };
  const form = { ...builtIn.form, uiSchema: { ...(builtIn.form.uiSchema ?? {}), ...builtIn.ui } };
  return new Map<string, unknown>([
    ['/api/me', PRINCIPAL],
    [`/api/items/${ITEM}`, { itemId: ITEM, version: 1, publishedAt, item, claims: [] }],
    [`/api/items/${ITEM}/versions/1`, { itemId: ITEM, version: 1, item, form, flow: builtIn.flow, publishedAt, publishedBy: 'banshi-seed' }],
  ]);
}

const notFound = (route: Route) =>
  route.fulfill({ status: 404, contentType: 'application/problem+json', body: JSON.stringify({ type: 'https://banshi.local/problems/not-found', title: '未找到', status: 404 }) });

/** Loads the apply page from `baseUrl` (a static server of web/dist) and sums its JavaScript. */
export async function measurePageJs(browser: Browser, baseUrl: string): Promise<PageJs> {
  const canned = cannedApi();
  const unknownApi: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  try {
    await context.addInitScript(() => localStorage.setItem('banshi.token', 'bench-dummy-token'));
    await context.route('**/api/**', (route) => {
      const { pathname } = new URL(route.request().url());
      const body = route.request().method() === 'GET' ? canned.get(pathname) : undefined;
      if (body !== undefined) return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
      // Drafts: none saved yet (404), as for a first visit. Anything else: 404, and listed.
      if (!pathname.startsWith(`/api/drafts/`)) unknownApi.push(`${route.request().method()} ${pathname}`);
      return notFound(route);
    });
    const page = await context.newPage();
    const pending: Promise<LoadedScript | undefined>[] = [];
    let visible = false;
    const later: Promise<LoadedScript | undefined>[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      const isJs = response.request().resourceType() === 'script' || /\.m?js$/.test(url.pathname);
      if (!isJs || url.pathname.startsWith('/api/')) return;
      const script = response.body().then(
        (body) => ({ name: url.pathname.replace(/^\/(assets\/)?/, ''), bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length }),
        () => undefined,
      );
      (visible ? later : pending).push(script);
    });
    await page.goto(`${baseUrl}/items/${ITEM}/apply`, { waitUntil: 'commit' });
    await page.locator('#root_applicant_name').waitFor({ state: 'visible', timeout: 30_000 });
    visible = true;
    const scripts = (await Promise.all(pending)).filter((s): s is LoadedScript => s !== undefined);
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
    const after = (await Promise.all(later)).filter((s): s is LoadedScript => s !== undefined);
    scripts.sort((a, b) => b.gzipBytes - a.gzipBytes);
    return {
      scripts,
      gzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0),
      bytes: scripts.reduce((n, s) => n + s.bytes, 0),
      later: after,
      unknownApi: [...new Set(unknownApi)],
    };
  } finally {
    await context.close();
  }
}
