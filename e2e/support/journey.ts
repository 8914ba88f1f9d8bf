/**
 * Shared steps of the browser tests: this run's build of the web app, small valid image files, signing
 * in (through the sign-in page, or with a token from the API as a returning user would have it),
 * and the phone-width check.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import type { Api } from '../../functions/tests/support/api-harness.js';

/** The folder `e2e/support/build-web.ts` built the web app into for this run (call inside a test file). */
export const webDist = (): string => inject('webDist');

/** A valid 1×1 PNG (the server recognises files by their first bytes). */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A file for `setInputFiles`: a tiny PNG under the given name. */
export const pngFile = (name: string) => ({ name, mimeType: 'image/png', buffer: TINY_PNG });

/** Signs in through the sign-in page by choosing the sample user, and waits until the app has moved on. */
export async function signInThroughUi(page: Page, baseUrl: string, userId: string, next?: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByTestId(`sign-in-${userId}`).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await page.getByTestId('current-user').waitFor();
}

/** A context already signed in as `userId`: the API's token is put into localStorage before any page runs. */
export async function signInWithToken(context: BrowserContext, api: Api, userId: string): Promise<void> {
  const { token } = await api.signIn(userId);
  await context.addInitScript((value) => {
    if (!window.localStorage.getItem('banshi.token')) window.localStorage.setItem('banshi.token', value);
  }, token!);
}

/** How much wider than the viewport the page is (0 when nothing overflows horizontally). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; viewport: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth }));
}
