/**
 * The main journey of issue 3 in a real Chromium: an applicant finds the senior-card item, applies
 * (name and ID number prefilled read-only from his verified account; the Chinese error of a short
 * mobile number first), attaches the photo and the ID card and
 * gets a receipt; a window clerk returns the case for correction; the applicant corrects and
 * resubmits; the clerk accepts and completes it; the applicant sees it completed with its timeline.
 * The completed case page and the apply form are also looked at on a phone (390×844).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from '@banshi/functions/testing/api-harness';
import { DESKTOP, PHONE, launchBrowser, newContext, screenshot } from './support/browser.js';
import { chooseRegion, horizontalOverflow, pngFile, signInThroughUi, signInWithToken, webDist } from './support/journey.js';

const VALID_ID = '150102195603120014';
const SHORT_MOBILE = '1380471000';
const FIRST_ADDRESS = '新城区锡林路';
const CORRECTED_ADDRESS = '内蒙古自治区呼和浩特市新城区锡林郭勒北路1号';
const CORRECTION_MESSAGE = '请填写完整的门牌号';

describe('the applicant and staff journey in Chromium', () => {
  let api: Api;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [api, browser] = await Promise.all([
      // Attachments are checked as they are for a real user: only uploaded blobs are accepted.
      startApi('e2e-journey', undefined, { staticDir: webDist(), strictAttachments: true }),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await api?.stop();
  });

  const open = async (viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await newContext(browser, viewport);
    contexts.push(context);
    return { context, page: await context.newPage() };
  };

  it('takes a senior card from the catalog through correction to completed', async () => {
    // Arrange: the applicant signs in through the sign-in page.
    const { page: applicant } = await open();
    await signInThroughUi(applicant, api.url, 'u-zhangsan');

    // The catalog: search for the item.
    await applicant.getByLabel('搜索事项').fill('老年人优待证');
    await applicant.getByLabel('搜索事项').press('Enter');
    await applicant.waitForURL(/\?q=/);
    const item = applicant.locator('[data-testid=catalog-item][data-item-id=senior-card]');
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('老年人优待证');
    await applicant.waitForLoadState('networkidle');
    await screenshot(applicant, 'catalog');

    // The guide.
    await item.click();
    await applicant.getByTestId('guide-title').waitFor();
    await expect(applicant.getByTestId('guide-title').textContent()).resolves.toContain('老年人优待证');
    await applicant.waitForLoadState('networkidle');
    await screenshot(applicant, 'guide');
    await applicant.getByTestId('apply-button').click();
    await applicant.waitForURL(/\/items\/senior-card\/apply/);

    // The form, step 1: 张三's name and ID number are his verified account's, shown read-only.
    const idNumber = applicant.getByLabel('公民身份号码', { exact: true });
    await expect.poll(() => idNumber.inputValue()).toBe(VALID_ID);
    await expect(idNumber.getAttribute('readonly')).resolves.not.toBeNull();
    await expect(applicant.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('张三');
    await expect(applicant.getByTestId('apply-subject').inputValue()).resolves.toBe('');
    // A mobile number one digit short shows the Chinese error.
    const mobile = applicant.getByLabel('手机号码', { exact: true });
    await mobile.fill(SHORT_MOBILE);
    await mobile.blur();
    const mobileError = applicant.getByText(/11位手机号码/);
    await mobileError.first().waitFor();
    // The message is the field's own: inside the field's block, and named by the input's aria-describedby.
    await expect(applicant.locator('.banshi-field-error', { has: mobile }).textContent()).resolves.toContain('11位手机号码');
    const describedBy = (await mobile.getAttribute('aria-describedby')) ?? '';
    await expect(applicant.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()).resolves.toContain('11位手机号码');
    await expect.poll(() => mobile.getAttribute('aria-invalid')).toBe('true');
    await screenshot(applicant, 'apply-field-error');

    await mobile.fill('13804710001');
    await mobile.blur();
    await mobileError.first().waitFor({ state: 'detached' });
    await expect.poll(() => mobile.getAttribute('aria-invalid')).toBeNull();
    await applicant.getByLabel('现住址', { exact: true }).fill(FIRST_ADDRESS);
    await chooseRegion(applicant, '所在行政区划', '呼和浩特市', '新城区');
    await applicant.getByRole('radio', { name: '本地户籍' }).check();
    await applicant.getByRole('button', { name: '下一步' }).click();

    // Step 2: the photo and the ID card, as small PNG files.
    await applicant.getByTestId('attachment-input-identity').setInputFiles(pngFile('身份证.png'));
    await applicant.getByTestId('attachment-input-photo').setInputFiles(pngFile('照片.png'));
    await applicant.getByTestId('attachment-identity').getByTestId('attachment-file').waitFor();
    await applicant.getByTestId('attachment-photo').getByTestId('attachment-file').waitFor();
    await applicant.getByRole('button', { name: '下一步' }).click();

    // Review, submit, receipt.
    await applicant.getByTestId('submit-application').click();
    await applicant.waitForURL(/\/receipts\//);
    const receiptNo = (await applicant.getByTestId('receipt-number').textContent())?.trim() ?? '';
    expect(receiptNo).toMatch(/\S{6,}/);
    const caseId = decodeURIComponent(new URL(applicant.url()).pathname.split('/').pop()!);
    await applicant.waitForLoadState('networkidle');
    await screenshot(applicant, 'receipt');

    // Staff: sign in, find the case in the inbox, return it for correction naming 现住址.
    const { page: staff } = await open();
    await signInThroughUi(staff, api.url, 'u-xc-civil-window');
    await staff.waitForURL(/\/workbench$/);
    const row = staff.locator(`[data-testid=inbox-row][data-case-id="${caseId}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(receiptNo);
    await screenshot(staff, 'inbox');
    await row.click();
    await staff.locator('[data-testid=staff-case][data-status=submitted]').waitFor();
    await staff.getByTestId('action-returnForCorrection').waitFor();
    await staff.waitForLoadState('networkidle');
    await screenshot(staff, 'staff-case');

    await staff.getByTestId('action-returnForCorrection').click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByLabel('字段').click();
    await dialog.getByLabel('字段').fill('现住址');
    await dialog.getByLabel('字段').press('Enter');
    await dialog.getByLabel('补正说明').fill(CORRECTION_MESSAGE);
    await dialog.getByTestId('action-confirm').click();
    await staff.waitForURL(/\/workbench$/);
    await staff.getByTestId('inbox-flash').waitFor();

    // The applicant sees what to fix and corrects it.
    await applicant.goto(`${api.url}/my/cases`);
    const myRow = applicant.locator(`[data-testid=my-case-row][data-case-id="${caseId}"]`);
    await myRow.locator('[data-testid=case-status][data-status=correction]').waitFor();
    await applicant.waitForLoadState('networkidle');
    await screenshot(applicant, 'my-cases');
    await myRow.getByTestId('my-case-link').click();
    await applicant.locator('[data-testid=case-status][data-status=correction]').waitFor();
    // The item names the field by its title once the case's form version has loaded.
    const toFix = applicant.locator('[data-testid=correction-item][data-pointer="/applicant/address"]');
    await toFix.filter({ hasText: '现住址' }).waitFor();
    await expect(toFix.textContent()).resolves.toContain(CORRECTION_MESSAGE);
    await screenshot(applicant, 'case-correction');

    await applicant.getByRole('button', { name: '补正并重新提交' }).click();
    await applicant.waitForURL(/correct=/);
    await expect(applicant.getByTestId('correction-list').textContent()).resolves.toContain(CORRECTION_MESSAGE);
    const address = applicant.getByLabel('现住址', { exact: true });
    await expect(address.inputValue()).resolves.toBe(FIRST_ADDRESS);
    await expect(applicant.getByLabel('公民身份号码', { exact: true }).inputValue()).resolves.toBe(VALID_ID);
    await address.fill(CORRECTED_ADDRESS);
    await applicant.getByRole('button', { name: '下一步' }).click();
    await applicant.getByTestId('attachment-photo').getByTestId('attachment-file').waitFor();
    await applicant.getByRole('button', { name: '下一步' }).click();
    await applicant.getByTestId('submit-application').click();
    await applicant.waitForURL((url) => url.pathname === `/cases/${caseId}`);
    await applicant.locator('[data-testid=case-status][data-status=submitted]').waitFor();

    // Staff accepts, then completes.
    await staff.goto(`${api.url}/workbench/cases/${encodeURIComponent(caseId)}`);
    await staff.locator('[data-testid=staff-case][data-status=submitted]').waitFor();
    const submittedAddress = staff.getByTestId('case-submission').getByLabel('现住址', { exact: true });
    await submittedAddress.waitFor();
    await expect(submittedAddress.inputValue()).resolves.toBe(CORRECTED_ADDRESS);
    await staff.getByTestId('action-accept').click();
    await staff.getByRole('dialog').getByTestId('action-confirm').click();
    await staff.locator('[data-testid=staff-case][data-status=accepted]').waitFor();
    await staff.getByTestId('action-complete').click();
    await staff.getByRole('dialog').getByTestId('action-confirm').click();
    await staff.waitForURL(/\/workbench$/);

    // Assert: the applicant sees the case completed, with its timeline.
    await applicant.goto(`${api.url}/cases/${encodeURIComponent(caseId)}`);
    await applicant.locator('[data-testid=case-status][data-status=completed]').waitFor();
    const actions = await applicant.locator('[data-testid=case-timeline] [data-testid=timeline-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect([...actions].reverse()).toEqual(['submit', 'returnForCorrection', 'resubmit', 'accept', 'complete']);
    await applicant.waitForLoadState('networkidle');
    await screenshot(applicant, 'case-completed');

    // The same case page on a phone: nothing wider than the screen.
    const { context: phoneContext, page: phone } = await open(PHONE);
    await signInWithToken(phoneContext, api, 'u-zhangsan');
    await phone.goto(`${api.url}/cases/${encodeURIComponent(caseId)}`);
    await phone.locator('[data-testid=case-status][data-status=completed]').waitFor();
    await phone.getByTestId('case-timeline').waitFor();
    await phone.waitForLoadState('networkidle');
    const { scrollWidth, viewport } = await horizontalOverflow(phone);
    expect(viewport).toBe(PHONE.width);
    expect(scrollWidth).toBeLessThanOrEqual(PHONE.width + 1);
    await screenshot(phone, 'phone-case');
  }, 180_000);

  it('shows the apply form on a phone without horizontal scrolling', async () => {
    // Arrange: a phone signed in as another applicant (no draft of the journey's applicant in the way).
    const { context, page } = await open(PHONE);
    await signInWithToken(context, api, 'u-lisi');

    // Act
    await page.goto(`${api.url}/items/senior-card/apply`);
    await page.getByLabel('公民身份号码', { exact: true }).waitFor();
    await page.waitForLoadState('networkidle');

    // Assert
    const { scrollWidth, viewport } = await horizontalOverflow(page);
    expect(viewport).toBe(PHONE.width);
    expect(scrollWidth).toBeLessThanOrEqual(PHONE.width + 1);
    await screenshot(page, 'phone-apply-form');
  }, 60_000);
});
