/**
 * A correction asked by one department of a parallel review (施工许可并联审批) in a real Chromium:
 * the civil-air-defence reviewer finds the case in the inbox (with its applicant and its receipt
 * time, not the task's arrival), returns it for a missing design file and finds it among the
 * handled cases (已办); the fire-design reviewer's panel says the branch is paused for the
 * correction and the history names the branch and department that asked; the applicant (on a
 * phone) reads which department asked — never a staff member's name — and the resubmit form opens
 * on the step of the flagged field.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, startApi, type Api } from '@banshi/functions/testing/api-harness';
import { constructionApplication } from '@banshi/functions/test-helpers/applications';
import { act, beijing10am, inboxTask, readCase } from '@banshi/functions/test-helpers/workbench';
import { DESKTOP, PHONE, launchBrowser, newContext, screenshot } from './support/browser.js';
import { horizontalOverflow, signInWithToken, webDist } from './support/journey.js';

const APPLICANT = '呼和浩特青城建筑工程有限公司';
const AIR_DEFENCE_REVIEWER = '胡斌';
const PLANNING_REVIEWER = '朱红';
const CORRECTION_MESSAGE = '人防工程设计文件缺少防护单元平面图';

describe('a correction asked by one branch of a parallel review, in Chromium', () => {
  let api: Api;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi('e2e-parallel-correction', '2026-11-02', { staticDir: webDist() }), launchBrowser()]);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await api?.stop();
  });

  const open = async (userId: string, viewport = DESKTOP): Promise<Page> => {
    const context = await newContext(browser, viewport);
    contexts.push(context);
    await signInWithToken(context, api, userId);
    return context.newPage();
  };

  it('names the department that asked, pauses the other branch and opens the form on the flagged step', async () => {
    // Arrange: received on 11-02, accepted on 11-03 (the branch tasks arrive then), planning agrees.
    const [qingcheng, housingWindow, planningReviewer] = await Promise.all(['u-qingcheng', 'u-hh-housing-window', 'u-hh-planning-reviewer'].map((u) => api.signIn(u)));
    const submitted = await qingcheng.post('/api/cases', constructionApplication({ hasBasement: true }), { 'idempotency-key': newKey() });
    expect(submitted.status).toBe(201);
    const caseId: string = submitted.body.case.id;
    api.clock.set(beijing10am('2026-11-03'));
    const windowTask = await inboxTask(housingWindow, 'window', caseId);
    expect((await act(housingWindow, caseId, { action: 'accept', taskId: windowTask.id, expectedVersion: 1 })).status).toBe(200);
    const planningTask = await inboxTask(planningReviewer, 'reviewer', caseId);
    const { case: accepted } = await readCase(planningReviewer, caseId);
    expect((await act(planningReviewer, caseId, { action: 'approve', taskId: planningTask.id, expectedVersion: accepted.version })).status).toBe(200);

    // The civil-air-defence reviewer's inbox: who applied, and when the case was received.
    const reviewer = await open('u-hh-airdefence-reviewer');
    await reviewer.goto(`${api.url}/workbench`);
    const row = reviewer.locator(`[data-testid=inbox-row][data-case-id="${caseId}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(APPLICANT);
    await expect(row.getByTestId('inbox-received').textContent()).resolves.toBe('2026-11-02 10:00');

    // Act: the reviewer returns the case for the missing air-defence design file.
    await row.click();
    await reviewer.locator('[data-testid=staff-case][data-status=inReview]').waitFor();
    await expect(reviewer.getByTestId('action-approve').textContent()).resolves.toBe('同意');
    await reviewer.getByTestId('action-returnForCorrection').click();
    const dialog = reviewer.getByRole('dialog');
    await dialog.getByLabel('字段').click();
    await dialog.getByLabel('字段').fill('人防工程设计文件');
    await dialog.getByLabel('字段').press('Enter');
    await dialog.getByLabel('补正说明').fill(CORRECTION_MESSAGE);
    await dialog.getByTestId('action-confirm').click();
    await reviewer.waitForURL(/\/workbench$/);

    // Assert: the case is among the reviewer's handled cases (已办).
    await reviewer.getByTestId('inbox-view').getByText('已办').click();
    const handled = reviewer.locator(`[data-testid=handled-row][data-case-id="${caseId}"]`);
    await handled.waitFor();
    expect(await handled.getAttribute('data-action')).toBe('returnForCorrection');
    await expect(handled.textContent()).resolves.toContain('补齐补正');

    // The fire-design reviewer: the branch is paused for the correction, not 办理中; the history
    // names the branch and the department that asked, and the task the correction took away.
    const housing = await open('u-hh-housing-reviewer');
    await housing.goto(`${api.url}/workbench/cases/${caseId}`);
    await housing.locator('[data-testid=staff-case][data-status=correction]').waitFor();
    const fire = housing.locator('[data-testid=branch][data-branch-id=fireDesign]');
    await expect(fire.getAttribute('data-state')).resolves.toBe('paused');
    await expect(fire.getByTestId('branch-state').textContent()).resolves.toBe('已因补正暂停');
    await expect(housing.locator('[data-testid=branch][data-branch-id=airDefence]').getByTestId('branch-state').textContent()).resolves.toBe('已退回补正');
    const returned = housing.locator('[data-testid=history-event][data-action=returnForCorrection]');
    await expect(returned.getByTestId('history-where').textContent()).resolves.toBe('人防设计审查 · 市人防办');
    await expect(returned.getByTestId('history-cancelled').textContent()).resolves.toContain('消防设计审查（市住建局）');
    await expect(housing.locator('[data-testid=history-event][data-action=approve]').textContent()).resolves.toContain('同意');
    await housing.waitForLoadState('networkidle');
    await screenshot(housing, 'parallel-correction-staff');

    // The applicant, on a phone: which department asked, the departments in the timeline (never a
    // staff member's name), and the resubmit form on the step of the flagged field.
    const applicant = await open('u-qingcheng', PHONE);
    await applicant.goto(`${api.url}/cases/${caseId}`);
    await applicant.locator('[data-testid=case-status][data-status=correction]').waitFor();
    await expect(applicant.getByTestId('correction-asked-by').textContent()).resolves.toContain('人防设计审查（市人防办）');
    const returnedEvent = applicant.locator('[data-testid=timeline-event][data-action=returnForCorrection]');
    await expect(returnedEvent.getByTestId('timeline-who').textContent()).resolves.toBe('人防设计审查 · 市人防办');
    await expect(returnedEvent.getByTestId('timeline-cancelled').textContent()).resolves.toContain('消防设计审查');
    await expect(applicant.locator('[data-testid=timeline-event][data-action=approve]').textContent()).resolves.toContain('市自然资源局');
    await expect(applicant.locator('[data-testid=branch][data-branch-id=fireDesign]').getByTestId('branch-state').textContent()).resolves.toBe('已因补正暂停');
    await applicant.waitForLoadState('networkidle');
    const body = await applicant.locator('body').innerText();
    expect(body).not.toContain(AIR_DEFENCE_REVIEWER);
    expect(body).not.toContain(PLANNING_REVIEWER);
    expect((await horizontalOverflow(applicant)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
    await screenshot(applicant, 'parallel-correction-applicant');

    await applicant.getByTestId('resubmit-button').click();
    await applicant.waitForURL(/\/apply\?correct=/);
    await expect(applicant.getByTestId('correction-asked-by').textContent()).resolves.toContain('市人防办');
    await expect(applicant.locator('[aria-current=step]').textContent()).resolves.toContain('申请材料');
  }, 180_000);
});
