/**
 * 统计监察 (/supervision) in a real Chromium: after 张三 has filed two senior cards and the civil
 * affairs window has accepted one, the supervisor 何监察 sees the department's month with
 * 老年人优待证 at 收件 2 and 已受理 1, the department and month kept in the URL; axe finds no serious
 * or critical violation; on a phone the figures fit the screen; an applicant and a signed-out
 * visitor are refused without seeing a figure.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from '@banshi/functions/testing/api-harness';
import { seriousViolations } from './support/axe.js';
import { DESKTOP, PHONE, launchBrowser, newContext, screenshot, settleAnimations } from './support/browser.js';
import { horizontalOverflow, signInWithToken, submitSeniorCard, webDist } from './support/journey.js';

const DEPARTMENT = 'd-150102-civil-affairs';
const PATH = `/supervision?department=${DEPARTMENT}`;

const seniorCardRow = (page: Page) => page.locator('[data-testid=supervision-row][data-item-id=senior-card]');
const figure = (row: ReturnType<typeof seniorCardRow>, counter: string) => row.locator(`[data-counter=${counter}]`);

describe('the supervision page in Chromium', () => {
  let api: Api;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let month: string;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi('e2e-supervision', undefined, { staticDir: webDist(), strictAttachments: true }), launchBrowser()]);
    // Two senior cards of 张三; the civil affairs window accepts the first.
    const zhang = await api.signIn('u-zhangsan');
    const window = await api.signIn('u-xc-civil-window');
    const accepted = await submitSeniorCard(zhang);
    await submitSeniorCard(zhang);
    const task = (await window.get(`/api/cases/${accepted}`)).body.openTasks[0];
    const res = await window.post(`/api/cases/${accepted}/actions`, { action: 'accept', taskId: task.id, expectedVersion: 1 });
    if (res.status !== 200) throw new Error(`not accepted: ${res.status} ${JSON.stringify(res.body)}`);
    // The counters follow the table's stream: wait until the consumer has every change.
    await api.drainStatistics();
    month = api.clock.today().slice(0, 7);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await api?.stop();
  });

  /**
   * A fresh browser signed in as `userId` (when given) whose clock reads the API's pinned time, so
   * the page's default month (this month in China) is the month the cases were counted in.
   */
  const open = async (userId: string | undefined, viewport = DESKTOP): Promise<Page> => {
    const context = await newContext(browser, viewport);
    contexts.push(context);
    await context.clock.setFixedTime(api.clock.now());
    if (userId) await signInWithToken(context, api, userId);
    return context.newPage();
  };

  it('shows the supervisor the month’s cases of the department per item, with the department and month in the URL', async () => {
    // Arrange
    const page = await open('u-supervisor');

    // Act
    await page.goto(`${api.url}${PATH}`);

    // Assert: 老年人优待证 received twice, accepted once.
    const row = seniorCardRow(page);
    await row.waitFor();
    await expect(figure(row, 'submitted').textContent()).resolves.toBe('2');
    await expect(figure(row, 'accepted').textContent()).resolves.toBe('1');
    await expect(figure(row, 'completed').textContent()).resolves.toBe('0');
    await expect(row.textContent()).resolves.toContain('老年人优待证办理');
    for (const label of ['收件', '已受理', '已办结', '不予许可', '不予受理', '已撤回', '退回补正']) {
      await expect(page.getByRole('columnheader', { name: label, exact: true }).count()).resolves.toBe(1);
    }
    await expect(figure(page.getByTestId('supervision-total'), 'submitted').textContent()).resolves.toBe('2');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/supervision');
    expect(url.searchParams.get('department')).toBe(DEPARTMENT);
    expect(url.searchParams.get('month')).toBe(month);
    await expect(page.getByLabel('月份').inputValue()).resolves.toBe(month);
    await expect(page.getByTestId('supervision-department').textContent()).resolves.toContain('呼和浩特市新城区民政局');
    await expect(page.getByTestId('supervision-lag').textContent()).resolves.toContain('滞后');
    await expect(page.getByRole('link', { name: '统计监察' }).getAttribute('aria-current')).resolves.toBe('page');
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'supervision');
  }, 60_000);

  it('finds no serious or critical violation on the page', async () => {
    // Arrange
    const page = await open('u-supervisor');
    await page.goto(`${api.url}${PATH}`);
    await seniorCardRow(page).waitFor();
    await page.waitForLoadState('networkidle');
    await settleAnimations(page);

    // Act
    const found = await seriousViolations(page);

    // Assert
    expect(found, `axe found on the supervision page:\n${found.join('\n')}`).toEqual([]);
  }, 60_000);

  it('shows the figures as cards on a phone, without horizontal scrolling', async () => {
    // Arrange
    const page = await open('u-supervisor', PHONE);

    // Act
    await page.goto(`${api.url}${PATH}`);
    const row = seniorCardRow(page);
    await row.waitFor();
    await page.waitForLoadState('networkidle');

    // Assert
    await expect(figure(row, 'submitted').textContent()).resolves.toBe('2');
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    const { scrollWidth, viewport } = await horizontalOverflow(page);
    expect(viewport).toBe(PHONE.width);
    expect(scrollWidth).toBeLessThanOrEqual(PHONE.width + 1);
    await screenshot(page, 'supervision-phone');
  }, 60_000);

  it('refuses an applicant with a message and shows none of the figures', async () => {
    // Arrange
    const page = await open('u-zhangsan');

    // Act
    await page.goto(`${api.url}${PATH}`);

    // Assert
    await page.getByRole('heading', { level: 1, name: '当前账号不是监察人员或管理员，无法查看统计' }).waitFor();
    await expect(page.getByTestId('supervision-page').count()).resolves.toBe(0);
    await expect(page.locator('[data-counter]').count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: '统计监察' }).count()).resolves.toBe(0);
  }, 60_000);

  it('asks a signed-out visitor to sign in, and brings them back to the figures afterwards', async () => {
    // Arrange
    const page = await open(undefined);
    await page.goto(`${api.url}${PATH}`);
    await page.getByRole('heading', { level: 1, name: '请以监察人员或管理员身份登录后查看统计' }).waitFor();
    await expect(page.locator('[data-counter]').count()).resolves.toBe(0);

    // Act
    await page.getByRole('main').getByRole('link', { name: '去登录' }).click();
    await page.getByTestId('sign-in-u-supervisor').click();

    // Assert
    await page.waitForURL((url) => url.pathname === '/supervision' && url.searchParams.get('department') === DEPARTMENT);
    await seniorCardRow(page).waitFor();
  }, 60_000);
});
