/**
 * Two capabilities of the portal in a real Chromium:
 * - agency (代办): the agent 王五 chooses 张三, who authorised him, fills and submits the senior
 *   card for him, and tracks the case in 我的办件; 张三 sees the same case, 李四 cannot open it;
 * - withdrawal (撤回): an applicant withdraws a submitted case, which then shows 已撤回 in its
 *   timeline, offers no withdrawal any more and has left the window clerk's inbox; once the
 *   case is decided (办结) the applicant is offered no withdrawal, and a page that still showed
 *   the button is answered with the conflict message instead of a withdrawal.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from '@banshi/functions/testing/api-harness';
import { launchBrowser, newContext, screenshot } from './support/browser.js';
import { chooseRegion, pngFile, signInThroughUi, signInWithToken, submitSeniorCard, webDist } from './support/journey.js';

const ZHANG = { name: '张三', idNumber: '150102195603120014', mobile: '13804710001', address: '内蒙古自治区呼和浩特市新城区海拉尔东路1号', regionCode: '150102' };
const WITHDRAW_REASON = '已在街道便民服务中心现场办理';

/** Fills the senior-card form (both steps) with the applicant's particulars, submits it and waits for the receipt; returns the case id. */
async function applyForSeniorCard(page: Page, applicant = ZHANG): Promise<string> {
  // Name and ID number are not typed: they are the applicant's verified identity, read-only
  // (for an agent, the server fills in that of the applicant he acts for).
  for (const label of ['姓名', '公民身份号码']) {
    await expect(page.getByLabel(label, { exact: true }).getAttribute('readonly')).resolves.not.toBeNull();
  }
  await page.getByLabel('手机号码', { exact: true }).fill(applicant.mobile);
  await page.getByLabel('现住址', { exact: true }).fill(applicant.address);
  // Every applicant of these tests lives in 新城区 (150102).
  await chooseRegion(page, '所在行政区划', '呼和浩特市', '新城区');
  await page.getByRole('radio', { name: '本地户籍' }).check();
  await page.getByRole('button', { name: '下一步' }).click();

  await page.getByTestId('attachment-input-identity').setInputFiles(pngFile('身份证.png'));
  await page.getByTestId('attachment-input-photo').setInputFiles(pngFile('照片.png'));
  await page.getByTestId('attachment-identity').getByTestId('attachment-file').waitFor();
  await page.getByTestId('attachment-photo').getByTestId('attachment-file').waitFor();
  await page.getByRole('button', { name: '下一步' }).click();

  await page.getByTestId('submit-application').click();
  await page.waitForURL(/\/receipts\//);
  await page.getByTestId('receipt-number').waitFor();
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
}

/** The actions of the case's timeline, oldest first. */
async function timelineActions(page: Page): Promise<(string | null)[]> {
  const newestFirst = await page.locator('[data-testid=case-timeline] [data-testid=timeline-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
  return [...newestFirst].reverse();
}

const caseStatus = (page: Page, status: string) => page.locator(`[data-testid=case-status][data-status=${status}]`).first();
const inboxRow = (page: Page, caseId: string) => page.locator(`[data-testid=inbox-row][data-case-id="${caseId}"]`);

describe('agency and withdrawal in Chromium', () => {
  let api: Api;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [api, browser] = await Promise.all([
      startApi('e2e-agent-withdraw', undefined, { staticDir: webDist(), strictAttachments: true }),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await api?.stop();
  });

  /** A fresh browser (own storage), signed in as `userId` when given. */
  const open = async (userId?: string): Promise<Page> => {
    const context = await newContext(browser);
    contexts.push(context);
    if (userId) await signInWithToken(context, api, userId);
    return context.newPage();
  };

  it('lets an agent file a senior card for the applicant who authorised him and track it; the applicant sees it, another applicant cannot', async () => {
    // Arrange: the agent 王五 signs in and goes from the guide to the form.
    const agent = await open();
    await signInThroughUi(agent, api.url, 'u-wangwu', '/items/senior-card');
    await agent.getByTestId('apply-button').click();
    await agent.waitForURL(/\/items\/senior-card\/apply/);

    // Act: choose 张三 as the applicant he acts for, then fill and submit 张三's application.
    await agent.getByText('您以代办员身份办理，请先选择委托您办理的申请人。').waitFor();
    const start = agent.getByRole('button', { name: '开始填写' });
    await expect(start.isDisabled()).resolves.toBe(true);
    await agent.getByLabel('委托申请人').selectOption({ label: '张三（u-zhangsan）' });
    await start.click();
    await agent.getByText('代 张三 申请').waitFor();
    const caseId = await applyForSeniorCard(agent);
    const filed = await (await api.signIn('u-zhangsan')).get(`/api/cases/${encodeURIComponent(caseId)}`);
    expect(filed.body.case.data.applicant).toMatchObject({ name: ZHANG.name, idNumber: ZHANG.idNumber });

    // Assert: the receipt names 张三 as the applicant.
    const receiptNo = (await agent.getByTestId('receipt-number').textContent())?.trim() ?? '';
    expect(receiptNo).toMatch(/\S{6,}/);
    await expect(agent.locator('.ant-descriptions').textContent()).resolves.toContain('申请人张三');
    await agent.waitForLoadState('networkidle');
    await screenshot(agent, 'agent-receipt');

    // The agent's 我的办件 lists the case with the applicant it was filed for.
    await agent.getByRole('link', { name: '我的办件' }).first().click();
    await agent.waitForURL(/\/my\/cases$/);
    await agent.getByText('您代办的申请，最新的在前。').waitFor();
    const row = agent.locator(`[data-testid=my-case-row][data-case-id="${caseId}"]`);
    await row.locator('[data-testid=case-status][data-status=submitted]').waitFor();
    await expect(row.getByTestId('receipt-no').textContent()).resolves.toBe(receiptNo);
    await expect(agent.getByRole('columnheader', { name: '申请人' }).count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toContain('张三');
    await agent.waitForLoadState('networkidle');
    await screenshot(agent, 'agent-my-cases');

    // The agent opens the case: its status, applicant and a timeline that says the agent submitted it.
    await row.getByTestId('my-case-link').click();
    await caseStatus(agent, 'submitted').waitFor();
    await expect(agent.getByTestId('case-receipt-no').textContent()).resolves.toBe(receiptNo);
    await expect(agent.getByRole('main').last().textContent()).resolves.toContain('申请人: 张三');
    await agent.getByTestId('case-timeline').waitFor();
    expect(await timelineActions(agent)).toEqual(['submit']);
    await expect(agent.getByTestId('timeline-event').first().textContent()).resolves.toContain('王五');
    await expect(agent.getByTestId('withdraw-button').count()).resolves.toBe(1);
    await agent.waitForLoadState('networkidle');
    await screenshot(agent, 'agent-case');

    // 张三 finds the case filed for him in his own 我的办件 and sees who submitted it.
    const zhang = await open('u-zhangsan');
    await zhang.goto(`${api.url}/my/cases`);
    const zhangRow = zhang.locator(`[data-testid=my-case-row][data-case-id="${caseId}"]`);
    await zhangRow.locator('[data-testid=case-status][data-status=submitted]').waitFor();
    await zhangRow.getByTestId('my-case-link').click();
    await caseStatus(zhang, 'submitted').waitFor();
    await expect(zhang.getByTestId('case-receipt-no').textContent()).resolves.toBe(receiptNo);
    await zhang.getByTestId('case-timeline').waitFor();
    await expect(zhang.getByTestId('timeline-event').first().textContent()).resolves.toContain('王五');

    // 李四 opening the same address is told the case is not found, and sees nothing of it.
    const li = await open('u-lisi');
    await li.goto(`${api.url}/cases/${encodeURIComponent(caseId)}`);
    await li.getByRole('heading', { level: 1, name: '未找到该办件' }).waitFor();
    const shown = (await li.getByRole('main').last().textContent()) ?? '';
    expect(shown).not.toContain(receiptNo);
    expect(shown).not.toContain('张三');
    await expect(li.getByTestId('withdraw-button').count()).resolves.toBe(0);
    await screenshot(li, 'agent-case-other-applicant');
  }, 180_000);

  it('withdraws a submitted case: 已撤回 in the timeline, no withdrawal offered again, and gone from the window clerk’s inbox', async () => {
    // Arrange: 张三 applies through the form; another case of his stays in the inbox as a marker.
    const neighbour = await submitSeniorCard(await api.signIn('u-zhangsan'), ZHANG);
    const applicant = await open();
    await signInThroughUi(applicant, api.url, 'u-zhangsan', '/items/senior-card/apply');
    await applicant.waitForURL((url) => url.pathname === '/items/senior-card/apply');
    const caseId = await applyForSeniorCard(applicant);
    const receiptNo = (await applicant.getByTestId('receipt-number').textContent())?.trim() ?? '';

    const staff = await open('u-xc-civil-window');
    await staff.goto(`${api.url}/workbench`);
    await inboxRow(staff, caseId).waitFor();

    // Act: open the case from the receipt and withdraw it with a reason.
    await applicant.getByRole('link', { name: '查看办件详情' }).click();
    await caseStatus(applicant, 'submitted').waitFor();
    await applicant.getByTestId('withdraw-button').click();
    const dialog = applicant.getByRole('dialog', { name: '确认撤回申请？' });
    await expect(dialog.textContent()).resolves.toContain(receiptNo);
    await dialog.getByLabel('撤回原因（选填）').fill(WITHDRAW_REASON);
    await applicant.getByTestId('withdraw-confirm').click();

    // Assert: 已撤回, with the withdrawal and its reason at the top of the timeline.
    await caseStatus(applicant, 'withdrawn').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await expect(caseStatus(applicant, 'withdrawn').textContent()).resolves.toBe('已撤回');
    await expect(applicant.getByTestId('case-outcome').textContent()).resolves.toContain(WITHDRAW_REASON);
    expect(await timelineActions(applicant)).toEqual(['submit', 'withdraw']);
    const latest = applicant.getByTestId('timeline-event').first();
    await expect(latest.textContent()).resolves.toContain('已撤回');
    await expect(latest.textContent()).resolves.toContain(WITHDRAW_REASON);
    await expect(applicant.getByTestId('withdraw-button').count()).resolves.toBe(0);
    await applicant.waitForLoadState('networkidle');
    await screenshot(applicant, 'withdrawn-case');

    // Loaded afresh, the case still offers no withdrawal.
    await applicant.reload();
    await caseStatus(applicant, 'withdrawn').waitFor();
    await applicant.getByTestId('case-timeline').waitFor();
    await expect(applicant.getByTestId('withdraw-button').count()).resolves.toBe(0);

    // The clerk's inbox, loaded again, lists the neighbour but no longer the withdrawn case.
    await staff.reload();
    await inboxRow(staff, neighbour).waitFor();
    await expect(inboxRow(staff, caseId).count()).resolves.toBe(0);
  }, 180_000);

  it('offers the withdrawal until the case is decided, and answers a page that still shows it with the conflict message', async () => {
    // Arrange: a submitted case, and the window clerk accepting it in the workbench.
    const caseId = await submitSeniorCard(await api.signIn('u-zhangsan'), ZHANG);
    const applicant = await open('u-zhangsan');
    await applicant.goto(`${api.url}/cases/${encodeURIComponent(caseId)}`);
    await caseStatus(applicant, 'submitted').waitFor();
    await applicant.getByTestId('withdraw-button').waitFor();

    const staff = await open('u-xc-civil-window');
    await staff.goto(`${api.url}/workbench/cases/${encodeURIComponent(caseId)}`);
    await staff.locator('[data-testid=staff-case][data-status=submitted]').waitFor();
    await staff.getByTestId('action-accept').click();
    await staff.getByRole('dialog').getByTestId('action-confirm').click();
    await staff.locator('[data-testid=staff-case][data-status=accepted]').waitFor();

    // Accepted but not yet decided: the applicant may still withdraw.
    await applicant.reload();
    await caseStatus(applicant, 'accepted').waitFor();
    await applicant.getByTestId('withdraw-button').waitFor();

    // Act: the clerk completes the case (the decision) while the applicant's page still shows the button.
    await staff.getByTestId('action-complete').click();
    await staff.getByRole('dialog').getByTestId('action-confirm').click();
    await staff.waitForURL(/\/workbench$/);
    await applicant.getByTestId('withdraw-button').click();
    await applicant.getByTestId('withdraw-confirm').click();

    // Assert: no withdrawal happened; the page says the case changed and shows it completed, without the button.
    await applicant.getByTestId('case-conflict').waitFor();
    await expect(applicant.getByTestId('case-conflict').textContent()).resolves.toContain('办件状态已被他人更新');
    await caseStatus(applicant, 'completed').waitFor();
    await expect(applicant.getByTestId('withdraw-button').count()).resolves.toBe(0);
    expect(await timelineActions(applicant)).toEqual(['submit', 'accept', 'complete']);

    // Loaded afresh, the completed case offers no withdrawal either.
    await applicant.reload();
    await caseStatus(applicant, 'completed').waitFor();
    await applicant.getByTestId('case-timeline').waitFor();
    await expect(applicant.getByTestId('withdraw-button').count()).resolves.toBe(0);
    await screenshot(applicant, 'completed-case-no-withdraw');
  }, 180_000);
});
