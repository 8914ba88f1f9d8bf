/**
 * Issue 9 §1 in a real Chromium: the applicant section of the senior card is 李四's verified
 * identity, prefilled and read-only; the item lets a relative apply for an elderly person, so he
 * chooses 为他人申请 as 张三's child, enters 张三's particulars and submits; the window clerk sees
 * whom the case is for and the applicant's relation to them.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from '@banshi/functions/testing/api-harness';
import { launchBrowser, newContext, screenshot } from './support/browser.js';
import { chooseRegion, pngFile, signInWithToken, webDist, ZHANG_APPLICANT } from './support/journey.js';

describe('applying for a relative in Chromium', () => {
  let api: Api;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [api, browser] = await Promise.all([
      startApi('e2e-apply-for-relative', undefined, { staticDir: webDist(), strictAttachments: true }),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await api?.stop();
  });

  const open = async (userId: string): Promise<Page> => {
    const context = await newContext(browser);
    contexts.push(context);
    await signInWithToken(context, api, userId);
    return context.newPage();
  };

  it('shows 李四 his own identity read-only, lets him apply for his father and shows staff the relation', async () => {
    // Arrange: 李四 opens the senior card's form.
    const li = await open('u-lisi');
    await li.goto(`${api.url}/items/senior-card/apply`);
    const name = li.getByLabel('姓名', { exact: true });
    const idNumber = li.getByLabel('公民身份号码', { exact: true });
    await expect.poll(() => idNumber.inputValue()).toBe('150102199007150039');
    await expect(name.inputValue()).resolves.toBe('李四');
    await expect(idNumber.getAttribute('readonly')).resolves.not.toBeNull();
    await li.getByText('已按您的实名认证信息填写，不能修改').first().waitFor();

    // Act: he applies for someone else, as their child, and enters his father's particulars.
    await li.getByLabel('为谁申请').selectOption({ label: '他人（本人是其子女）' });
    await expect.poll(() => idNumber.getAttribute('readonly')).toBeNull();
    await name.fill(ZHANG_APPLICANT.name);
    await idNumber.fill(ZHANG_APPLICANT.idNumber);
    await li.getByLabel('手机号码', { exact: true }).fill('13904710002');
    await li.getByLabel('现住址', { exact: true }).fill(ZHANG_APPLICANT.address);
    await chooseRegion(li, '所在行政区划', '呼和浩特市', '新城区');
    await li.getByRole('radio', { name: '本地户籍' }).check();
    await screenshot(li, 'apply-for-relative');
    await li.getByRole('button', { name: '下一步' }).click();
    await li.getByTestId('attachment-input-identity').setInputFiles(pngFile('身份证.png'));
    await li.getByTestId('attachment-input-photo').setInputFiles(pngFile('照片.png'));
    await li.getByTestId('attachment-identity').getByTestId('attachment-file').waitFor();
    await li.getByTestId('attachment-photo').getByTestId('attachment-file').waitFor();
    await li.getByRole('button', { name: '下一步' }).click();
    await li.getByTestId('submit-application').click();
    await li.waitForURL(/\/receipts\//);
    const caseId = decodeURIComponent(new URL(li.url()).pathname.split('/').pop()!);

    // Assert: the window clerk sees whom the case is for and how the applicant is related.
    const staff = await open('u-xc-civil-window');
    await staff.goto(`${api.url}/workbench/cases/${encodeURIComponent(caseId)}`);
    const subject = staff.getByTestId('case-subject');
    await subject.waitFor();
    await expect(subject.textContent()).resolves.toBe('张三（申请人是其子女）');
    await expect(subject.getAttribute('data-relation')).resolves.toBe('child');
    await staff.waitForLoadState('networkidle');
    await screenshot(staff, 'staff-case-subject');
  }, 180_000);
});
