/**
 * axe-core (through Playwright) on the pages of the portal and the workbench, each with real data:
 * no violation of impact serious or critical. A failure lists each violation's rule, impact and
 * the elements it found.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from '@banshi/functions/testing/api-harness';
import { seriousViolations } from './support/axe.js';
import { launchBrowser, newContext, screenshot, settleAnimations } from './support/browser.js';
import { signInWithToken, submitSeniorCard, webDist } from './support/journey.js';

describe('accessibility (axe-core) of the portal and the workbench', () => {
  let api: Api;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let correctionCaseId: string;
  let submittedCaseId: string;
  const pages = new Map<string, Page>();

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi('e2e-a11y', undefined, { staticDir: webDist(), strictAttachments: true }), launchBrowser()]);
    // Real data: one case returned for correction, one waiting in the window clerk's inbox.
    const zhang = await api.signIn('u-zhangsan');
    const window = await api.signIn('u-xc-civil-window');
    correctionCaseId = await submitSeniorCard(zhang);
    submittedCaseId = await submitSeniorCard(zhang);
    const task = (await window.get(`/api/cases/${correctionCaseId}`)).body.openTasks[0];
    const returned = await window.post(`/api/cases/${correctionCaseId}/actions`, {
      action: 'returnForCorrection', taskId: task.id, expectedVersion: 1, correction: [{ pointer: '/attachments/photo', message: '照片不清晰，请重新上传' }],
    });
    if (returned.status !== 200) throw new Error(`not returned: ${returned.status} ${JSON.stringify(returned.body)}`);
    for (const userId of ['u-zhangsan', 'u-xc-civil-window', 'u-wangwu']) {
      const context = await newContext(browser);
      contexts.push(context);
      await signInWithToken(context, api, userId);
      pages.set(userId, await context.newPage());
    }
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await api?.stop();
  });

  /** Opens `path` as `userId`, waits for `ready` and the network to settle, runs `then`, screenshots. */
  const visit = async (userId: string, path: string, ready: string, name: string, then?: (page: Page) => Promise<void>) => {
    const page = pages.get(userId)!;
    const problems: string[] = [];
    const onResponse = (r: { status(): number; url(): string }) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`);
    page.on('response', onResponse);
    try {
      await page.goto(`${api.url}${path}`);
      await page.locator(ready).first().waitFor({ timeout: 20_000 });
    } catch (error) {
      await screenshot(page, `a11y-${name}-failed`);
      const shown = await page.locator('main').innerText().catch(() => '');
      throw new Error(`${path} did not show ${ready}; responses ≥ 400: ${problems.join(', ') || 'none'}; page: ${shown.slice(0, 300)}`, { cause: error });
    } finally {
      page.off('response', onResponse);
    }
    await page.waitForLoadState('networkidle');
    await then?.(page);
    await settleAnimations(page);
    await screenshot(page, `a11y-${name}`);
    return page;
  };

  it.each([
    { name: 'catalog', user: 'u-zhangsan', path: () => '/', ready: '[data-testid=catalog-item]' },
    { name: 'guide', user: 'u-zhangsan', path: () => '/items/senior-card', ready: '[data-testid=apply-button]' },
    { name: 'my cases', user: 'u-zhangsan', path: () => '/my/cases', ready: '[data-testid=my-case-row]' },
    { name: 'applicant case page', user: 'u-zhangsan', path: () => `/cases/${correctionCaseId}`, ready: '[data-testid=correction-list]' },
    { name: 'agent choosing the applicant', user: 'u-wangwu', path: () => '/items/senior-card/apply', ready: '#agent-applicant' },
    { name: 'inbox', user: 'u-xc-civil-window', path: () => '/workbench', ready: '[data-testid=inbox-row]' },
    { name: 'staff case page', user: 'u-xc-civil-window', path: () => `/workbench/cases/${submittedCaseId}`, ready: '[data-testid=action-accept]' },
  ])('finds no serious or critical violation on the $name', async ({ name, user, path, ready }) => {
    // Arrange
    const page = await visit(user, path(), ready, name.replace(/ /g, '-'));

    // Act
    const found = await seriousViolations(page);

    // Assert
    expect(found, `axe found on the ${name}:\n${found.join('\n')}`).toEqual([]);
  }, 60_000);

  it('finds no serious or critical violation on the apply form showing a field error', async () => {
    // Arrange: the form (name and ID number read-only from the account) with a short mobile number entered.
    const page = await visit('u-zhangsan', '/items/senior-card/apply', '#root_applicant_idNumber', 'apply-form', async (p) => {
      const mobile = p.getByLabel('手机号码', { exact: true });
      await mobile.fill('1380471000');
      await mobile.blur();
      await p.getByText(/11位手机号码/).first().waitFor();
    });

    // Act
    const found = await seriousViolations(page);

    // Assert
    expect(found, `axe found on the apply form:\n${found.join('\n')}`).toEqual([]);
  }, 60_000);

  it('finds no serious or critical violation in the withdraw dialog of the applicant case page', async () => {
    // Arrange
    const page = await visit('u-zhangsan', `/cases/${submittedCaseId}`, '[data-testid=withdraw-button]', 'withdraw-dialog', async (p) => {
      await p.getByTestId('withdraw-button').click();
      await p.getByRole('dialog').getByLabel('撤回原因（选填）').waitFor();
    });

    // Act
    const found = await seriousViolations(page);

    // Assert
    expect(found, `axe found in the dialog:\n${found.join('\n')}`).toEqual([]);
  }, 60_000);

  it('finds no serious or critical violation in the return-for-correction dialog of the staff case page', async () => {
    // Arrange
    const page = await visit('u-xc-civil-window', `/workbench/cases/${submittedCaseId}`, '[data-testid=action-returnForCorrection]', 'staff-action-dialog', async (p) => {
      await p.getByTestId('action-returnForCorrection').click();
      await p.getByRole('dialog').getByLabel('补正说明').waitFor();
    });

    // Act
    const found = await seriousViolations(page);

    // Assert
    expect(found, `axe found in the dialog:\n${found.join('\n')}`).toEqual([]);
  }, 60_000);
});
