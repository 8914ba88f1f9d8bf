/**
 * Drafts are kept on the server: what an applicant typed in one browser (one context, its own
 * storage) comes back in another browser after signing in again and choosing to continue.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from '@banshi/functions/testing/api-harness';
import { launchBrowser, newContext, screenshot } from './support/browser.js';
import { signInThroughUi, webDist } from './support/journey.js';

const APPLY = '/items/senior-card/apply';

describe('application drafts across browsers', () => {
  let api: Api;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi('e2e-draft', undefined, { staticDir: webDist(), strictAttachments: true }), launchBrowser()]);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await api?.stop();
  });

  it('resumes in another browser context the draft saved in the first', async () => {
    // Arrange: the first browser fills part of the form and waits until the draft is saved.
    const first = await newContext(browser);
    contexts.push(first);
    const page = await first.newPage();
    await signInThroughUi(page, api.url, 'u-zhangsan', APPLY);
    await page.waitForURL((url) => url.pathname === APPLY);
    // 姓名 and 公民身份号码 are his verified identity, prefilled read-only.
    await page.getByLabel('手机号码', { exact: true }).fill('13804710001');
    await page.getByLabel('现住址', { exact: true }).fill('呼和浩特市新城区海拉尔东路1号');
    await page.getByTestId('draft-status').filter({ hasText: '已保存草稿' }).waitFor();
    await screenshot(page, 'draft-saved');

    // Act: a second browser (new storage) signs in as the same user and continues the draft.
    const second = await newContext(browser);
    contexts.push(second);
    const other = await second.newPage();
    await signInThroughUi(other, api.url, 'u-zhangsan', APPLY);
    await other.waitForURL((url) => url.pathname === APPLY);
    await other.getByTestId('draft-continue').click();

    // Assert: the fields come back prefilled.
    await expect(other.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('张三');
    await expect(other.getByLabel('公民身份号码', { exact: true }).inputValue()).resolves.toBe('150102195603120014');
    await expect(other.getByLabel('手机号码', { exact: true }).inputValue()).resolves.toBe('13804710001');
    await expect(other.getByLabel('现住址', { exact: true }).inputValue()).resolves.toBe('呼和浩特市新城区海拉尔东路1号');
    await screenshot(other, 'draft-resumed');
  }, 90_000);

  it('starts empty and deletes the saved draft when the applicant chooses to start afresh', async () => {
    // Arrange: a draft saved earlier (from some other browser) for another applicant.
    const li = await api.signIn('u-lisi');
    const saved = await li.put('/api/drafts/senior-card', { data: { applicant: { name: '李四', address: '呼和浩特市新城区' } }, step: 0 });
    expect(saved.status, JSON.stringify(saved.body)).toBeLessThan(300);
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await signInThroughUi(page, api.url, 'u-lisi', APPLY);
    await page.waitForURL((url) => url.pathname === APPLY);

    // Act
    await page.getByTestId('draft-fresh').click();

    // Assert
    // Only his verified identity is filled in: it comes from his account, not from the draft.
    await expect(page.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('李四');
    await expect(page.getByLabel('现住址', { exact: true }).inputValue()).resolves.toBe('');
    await expect.poll(async () => (await li.get('/api/drafts/senior-card')).status).toBe(404);
  }, 60_000);
});
