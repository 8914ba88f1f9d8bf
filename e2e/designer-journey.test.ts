/**
 * The designer's journey in a real Chromium, from nothing to a completed case, using only the UI:
 * a designer creates a new item, writes its guide, builds its form (name, resident ID number,
 * mobile, address, a choice, a field shown only under a condition on that choice, an attachment),
 * its flow (a condition on the choice that routes to a review step, and a return for correction at
 * acceptance), dry-runs the flow, publishes it and has a department claim it; an applicant finds it
 * in the catalog and applies; the window returns it for correction, the applicant corrects and
 * resubmits, the window accepts, the reviewer approves and the window completes it.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from '@banshi/functions/testing/api-harness';
import { DESKTOP, launchBrowser, newContext, screenshot } from './support/browser.js';
import { pngFile, signInWithToken, webDist } from './support/journey.js';

const ITEM = 'elder-allowance';
const ITEM_NAME = '高龄津贴申领';
const VALID_ID = '150102195603120014';

/** Picks an option of an antd Select by its label. */
async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
}

/** Adds a field of a kind from the palette and names it: its label (when given) and its key. */
async function addField(page: Page, kind: string, key: string, label?: string): Promise<void> {
  await page.getByTestId(`palette-${kind}`).click();
  const properties = page.getByTestId('field-properties');
  if (label) await properties.getByTestId('prop-label').fill(label);
  const keyInput = properties.getByTestId('prop-key');
  await keyInput.fill(key);
  await keyInput.press('Enter');
  await page.getByTestId(`field-${key}`).waitFor();
}

describe('a designer builds an item that an applicant then applies for and staff complete', () => {
  let api: Api;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi('e2e-designer-journey', undefined, { staticDir: webDist(), strictAttachments: true }), launchBrowser()]);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await api?.stop();
  });

  const open = async (userId: string): Promise<Page> => {
    const context = await newContext(browser, DESKTOP);
    contexts.push(context);
    await signInWithToken(context, api, userId);
    return context.newPage();
  };

  it('goes from a new item to a completed case through the UI alone', async () => {
    // ── The designer: a new item and its guide ────────────────────────────────────────────
    const designer = await open('u-designer');
    await designer.goto(`${api.url}/designer`);
    await designer.getByTestId('new-item').click();
    await designer.getByLabel('事项编号').fill(ITEM);
    await designer.getByLabel('事项名称（中文）').fill(ITEM_NAME);
    await designer.getByTestId('new-item-create').click();
    await designer.waitForURL(new RegExp(`/designer/items/${ITEM}/guide$`));
    await designer.getByTestId('guide-editor').waitFor();

    await designer.getByLabel('实施主体名称（中文）').fill('呼和浩特市民政局');
    await designer.getByLabel('法规名称（中文）').fill('《内蒙古自治区老年人权益保障条例》');
    await designer.getByLabel('受理条件 1（中文）').fill('年满80周岁的本地户籍老年人');
    await designer.getByLabel('承诺办结时限（天数）').fill('5');
    await designer.getByRole('button', { name: '添加材料' }).click();
    await designer.getByLabel('材料编号').fill('identity');
    await designer.getByLabel('材料名称（中文）').fill('居民身份证');
    await designer.getByLabel('受理标准（中文）').fill('在有效期内');
    await designer.getByTestId('guide-ok').waitFor();

    // ── The form: seven fields, one shown only for applicants from elsewhere ─────────────
    await designer.getByTestId('tab-form').click();
    await designer.getByTestId('form-builder').waitFor();
    await addField(designer, 'text', 'name', '姓名');
    await designer.getByTestId('field-properties').getByTestId('prop-required').click();
    await addField(designer, 'residentId', 'idNumber');
    await designer.getByTestId('field-properties').getByTestId('prop-required').click();
    await addField(designer, 'mobile', 'mobile');
    await addField(designer, 'address', 'address');
    await addField(designer, 'single', 'residenceType', '户籍类型');
    const properties = designer.getByTestId('field-properties');
    await properties.getByTestId('option-0-label').fill('本地户籍');
    await properties.getByTestId('option-0-value').fill('local');
    await properties.getByTestId('option-0-value').press('Enter');
    await properties.getByTestId('option-1-label').fill('外地户籍');
    await properties.getByTestId('option-1-value').fill('elsewhere');
    await properties.getByTestId('option-1-value').press('Enter');
    await designer.getByTestId('field-properties').getByTestId('prop-required').click();
    await addField(designer, 'text', 'permitNo', '居住证号码');
    await designer.getByTestId('visible-add-group').click();
    await pickOption(designer, designer.getByTestId('visible-0-0-field'), '户籍类型');
    await pickOption(designer, designer.getByTestId('visible-0-0-value'), '外地户籍');
    await expect(designer.getByTestId('visible-sentence').textContent()).resolves.toContain('外地户籍');
    await designer.getByTestId('palette-attachment').click();
    await designer.getByTestId('field-identity').waitFor();
    for (const key of ['name', 'idNumber', 'mobile', 'address', 'residenceType', 'permitNo', 'identity']) await designer.getByTestId(`field-${key}`).waitFor();
    await designer.getByTestId('field-permitNo-conditional').waitFor();

    // ── The flow: a return for correction at acceptance, and a review for applicants from elsewhere ──
    await designer.getByTestId('tab-flow').click();
    await designer.getByTestId('flow-diagram').waitFor();
    const panel = designer.getByTestId('flow-step-panel');
    await designer.getByRole('radio', { name: '办理' }).first().check();
    await designer.getByTestId('flow-add-step').click();
    await expect.poll(() => panel.getByTestId('flow-step-id').inputValue()).toBe('step');
    await panel.getByTestId('flow-step-name-zh').fill('外地户籍复核');
    await panel.getByTestId('flow-step-role').selectOption('reviewer');
    await panel.getByTestId('flow-add-transition').click();
    await panel.getByTestId('flow-transition-0-on').selectOption('approve');
    await panel.getByTestId('flow-transition-0-to').selectOption('complete');

    await designer.getByTestId('flow-edit-accept').click();
    await expect.poll(() => panel.getByTestId('flow-step-id').inputValue()).toBe('accept');
    await panel.getByRole('checkbox', { name: '退回补正' }).check();
    await panel.getByTestId('flow-step-correction').waitFor();
    await panel.getByTestId('flow-add-transition').click();
    await panel.getByTestId('flow-transition-2-on').selectOption('accept');
    await panel.getByTestId('flow-transition-2-to').selectOption('step');
    await panel.getByTestId('flow-transition-2-add-condition').click();
    await panel.getByTestId('flow-transition-2-rule-add-group').click();
    await pickOption(designer, panel.getByTestId('flow-transition-2-rule-0-0-field'), '户籍类型');
    await pickOption(designer, panel.getByTestId('flow-transition-2-rule-0-0-value'), '外地户籍');
    // The first transition of an action whose condition holds wins: the conditional one goes first.
    await panel.getByTestId('flow-transition-2-up').click();
    await panel.getByTestId('flow-transition-1-up').click();
    await expect(designer.getByTestId('flow-edge-accept-0').textContent()).resolves.toContain('外地户籍');
    await designer.getByTestId('flow-node-accept-correction').waitFor();
    await designer.getByTestId('flow-problems-none').waitFor();
    await designer.getByTestId('save').click();
    await designer.getByTestId('save-status').getByText(/已保存/).waitFor();

    // ── Dry run: an applicant from elsewhere, returned once for correction ───────────────
    await designer.getByTestId('tab-dry-run').click();
    await designer.getByTestId('dryrun-panel').waitFor();
    await designer.getByTestId('dryrun-fill-sample').click();
    const sample = JSON.parse(await designer.getByTestId('dryrun-json').inputValue());
    await designer.getByTestId('dryrun-json').fill(JSON.stringify({ ...sample, residenceType: 'elsewhere' }));
    for (const [i, action] of ['returnForCorrection', 'resubmit', 'accept', 'approve', 'complete'].entries()) {
      await designer.getByTestId('dryrun-add-action').click();
      await designer.getByTestId(`dryrun-action-${i}`).selectOption(action);
    }
    await designer.getByTestId('dryrun-run').click();
    await designer.getByTestId('dryrun-result').waitFor();
    const steps = await designer.getByTestId('dryrun-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
    expect(steps).toEqual(expect.arrayContaining(['accept', 'step', 'complete', 'done']));
    await expect(designer.getByTestId('dryrun-final-status').textContent()).resolves.toContain('已办结');

    // ── Publish, then a county department claims the item ────────────────────────────────
    await designer.getByTestId('publish').click();
    await designer.getByTestId('publish-dialog').getByText('这是该事项的第一个版本').waitFor();
    await designer.getByTestId('publish-confirm').click();
    await designer.getByTestId('designer-latest').getByText('第 1 版').waitFor();

    await designer.getByTestId('tab-claims').click();
    await designer.getByTestId('claim-add').click();
    await designer.getByLabel('认领部门').click();
    await designer.getByLabel('认领部门').fill('新城区民政');
    await designer.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '呼和浩特市新城区民政局' }).click();
    await designer.getByTestId('claim-save').click();
    await designer.getByTestId('claims-panel').getByText('呼和浩特市新城区民政局').waitFor();

    // ── The applicant finds the item in the catalog and applies ──────────────────────────
    const applicant = await open('u-zhangsan');
    await applicant.goto(api.url);
    await applicant.getByLabel('搜索事项').fill('高龄津贴');
    await applicant.getByLabel('搜索事项').press('Enter');
    const card = applicant.locator(`[data-testid=catalog-item][data-item-id=${ITEM}]`);
    await card.waitFor();
    await card.click();
    await applicant.getByTestId('guide-title').getByText(ITEM_NAME).waitFor();
    await applicant.getByTestId('apply-button').click();
    await applicant.waitForURL(new RegExp(`/items/${ITEM}/apply`));

    await applicant.getByLabel('姓名', { exact: true }).fill('张三');
    await applicant.getByLabel('公民身份号码', { exact: true }).fill(VALID_ID);
    await applicant.getByLabel('手机号码', { exact: true }).fill('13804710001');
    await applicant.getByLabel('详细地址', { exact: true }).fill('新城区锡林路');
    // The residence permit number shows only for applicants from elsewhere.
    await expect(applicant.getByLabel('居住证号码', { exact: true }).count()).resolves.toBe(0);
    await applicant.getByRole('radio', { name: '外地户籍' }).check();
    await applicant.getByLabel('居住证号码', { exact: true }).fill('JZZ-150102-0001');
    await applicant.getByTestId('attachment-input-identity').setInputFiles(pngFile('身份证.png'));
    await applicant.getByTestId('attachment-identity').getByTestId('attachment-file').waitFor();
    while (!(await applicant.getByTestId('submit-application').isVisible())) {
      await applicant.getByRole('button', { name: '下一步' }).click();
    }
    await applicant.getByTestId('submit-application').click();
    await applicant.waitForURL(/\/receipts\//);
    const caseId = decodeURIComponent(new URL(applicant.url()).pathname.split('/').pop()!);

    // ── The window returns it for correction; the applicant corrects and resubmits ───────
    const window = await open('u-xc-civil-window');
    await window.goto(`${api.url}/workbench/cases/${encodeURIComponent(caseId)}`);
    await window.locator('[data-testid=staff-case][data-status=submitted]').waitFor();
    await window.getByTestId('action-returnForCorrection').click();
    const dialog = window.getByRole('dialog');
    await dialog.getByLabel('字段').click();
    await dialog.getByLabel('字段').fill('详细地址');
    await dialog.getByLabel('字段').press('Enter');
    await dialog.getByLabel('补正说明').fill('请填写完整的门牌号');
    await dialog.getByTestId('action-confirm').click();
    await window.waitForURL(/\/workbench$/);

    await applicant.goto(`${api.url}/cases/${encodeURIComponent(caseId)}`);
    await applicant.locator('[data-testid=case-status][data-status=correction]').waitFor();
    await applicant.getByRole('button', { name: '补正并重新提交' }).click();
    await applicant.waitForURL(/correct=/);
    await applicant.getByLabel('详细地址', { exact: true }).fill('新城区锡林郭勒北路1号');
    while (!(await applicant.getByTestId('submit-application').isVisible())) {
      await applicant.getByRole('button', { name: '下一步' }).click();
    }
    await applicant.getByTestId('submit-application').click();
    await applicant.waitForURL((url) => url.pathname === `/cases/${caseId}`);
    await applicant.locator('[data-testid=case-status][data-status=submitted]').waitFor();

    // ── The window accepts: the condition routes it to the reviewer, who approves; the window completes ──
    await window.goto(`${api.url}/workbench/cases/${encodeURIComponent(caseId)}`);
    await window.locator('[data-testid=staff-case][data-status=submitted]').waitFor();
    await window.getByTestId('action-accept').click();
    await window.getByRole('dialog').getByTestId('action-confirm').click();
    await window.waitForURL(/\/workbench/);

    const reviewer = await open('u-xc-civil-reviewer');
    await reviewer.goto(`${api.url}/workbench`);
    await reviewer.locator(`[data-testid=inbox-row][data-case-id="${caseId}"]`).click();
    await reviewer.getByTestId('action-approve').click();
    await reviewer.getByRole('dialog').getByTestId('action-confirm').click();
    await reviewer.waitForURL(/\/workbench/);

    await window.goto(`${api.url}/workbench/cases/${encodeURIComponent(caseId)}`);
    await window.getByTestId('action-complete').click();
    await window.getByRole('dialog').getByTestId('action-confirm').click();
    await window.waitForURL(/\/workbench/);

    await applicant.goto(`${api.url}/cases/${encodeURIComponent(caseId)}`);
    await applicant.locator('[data-testid=case-status][data-status=completed]').waitFor();
    const actions = await applicant.locator('[data-testid=case-timeline] [data-testid=timeline-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect([...actions].reverse()).toEqual(['submit', 'returnForCorrection', 'resubmit', 'accept', 'approve', 'complete']);
    const finished = (await (await api.signIn('u-zhangsan')).get(`/api/cases/${caseId}`)).body.case;
    expect(finished).toMatchObject({ itemId: ITEM, itemVersion: 1, status: 'completed', departmentId: 'd-150102-civil-affairs' });
    expect(finished.data).toMatchObject({ idNumber: VALID_ID, residenceType: 'elsewhere', permitNo: 'JZZ-150102-0001' });
    await applicant.waitForLoadState('networkidle');
    await screenshot(applicant, 'designer-journey-completed');
  }, 300_000);
});
