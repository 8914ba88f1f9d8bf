/**
 * The form's fields as a new applicant meets them, in Chromium (issue 9 §7): a yes/no question shows
 * its question with no answer chosen and a required one holds the applicant back until answered;
 * an empty 下一步 names each missing field; the region is chosen by name (盟市 → 旗县区); the case
 * pages show the answers as text (是 / 否, region names). Drafts: opening the form saves nothing,
 * an empty saved draft is not offered, and the draft's time reads the same (China time) wherever it
 * shows, whatever the browser's own time zone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltInItems } from '@banshi/schemas';
import { startApi, type Api, type ApiClient } from '@banshi/functions/testing/api-harness';
import { seriousViolations } from './support/axe.js';
import { DESKTOP, launchBrowser, newContext, screenshot, settleAnimations } from './support/browser.js';
import { signInWithToken, webDist } from './support/journey.js';

const ITEM = 'home-care-subsidy';
const APPLY = `/items/${ITEM}/apply`;

/** A small item of two sections: a required yes/no question (a radio, as the designer makes it), an optional one (no widget), a region, contacts. */
function homeCareItem() {
  const senior = loadBuiltInItems().find((b) => b.slug === 'senior-card')!;
  const schema = {
    type: 'object',
    title: '居家养老服务补贴申请表',
    properties: {
      household: {
        type: 'object',
        title: '家庭情况',
        properties: {
          livesAlone: { type: 'boolean', title: '是否独居' },
          needsVisits: { type: 'boolean', title: '是否需要上门服务' },
          regionCode: { type: 'string', title: '所在行政区划', format: 'region-code' },
          address: { type: 'string', title: '现住址', minLength: 1, maxLength: 200 },
        },
        required: ['livesAlone', 'regionCode', 'address'],
        additionalProperties: false,
      },
      contact: {
        type: 'object',
        title: '联系人',
        properties: { name: { type: 'string', title: '联系人姓名', minLength: 1, maxLength: 50 }, mobile: { type: 'string', title: '联系电话', format: 'mobile' } },
        required: ['name', 'mobile'],
        additionalProperties: false,
      },
    },
    required: ['household', 'contact'],
    additionalProperties: false,
  };
  const ui = {
    'ui:order': ['household', 'contact'],
    household: { 'ui:order': ['livesAlone', 'needsVisits', 'regionCode', 'address'], livesAlone: { 'ui:widget': 'radio' }, regionCode: { 'ui:widget': 'region' } },
  };
  return {
    item: { ...structuredClone(senior.item), id: ITEM, status: 'draft' as const, version: 1, name: { 'zh-CN': '居家养老服务补贴申请', en: 'Home-care subsidy' }, materials: [] },
    form: { schema, rules: [] },
    ui,
    flow: structuredClone(senior.flow),
  };
}

describe('yes/no questions, the region picker, per-field errors and drafts in Chromium', () => {
  let api: Api;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi('e2e-form-fields', undefined, { staticDir: webDist() }), launchBrowser()]);
    const designer: ApiClient = await api.signIn('u-designer');
    const created = await designer.post('/api/items', homeCareItem());
    if (created.status !== 201) throw new Error(`item not created: ${created.status} ${JSON.stringify(created.body)}`);
    const published = await designer.post(`/api/items/${ITEM}/publish`, {});
    if (published.status !== 201) throw new Error(`item not published: ${published.status} ${JSON.stringify(published.body)}`);
    const claimed = await designer.post(`/api/items/${ITEM}/claims`, { id: `c-${ITEM}-150102`, departmentId: 'd-150102-civil-affairs', level: '4', region: '150102', departments: {} });
    if (claimed.status !== 201) throw new Error(`item not claimed: ${claimed.status} ${JSON.stringify(claimed.body)}`);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await api?.stop();
  });

  const open = async (userId: string, timezoneId?: string): Promise<Page> => {
    // A browser elsewhere keeps its own time zone: times must still read in China time.
    const context = timezoneId ? await browser.newContext({ locale: 'zh-CN', timezoneId, viewport: DESKTOP }) : await newContext(browser);
    contexts.push(context);
    await signInWithToken(context, api, userId);
    return context.newPage();
  };

  it('asks the yes/no question unanswered, holds the applicant back until it is answered and shows 是 / 否 and region names on the case pages', async () => {
    // Arrange: a first visit to the form.
    const page = await open('u-zhangsan');
    await page.goto(`${api.url}${APPLY}`);
    const livesAlone = page.getByRole('group', { name: '是否独居' });
    await livesAlone.waitFor();

    // The questions show, and no answer is chosen for the applicant.
    const needsVisits = page.getByRole('group', { name: '是否需要上门服务' });
    for (const question of [livesAlone, needsVisits]) {
      await expect(question.getByRole('radio', { name: '是' }).isChecked()).resolves.toBe(false);
      await expect(question.getByRole('radio', { name: '否' }).isChecked()).resolves.toBe(false);
    }

    // Act: 下一步 on the empty section.
    await page.getByRole('button', { name: '下一步' }).click();

    // Assert: one error per missing field, none for the section as a whole; axe finds nothing serious.
    await page.getByText('还有 3 处需要修改').waitFor();
    const fieldErrors = page.locator('.banshi-field-error');
    await expect.poll(() => fieldErrors.count()).toBe(3);
    await expect(livesAlone.locator('.banshi-errors').count()).resolves.toBe(1);
    await expect(page.getByRole('group', { name: '所在行政区划' }).locator('.banshi-errors').count()).resolves.toBe(1);
    await expect(page.locator('.banshi-field-error', { has: page.getByLabel('现住址', { exact: true }) }).locator('.banshi-errors').count()).resolves.toBe(1);
    await expect(page.locator('.banshi-group > .banshi-errors').count()).resolves.toBe(0);
    await settleAnimations(page);
    const found = await seriousViolations(page);
    expect(found, `axe found on the form with its errors:\n${found.join('\n')}`).toEqual([]);
    await screenshot(page, 'form-fields-empty-next');

    // The region by name: 呼和浩特市, then its 新城区.
    const region = page.getByRole('group', { name: '所在行政区划' });
    await region.getByLabel('盟市').selectOption({ label: '呼和浩特市' });
    await region.getByLabel('旗县区').selectOption({ label: '新城区' });
    await page.getByLabel('现住址', { exact: true }).fill('新城区海拉尔东路1号');

    // The required yes/no question still unanswered: 下一步 does not go on.
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('还有 1 处需要修改').waitFor();
    await expect(livesAlone.locator('.banshi-errors').count()).resolves.toBe(1);
    await expect(page.getByLabel('联系人姓名', { exact: true }).count()).resolves.toBe(0);

    // Answered 是, it goes on.
    await livesAlone.getByRole('radio', { name: '是' }).check();
    await livesAlone.locator('.banshi-errors').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '下一步' }).click();

    // 下一步 on the contacts section, not started at all: each of its fields says what it needs.
    await page.getByLabel('联系人姓名', { exact: true }).waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('还有 2 处需要修改').waitFor();
    await expect(page.locator('.banshi-field-error', { has: page.getByLabel('联系人姓名', { exact: true }) }).locator('.banshi-errors').count()).resolves.toBe(1);
    await expect(page.locator('.banshi-field-error', { has: page.getByLabel('联系电话', { exact: true }) }).locator('.banshi-errors').count()).resolves.toBe(1);
    await expect(page.locator('.banshi-group > .banshi-errors').count()).resolves.toBe(0);
    await page.getByLabel('联系人姓名', { exact: true }).fill('张小明');
    await page.getByLabel('联系电话', { exact: true }).fill('13804710002');
    await page.getByRole('button', { name: '下一步' }).click();

    // The review step reads the answers as text.
    await expect(page.getByLabel('是否独居', { exact: true }).inputValue()).resolves.toBe('是');
    await expect(page.getByLabel('所在行政区划', { exact: true }).inputValue()).resolves.toBe('内蒙古自治区 / 呼和浩特市 / 新城区');
    await page.getByTestId('submit-application').click();
    await page.waitForURL(/\/receipts\//);
    const caseId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    // The applicant's case page: the question and its answer as text, the region by its names, no radio dots.
    await page.goto(`${api.url}/cases/${encodeURIComponent(caseId)}`);
    const submission = page.getByTestId('submission-view');
    await submission.getByLabel('是否独居', { exact: true }).waitFor();
    await expect(submission.getByLabel('是否独居', { exact: true }).inputValue()).resolves.toBe('是');
    await expect(submission.getByLabel('是否需要上门服务', { exact: true }).inputValue()).resolves.toBe('');
    await expect(submission.getByLabel('所在行政区划', { exact: true }).inputValue()).resolves.toBe('内蒙古自治区 / 呼和浩特市 / 新城区');
    await expect(submission.locator('input[type=radio]').count()).resolves.toBe(0);
    await expect(submission.innerText()).resolves.not.toContain('150102');
    await screenshot(page, 'form-fields-case');

    // The staff's case page reads the same.
    const staff = await open('u-xc-civil-window');
    await staff.goto(`${api.url}/workbench/cases/${encodeURIComponent(caseId)}`);
    const staffView = staff.getByTestId('case-submission');
    await staffView.getByLabel('是否独居', { exact: true }).waitFor();
    await expect(staffView.getByLabel('是否独居', { exact: true }).inputValue()).resolves.toBe('是');
    await expect(staffView.getByLabel('所在行政区划', { exact: true }).inputValue()).resolves.toBe('内蒙古自治区 / 呼和浩特市 / 新城区');
  }, 180_000);

  it('saves no draft for a visit without typing, offers no empty draft, and shows the draft time in China time', async () => {
    // Arrange: a browser far from China; an empty draft left by an earlier visit of the senior card (its calculated age only).
    const li = await api.signIn('u-lisi');
    expect((await li.put('/api/drafts/senior-card', { data: { age: null }, step: 0 })).status).toBeLessThan(300);
    const page = await open('u-lisi', 'America/New_York');

    // Act: open the senior card's form, type nothing, leave through the menu.
    await page.goto(`${api.url}/items/senior-card/apply`);
    await page.locator('#root_applicant_idNumber').waitFor();
    await expect(page.getByTestId('draft-continue').count()).resolves.toBe(0);
    await page.getByRole('link', { name: '我的办件' }).first().click();
    await page.waitForURL((url) => url.pathname === '/my/cases');
    await page.waitForLoadState('networkidle');

    // Assert: no draft (the empty one is gone, none was saved), so none is offered next time.
    expect((await li.get('/api/drafts/senior-card')).status).toBe(404);
    await page.goto(`${api.url}/items/senior-card/apply`);
    await page.locator('#root_applicant_idNumber').waitFor();
    await expect(page.getByTestId('draft-continue').count()).resolves.toBe(0);

    // A real change is saved, and its time (the server's clock: 2026-03-02 02:00 UTC) reads 10:00 in both places.
    await page.goto(`${api.url}${APPLY}`);
    await page.getByLabel('现住址', { exact: true }).fill('新城区锡林路');
    await page.getByTestId('draft-status').filter({ hasText: '已保存草稿 2026-03-02 10:00' }).waitFor();
    await page.goto(`${api.url}${APPLY}`);
    await page.getByText('您有一份未提交的草稿（保存于 2026-03-02 10:00）').waitFor();
  }, 120_000);
});
