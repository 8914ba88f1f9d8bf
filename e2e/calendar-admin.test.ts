/**
 * 节假日与调休 in a real Chromium. The API's clock is pinned to Thursday 2026-12-31 (the test does not
 * depend on the real date): 张三's senior card, filed that day, is due by its promised limit of one
 * working day — on 2027-01-01, since 2027 has no holiday data yet — and the window staff see that
 * date marked 暂定. The admin sees the December banner, follows it to the calendar page, enters a
 * 2027 holiday set, and the case's due date becomes final: 2027-01-04, no longer marked.
 *
 * The 2027 days entered are an ASSUMED TEST FIXTURE (元旦 2027-01-01 … 01-03, make-up day 2027-02-20),
 * not the State Council's notice.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from '@banshi/functions/testing/api-harness';
import { seriousViolations } from './support/axe.js';
import { DESKTOP, PHONE, launchBrowser, newContext, screenshot, settleAnimations } from './support/browser.js';
import { horizontalOverflow, signInWithToken, submitSeniorCard, webDist } from './support/journey.js';

describe('the calendar page in Chromium', () => {
  let api: Api;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let caseId: string;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi('e2e-calendar', '2026-12-31', { staticDir: webDist(), strictAttachments: true }), launchBrowser()]);
    caseId = await submitSeniorCard(await api.signIn('u-zhangsan'));
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await api?.stop();
  });

  /** A fresh browser signed in as `userId`, its clock at the API's pinned time. */
  const open = async (userId: string, viewport = DESKTOP): Promise<Page> => {
    const context = await newContext(browser, viewport);
    contexts.push(context);
    await context.clock.setFixedTime(api.clock.now());
    await signInWithToken(context, api, userId);
    return context.newPage();
  };

  /** The case's due date as the window staff see it on the case page, and whether it is marked 暂定. */
  const staffSees = async (page: Page) => {
    await page.goto(`${api.url}/workbench/cases/${caseId}`);
    const due = page.getByTestId('case-due-date');
    await due.waitFor();
    return { text: await due.textContent(), provisional: await due.getByTestId('provisional').count() };
  };

  it('lets an admin enter 2027 from the December banner, and the staff’s provisional due date becomes final', async () => {
    // Arrange: the window staff see a provisional due date, in the inbox and on the case page.
    const staff = await open('u-xc-civil-window');
    await staff.goto(`${api.url}/workbench`);
    // The case's accept task is the only one in this table's inbox.
    const taskDue = staff.getByTestId('task-due-date').first();
    await taskDue.waitFor();
    await expect(taskDue.textContent()).resolves.toBe('2027-01-01暂定');
    await expect(staffSees(staff)).resolves.toEqual({ text: '2027-01-01暂定', provisional: 1 });
    const mark = staff.getByTestId('case-due-date').getByTestId('provisional');
    await expect(mark.getAttribute('aria-label')).resolves.toContain('尚未录入节假日安排');

    // Act: the admin follows the banner and enters 元旦 2027 and one make-up day.
    const admin = await open('u-admin');
    await admin.goto(`${api.url}/`);
    const banner = admin.getByTestId('calendar-reminder');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain('2027 年节假日安排尚未录入');
    await admin.getByTestId('calendar-reminder-link').click();
    await admin.waitForURL((url) => url.pathname === '/admin/calendar' && url.searchParams.get('year') === '2027');
    await admin.locator('[data-testid=calendar-source][data-source=none]').waitFor();
    await admin.getByTestId('calendar-holidays-add').click();
    await admin.getByRole('combobox', { name: '放假第 1 段 名称' }).fill('元旦');
    await admin.keyboard.press('Escape');
    await admin.getByLabel('放假第 1 段 开始日期').fill('2027-01-01');
    await admin.getByLabel('放假第 1 段 结束日期').fill('2027-01-03');
    await admin.getByTestId('calendar-working-days-add').click();
    await admin.getByRole('combobox', { name: '调休上班第 1 段 名称' }).fill('春节');
    await admin.keyboard.press('Escape');
    await admin.getByLabel('调休上班第 1 段 开始日期').fill('2027-02-20');
    await admin.getByLabel('调休上班第 1 段 结束日期').fill('2027-02-20');
    await admin.getByTestId('calendar-save').click();

    // Assert: stored, the banner is gone, and the staff see the final, later due date.
    await admin.locator('[data-testid=calendar-source][data-source=stored]').waitFor();
    await expect(admin.getByTestId('calendar-source').textContent()).resolves.toContain('系统管理员');
    await banner.waitFor({ state: 'detached' });
    await expect(staffSees(staff)).resolves.toEqual({ text: '2027-01-04', provisional: 0 });
    await staff.goto(`${api.url}/workbench`);
    await staff.getByTestId('task-due-date').first().waitFor();
    await expect(staff.getByTestId('task-due-date').first().textContent()).resolves.toBe('2027-01-04');
    const audit = await (await api.signIn('u-admin')).get('/api/calendar/2027/audit');
    expect(audit.body.items[0]).toMatchObject({ actor: { userId: 'u-admin' }, after: { holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }] } });
    await screenshot(admin, 'calendar-admin');
  }, 120_000);

  it('fits a phone and finds no serious or critical violation', async () => {
    // Arrange
    const page = await open('u-admin', PHONE);

    // Act
    await page.goto(`${api.url}/admin/calendar?year=2026`);
    await page.locator('[data-testid=calendar-source][data-source=package]').waitFor();
    await page.waitForLoadState('networkidle');
    await settleAnimations(page);

    // Assert: the built-in 2026 arrangement is shown as ranges, and nothing overflows.
    await expect(page.getByRole('combobox', { name: '放假第 7 段 名称' }).inputValue()).resolves.toBe('国庆节');
    await expect(page.getByLabel('放假第 7 段 开始日期').inputValue()).resolves.toBe('2026-10-01');
    const { scrollWidth, viewport } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(viewport + 1);
    const found = await seriousViolations(page);
    expect(found, `axe found on the calendar page:\n${found.join('\n')}`).toEqual([]);
    await screenshot(page, 'calendar-admin-phone');
  }, 90_000);
});
