/**
 * Shared steps of the browser tests: this run's build of the web app, small valid image files, signing
 * in (through the sign-in page, or with a token from the API as a returning user would have it),
 * a senior card filed over the API (for tests about what happens to a case, not about filing it),
 * and the phone-width check.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { newKey, type Api, type ApiClient } from '@banshi/functions/testing/api-harness';

/** The folder `e2e/support/build-web.ts` built the web app into for this run (call inside a test file). */
export const webDist = (): string => inject('webDist');

/** A valid 1×1 PNG (the server recognises files by their first bytes). */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A file for `setInputFiles`: a tiny PNG under the given name. */
export const pngFile = (name: string) => ({ name, mimeType: 'image/png', buffer: TINY_PNG });

/** 张三's particulars as the senior-card form asks for them. */
export const ZHANG_APPLICANT = { name: '张三', idNumber: '150102195603120014', mobile: '13804710001', address: '呼和浩特市新城区海拉尔东路1号', regionCode: '150102' };

/** Uploads a tiny PNG as the web app does (declare the blob, PUT the bytes); returns the attachment. */
async function uploadPng(client: ApiClient, material: string, name: string) {
  const created = await client.post('/api/blobs', { name, contentType: 'image/png', size: TINY_PNG.length, material });
  if (created.status !== 201) throw new Error(`blob not created: ${created.status} ${JSON.stringify(created.body)}`);
  const put = await client.raw(created.body.method ?? 'PUT', created.body.uploadUrl, TINY_PNG, { 'content-type': 'image/png', ...created.body.headers });
  if (put.status !== 204) throw new Error(`blob not uploaded: ${put.status} ${JSON.stringify(put.body)}`);
  return { blobId: created.body.blobId as string, name, size: TINY_PNG.length, contentType: 'image/png' };
}

/** A senior card submitted over the API by `client` (张三 unless told otherwise), with uploaded attachments; returns the case id. */
export async function submitSeniorCard(client: ApiClient, applicant = ZHANG_APPLICANT): Promise<string> {
  const data = {
    applicant,
    residenceType: 'hukou',
    attachments: { identity: [await uploadPng(client, 'identity', '身份证.png')], photo: [await uploadPng(client, 'photo', '照片.png')] },
  };
  const res = await client.post('/api/cases', { itemId: 'senior-card', data }, { 'idempotency-key': newKey() });
  if (res.status !== 201) throw new Error(`case not submitted: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.case.id as string;
}

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

/** Chooses a region by name in the region picker of the field asking `question` (盟市, then 旗县区 when given). */
export async function chooseRegion(page: Page, question: string, city: string, county?: string): Promise<void> {
  const picker = page.getByRole('group', { name: question });
  await picker.getByLabel('盟市').selectOption({ label: city });
  if (county) await picker.getByLabel('旗县区').selectOption({ label: county });
}
