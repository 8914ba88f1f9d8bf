/**
 * zh-CN first, English on request: switching language on the form keeps what was typed and
 * relabels the fields (the English table loads only then), and a later visit opens in English.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from '@banshi/functions/testing/api-harness';
import { launchBrowser, newContext, screenshot } from './support/browser.js';
import { signInThroughUi, webDist } from './support/journey.js';

const APPLY = '/items/senior-card/apply';

describe('the language switch', () => {
  let api: Api;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi('e2e-language', undefined, { staticDir: webDist() }), launchBrowser()]);
    context = await newContext(browser);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await api?.stop();
  });

  it('switches the apply form to English without losing what was typed, and remembers the choice', async () => {
    // Arrange: an applicant has typed an address on the Chinese form (his name is his account's).
    const page = await context.newPage();
    await signInThroughUi(page, api.url, 'u-zhangsan', APPLY);
    await page.waitForURL((url) => url.pathname === APPLY);
    await page.getByLabel('现住址', { exact: true }).fill('呼和浩特市新城区海拉尔东路1号');

    // Act: switch to English.
    await page.getByRole('button', { name: 'English' }).click();

    // Assert: English labels, the typed address kept; the switch now offers Chinese.
    await expect(page.getByLabel('Current address', { exact: true }).inputValue()).resolves.toBe('呼和浩特市新城区海拉尔东路1号');
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('张三');
    await page.getByRole('button', { name: '中文' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await screenshot(page, 'apply-form-en');

    // A new visit opens in English straight away.
    await page.goto(`${api.url}/`);
    await page.getByRole('button', { name: '中文' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.getByRole('link', { name: '我的办件' }).count()).resolves.toBe(0);
  }, 90_000);
});
