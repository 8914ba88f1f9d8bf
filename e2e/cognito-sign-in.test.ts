/**
 * Signing in through Cognito's hosted UI, as the deployed web app does. The built app and the API
 * are the real ones; only what lives outside this machine is stood in for by routing in the
 * browser: `/config.json` (which the CDK stack deploys beside the app) naming a Cognito domain,
 * and that domain's pages and token endpoint. The token endpoint checks the PKCE verifier
 * against the challenge the app sent and answers with an ID token the API accepts.
 */
import { createHash } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '@banshi/functions/http/headers';
import { startApi, type Api } from '@banshi/functions/testing/api-harness';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot, settleAnimations } from './support/browser.js';
import { horizontalOverflow, webDist } from './support/journey.js';

const DOMAIN = 'https://banshi-test.auth.cn-north-1.amazoncognito.com';
const CLIENT_ID = '4example0client0id0banshi';
const CONFIG = {
  auth: { kind: 'cognito', region: 'cn-north-1', userPoolId: 'cn-north-1_BanshiTst', clientId: CLIENT_ID, domain: DOMAIN, redirectPath: '/auth/callback', signOutPath: '/' },
};
const BUTTON = '使用统一身份认证登录';

/** A browser context that sees the Cognito configuration and a stand-in hosted UI. */
interface HostedUi {
  context: BrowserContext;
  page: Page;
  /** The form bodies posted to the token endpoint. */
  exchanges: URLSearchParams[];
  /** The PKCE challenges the app sent to /oauth2/authorize, by state. */
  challenges: Map<string, string>;
}

describe('signing in through Cognito\'s hosted UI', () => {
  let api: Api;
  let browser: Browser;
  let idToken: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi('e2e-cognito', undefined, { staticDir: webDist() }), launchBrowser()]);
    // A token the API accepts for 张三 stands for the ID token Cognito would issue.
    idToken = (await api.signIn('u-zhangsan')).token!;
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await api?.stop();
  });

  async function withHostedUi(viewport = DESKTOP): Promise<HostedUi> {
    const context = await newContext(browser, viewport);
    contexts.push(context);
    const exchanges: URLSearchParams[] = [];
    const challenges = new Map<string, string>();
    // The app's pages come with the CSP CloudFront adds for a Cognito deployment: the token endpoint
    // of the hosted UI is a source the browser may call (npm start's own policy allows only itself).
    await context.route(`${api.url}/**`, async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': contentSecurityPolicy([DOMAIN]) } });
    });
    await context.route(`${api.url}/config.json`, (route) => route.fulfill({ json: CONFIG, headers: { 'cache-control': 'no-store' } }));
    // Playwright tries the routes registered last first: the token endpoint, then any other hosted UI page.
    await context.route(`${DOMAIN}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/oauth2/authorize') challenges.set(url.searchParams.get('state') ?? '', url.searchParams.get('code_challenge') ?? '');
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><title>Cognito</title><h1>${url.pathname}</h1>` });
    });
    await context.route(`${DOMAIN}/oauth2/token`, (route) => {
      const request = route.request();
      const form = new URLSearchParams(request.postData() ?? '');
      exchanges.push(form);
      const cors = { 'access-control-allow-origin': api.url };
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const known = [...challenges.values()].includes(challenge);
      const valid = request.method() === 'POST' && request.headers()['content-type'] === 'application/x-www-form-urlencoded' && form.get('grant_type') === 'authorization_code' && known;
      return valid
        ? route.fulfill({ json: { id_token: idToken, access_token: 'access', refresh_token: 'refresh', token_type: 'Bearer', expires_in: 3600 }, headers: cors })
        : route.fulfill({ status: 400, json: { error: 'invalid_grant' }, headers: cors });
    });
    return { context, page: await context.newPage(), exchanges, challenges };
  }

  /** Opens the sign-in page (with a return path), presses the button and returns the authorize request's query. */
  async function leaveForHostedUi(page: Page, next = '/my/cases'): Promise<URLSearchParams> {
    await page.goto(`${api.url}/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByRole('button', { name: BUTTON }).click();
    await page.waitForURL((url) => url.origin === DOMAIN && url.pathname === '/oauth2/authorize');
    return new URL(page.url()).searchParams;
  }

  const storedToken = (page: Page) => page.evaluate(() => window.localStorage.getItem('banshi.token'));

  it('sends the sign-in button to the hosted UI\'s authorize endpoint with PKCE, a state and the callback', async () => {
    // Arrange
    const { page } = await withHostedUi();
    await page.goto(`${api.url}/sign-in`);
    await page.getByRole('button', { name: BUTTON }).waitFor();
    await screenshot(page, 'cognito-sign-in');

    // Act
    const query = await leaveForHostedUi(page);

    // Assert
    expect(Object.fromEntries(query)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${api.url}/auth/callback`,
      scope: 'openid profile email',
      code_challenge_method: 'S256',
    });
    expect(query.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(query.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  }, 60_000);

  it('exchanges the code with the verifier and ends signed in on the page the person was heading for', async () => {
    // Arrange
    const { page, exchanges, challenges } = await withHostedUi();
    const query = await leaveForHostedUi(page, '/my/cases');

    // Act: Cognito sends the browser back with a code and the state.
    await page.goto(`${api.url}/auth/callback?code=code-0001&state=${query.get('state')}`);

    // Assert
    await page.waitForURL((url) => url.pathname === '/my/cases');
    await expect(page.getByTestId('current-user').textContent()).resolves.toBe('张三');
    expect(exchanges).toHaveLength(1);
    const form = Object.fromEntries(exchanges[0]);
    expect(form).toMatchObject({ grant_type: 'authorization_code', client_id: CLIENT_ID, code: 'code-0001', redirect_uri: `${api.url}/auth/callback` });
    expect(createHash('sha256').update(form.code_verifier).digest('base64url')).toBe(challenges.get(query.get('state')!));
    await expect(storedToken(page)).resolves.toBe(idToken);
    expect(page.url()).not.toContain('code=');
  }, 60_000);

  it('refuses a callback whose state this browser did not send, and stores no token', async () => {
    // Arrange
    const { page, exchanges } = await withHostedUi();
    await leaveForHostedUi(page);

    // Act: a callback with a code but someone else's state.
    await page.goto(`${api.url}/auth/callback?code=code-0002&state=forged-state`);

    // Assert
    const failure = page.getByTestId('sign-in-failure');
    await failure.waitFor();
    await expect(failure.textContent()).resolves.toContain('无法核实本次登录的来源');
    await expect(page.getByRole('link', { name: '重新登录' }).getAttribute('href')).resolves.toBe(`/sign-in?next=${encodeURIComponent('/')}`);
    expect(exchanges).toHaveLength(0);
    await expect(storedToken(page)).resolves.toBeNull();
    await expect(page.getByTestId('current-user').count()).resolves.toBe(0);
  }, 60_000);

  it('says so when the person cancels at the hosted UI, with a way back to where they were going', async () => {
    // Arrange
    const { page, exchanges } = await withHostedUi();
    const query = await leaveForHostedUi(page, '/my/cases');

    // Act
    await page.goto(`${api.url}/auth/callback?error=access_denied&error_description=cancelled&state=${query.get('state')}`);

    // Assert
    await expect(page.getByTestId('sign-in-failure').textContent()).resolves.toContain('登录已取消');
    await expect(page.getByRole('link', { name: '重新登录' }).getAttribute('href')).resolves.toBe(`/sign-in?next=${encodeURIComponent('/my/cases')}`);
    expect(exchanges).toHaveLength(0);
    await expect(storedToken(page)).resolves.toBeNull();
  }, 60_000);

  it('signs out through the hosted UI\'s logout, back to the web app, and forgets the token', async () => {
    // Arrange: signed in through the hosted UI.
    const { page } = await withHostedUi();
    const query = await leaveForHostedUi(page, '/');
    await page.goto(`${api.url}/auth/callback?code=code-0003&state=${query.get('state')}`);
    await page.getByTestId('current-user').waitFor();

    // Act
    await page.getByRole('button', { name: /^退 ?出$/ }).click();

    // Assert
    await page.waitForURL((url) => url.origin === DOMAIN && url.pathname === '/logout');
    const logout = new URL(page.url()).searchParams;
    expect(Object.fromEntries(logout)).toEqual({ client_id: CLIENT_ID, logout_uri: `${api.url}/` });
    await page.goto(`${api.url}/`);
    await expect(storedToken(page)).resolves.toBeNull();
    await page.getByRole('button', { name: /^登 ?录$/ }).waitFor();
  }, 60_000);

  it('fits a phone and has no serious accessibility violation, on the sign-in page and when sign-in fails', async () => {
    const { page } = await withHostedUi(PHONE);
    const serious = async () => (await settleAnimations(page), await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);

    await page.goto(`${api.url}/sign-in`);
    await page.getByRole('button', { name: BUTTON }).waitFor();
    await expect(serious()).resolves.toEqual([]);
    const signIn = await horizontalOverflow(page);
    expect(signIn.scrollWidth).toBeLessThanOrEqual(signIn.viewport);

    await page.goto(`${api.url}/auth/callback?code=code-0004&state=never-sent`);
    await page.getByTestId('sign-in-failure').waitFor();
    await expect(serious()).resolves.toEqual([]);
    const failure = await horizontalOverflow(page);
    expect(failure.scrollWidth).toBeLessThanOrEqual(failure.viewport);
    await screenshot(page, 'cognito-sign-in-refused-phone');
  }, 60_000);

  it('keeps the development sign-in, with its sample users, as `npm start` serves the app', async () => {
    // Arrange: a plain context; the local server answers /config.json with the development sign-in.
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });

    // Act
    await page.goto(`${api.url}/sign-in`);

    // Assert
    await page.getByTestId('sign-in-u-zhangsan').waitFor();
    await expect(page.getByRole('button', { name: BUTTON }).count()).resolves.toBe(0);
    await expect(page.evaluate(() => fetch('/config.json').then((r) => r.json()))).resolves.toEqual({ auth: { kind: 'development' } });
    expect(failed).toEqual([]);
  }, 60_000);

  it('keeps the development sign-in where no /config.json is served at all', async () => {
    // Arrange: a static host without the file.
    const context = await newContext(browser);
    contexts.push(context);
    await context.route(`${api.url}/config.json`, (route) => route.fulfill({ status: 404, body: '' }));
    const page = await context.newPage();

    // Act
    await page.goto(`${api.url}/sign-in`);

    // Assert
    await page.getByTestId('sign-in-u-zhangsan').waitFor();
    await expect(page.getByRole('button', { name: BUTTON }).count()).resolves.toBe(0);
  }, 60_000);
});
