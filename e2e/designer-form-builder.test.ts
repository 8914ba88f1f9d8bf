/**
 * The form builder in a real Chromium, inside the designer (表单 tab): fields added from the
 * palette (text, resident ID number, date, single choice, an attachment tied to a material), a
 * field shown only under a condition built with the visual rule editor, the live preview refusing
 * an invalid ID number in Chinese, reordering with the keyboard, undo and redo, and the saved
 * draft holding what was built.
 */
import { mkdir } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltInItems } from '@banshi/schemas';
import { startApi, type Api, type ApiClient } from '@banshi/functions/testing/api-harness';
import { DESKTOP, PHONE, SCREENSHOTS, launchBrowser, newContext, settleAnimations } from './support/browser.js';
import { horizontalOverflow, signInWithToken, webDist } from './support/journey.js';

const ITEM = 'form-builder-allowance';
const PHONE_ITEM = 'form-builder-phone';
const LEAVE_ITEM = 'form-builder-leave';
const senior = loadBuiltInItems().find((b) => b.slug === 'senior-card')!;
const DOC_SCREENSHOTS = new URL('../docs/screenshots/', import.meta.url);

/** A new item with the senior card's guide (its materials) and flow, and an empty form (or the senior card's). */
function newItem(id: string, withSeniorForm = false) {
  return {
    item: { ...structuredClone(senior.item), id, status: 'draft' as const, version: 1, name: { 'zh-CN': '高龄津贴申领', en: 'Old-age allowance' } },
    form: withSeniorForm ? structuredClone(senior.form) : { schema: { type: 'object', properties: {}, required: [], additionalProperties: false } },
    ...(withSeniorForm ? { ui: structuredClone(senior.ui) } : {}),
    flow: structuredClone(senior.flow),
  };
}

/** The canvas's field keys in display order (top level). */
const canvasOrder = (page: Page) =>
  page.getByTestId('form-canvas').locator(':scope > ul > li > .fb-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));

/** Picks an option of an antd Select by its text. */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

describe('the form builder in Chromium', () => {
  let api: Api;
  let browser: Browser;
  let designer: ApiClient;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi('e2e-form-builder', undefined, { staticDir: webDist() }), launchBrowser()]);
    designer = await api.signIn('u-designer');
    for (const created of [await designer.post('/api/items', newItem(ITEM)), await designer.post('/api/items', newItem(PHONE_ITEM, true)), await designer.post('/api/items', newItem(LEAVE_ITEM))]) {
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await api?.stop();
  });

  const open = async (viewport = DESKTOP, itemId = ITEM): Promise<Page> => {
    const context = await newContext(browser, viewport);
    contexts.push(context);
    await signInWithToken(context, api, 'u-designer');
    const page = await context.newPage();
    await page.goto(`${api.url}/designer/items/${itemId}/form`);
    await page.getByTestId('form-builder').waitFor();
    return page;
  };

  it('builds a form with a conditional attachment, previews it with the real validator, reorders, undoes, redoes and saves it', async () => {
    const page = await open();

    // Text, resident ID number and date fields from the palette, labelled in the properties.
    await page.getByTestId('palette-text').click();
    await page.getByTestId('prop-label').fill('申请人姓名');
    await page.getByTestId('prop-label-en').fill('Applicant name');
    await page.getByTestId('prop-required').click();
    await page.getByTestId('palette-residentId').click();
    await page.getByTestId('prop-required').click();
    await page.getByTestId('form-title').fill('高龄津贴申请表');
    await page.getByTestId('palette-date').click();
    await page.getByTestId('prop-label').fill('出生日期');
    await expect(canvasOrder(page)).resolves.toEqual(['field-field_1', 'field-field_2', 'field-field_3']);

    // A field key is checked as it is typed and must stay unique.
    await page.getByTestId('prop-key').fill('field_1');
    await page.getByTestId('prop-key-error').getByText('同一分组中已有字段使用此标识').waitFor();
    await page.getByTestId('prop-key').fill('field_3');

    // Single choice with two options.
    await page.getByTestId('palette-single').click();
    await page.getByTestId('prop-label').fill('户籍类型');
    await page.getByTestId('option-0-label').fill('本地户籍');
    await page.getByTestId('option-1-label').fill('外地户籍');

    // An attachment: tied to the item's first material, then to the residence permit.
    await page.getByTestId('palette-attachment').click();
    await expect(page.getByTestId('prop-label').inputValue()).resolves.toBe('居民身份证');
    await choose(page, 'prop-material', '居住证（residencePermit）');
    await page.getByTestId('field-residencePermit').waitFor();
    await expect(page.getByTestId('prop-label').inputValue()).resolves.toBe('居住证');

    // Shown only when 户籍类型 is 外地户籍, built with the rule editor.
    await page.getByTestId('visible-add-group').click();
    await choose(page, 'visible-0-0-field', '户籍类型');
    await choose(page, 'visible-0-0-value', '外地户籍');
    await expect(page.getByTestId('visible-sentence').textContent()).resolves.toBe('当 「户籍类型」等于 “外地户籍” 时');
    await page.getByTestId('field-residencePermit-conditional').waitFor();

    // Reorder with the keyboard: 出生日期 moves above 公民身份号码. Edits of one part closer than
    // the history's fold window are one undo step, so the page's clock moves past the window and
    // the reorder is a step of its own.
    await page.clock.setSystemTime(Date.now() + 1_000);
    await page.getByTestId('field-field_3-drag').focus();
    await page.keyboard.press('Space');
    await page.locator('[data-testid="field-field_3-drag"][aria-pressed="true"]').waitFor();
    await page.keyboard.press('ArrowUp');
    await page.getByText('出生日期 移到 公民身份号码 的位置').waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    const reordered = ['field-field_1', 'field-field_3', 'field-field_2', 'field-field_4', 'field-residencePermit'];
    await expect.poll(() => canvasOrder(page)).toEqual(reordered);

    // Undo takes the reorder back; redo makes it again.
    await page.getByTestId('undo').click();
    await expect.poll(() => canvasOrder(page)).toEqual(['field-field_1', 'field-field_2', 'field-field_3', 'field-field_4', 'field-residencePermit']);
    await page.getByTestId('redo').click();
    await expect.poll(() => canvasOrder(page)).toEqual(reordered);
    await page.getByTestId('field-residencePermit-conditional').waitFor();

    // The live preview: the real renderer and validator.
    await page.getByTestId('tab-preview').click();
    const preview = page.getByTestId('form-preview');
    // The renderer skips drawing fields out of view (content-visibility), so bring the preview into view first.
    await preview.scrollIntoViewIfNeeded();
    const idNumber = preview.getByLabel('公民身份号码', { exact: true });
    await idNumber.fill('110105194912310021');
    await idNumber.blur();
    await preview.getByText('公民身份号码：校验位不正确').waitFor();
    await expect(preview.getByTestId('attachment-residencePermit').count()).resolves.toBe(0);
    await preview.getByRole('radio', { name: '外地户籍' }).check();
    await preview.getByTestId('attachment-residencePermit').waitFor();
    await preview.getByLabel('申请人姓名', { exact: true }).fill('王芳');

    await page.getByTestId('form-builder').scrollIntoViewIfNeeded();
    await mkdir(SCREENSHOTS, { recursive: true });
    await mkdir(DOC_SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: new URL('designer-form-builder.png', SCREENSHOTS).pathname });
    await page.screenshot({ path: new URL('designer-form-builder.png', DOC_SCREENSHOTS).pathname });

    // Saved, the draft holds the built form: the order, the material and the visibility rule.
    await page.getByTestId('save').click();
    await expect.poll(async () => (await designer.get(`/api/items/${ITEM}/draft`)).body.revision).toBe(2);
    const { form, ui } = (await designer.get(`/api/items/${ITEM}/draft`)).body;
    expect(ui['ui:order']).toEqual(['field_1', 'field_3', 'field_2', 'field_4', 'residencePermit']);
    expect(form.schema.properties.field_2).toMatchObject({ type: 'string', format: 'resident-id', title: '公民身份号码' });
    expect(form.schema.properties.field_3).toMatchObject({ type: 'string', format: 'date', title: '出生日期' });
    expect(form.schema.properties.field_4.oneOf).toEqual([{ const: 'option1', title: '本地户籍' }, { const: 'option2', title: '外地户籍' }]);
    expect(form.schema.properties.residencePermit['x-attachment'].material).toBe('residencePermit');
    expect(form.schema.required).toEqual(expect.arrayContaining(['field_1', 'field_2', 'residencePermit']));
    expect(ui.field_1['ui:options'].labelEn).toBe('Applicant name');
    expect(form.rules).toEqual([
      { id: 'visible_residencePermit', kind: 'visible', field: '/residencePermit', when: { '==': [{ var: 'field_4' }, 'option2'] } },
    ]);
  }, 120_000);

  it('keeps the 必填 click made right after typing a key, and keeps unsaved changes when the designer leaves', async () => {
    const page = await open(DESKTOP, LEAVE_ITEM);
    const draftOf = async () => (await designer.get(`/api/items/${LEAVE_ITEM}/draft`)).body;

    // A key typed, then 必填 clicked at once: the key commits as its input loses focus, and the click still counts.
    await page.getByTestId('palette-text').click();
    await page.getByTestId('prop-key').fill('fullName');
    await page.getByTestId('prop-required').click();
    await page.getByTestId('field-fullName').waitFor();
    await expect.poll(() => page.getByTestId('prop-required').getAttribute('aria-checked')).toBe('true');
    // A yes/no field has no default until the designer chooses one.
    await page.getByTestId('palette-boolean').click();
    await page.getByTestId('prop-key').fill('disabled');
    await page.getByTestId('prop-required').click();
    await page.getByTestId('field-disabled').waitFor();
    await expect(page.getByTestId('prop-default').getByRole('radio', { name: '无' }).isChecked()).resolves.toBe(true);
    await page.getByTestId('save').click();
    await expect.poll(async () => (await draftOf()).revision).toBe(2);
    const saved = (await draftOf()).form.schema;
    expect(saved.required).toEqual(['fullName', 'disabled']);
    expect(saved.properties.disabled).toEqual({ type: 'boolean', title: '是否' });

    // An unsaved change, then the breadcrumb: the designer is asked, and stays with the change.
    await page.getByTestId('field-fullName-select').click();
    await page.getByTestId('prop-label').fill('申请人全名');
    await page.getByTestId('designer-breadcrumb').getByRole('link', { name: '事项设计' }).click();
    const prompt = page.getByTestId('leave-prompt');
    await prompt.getByText('有未保存的修改').first().waitFor();
    await prompt.getByTestId('leave-stay').click();
    await prompt.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/designer/items/${LEAVE_ITEM}/form`);
    await expect(page.getByTestId('prop-label').inputValue()).resolves.toBe('申请人全名');

    // Leaving after all: the next visit offers the change back, and restoring it makes it the draft to save.
    await page.getByTestId('designer-breadcrumb').getByRole('link', { name: '事项设计' }).click();
    await prompt.getByTestId('leave-go').click();
    await page.waitForURL((url) => url.pathname === '/designer');
    await page.goto(`${api.url}/designer/items/${LEAVE_ITEM}/form`);
    const offer = page.getByTestId('local-draft');
    await offer.getByText('恢复未保存的修改？').waitFor();
    await offer.getByTestId('local-draft-restore').click();
    await page.getByTestId('field-fullName-select').getByText('申请人全名').waitFor();
    await page.getByTestId('save').click();
    await expect.poll(async () => (await draftOf()).revision).toBe(3);
    expect((await draftOf()).form.schema.properties.fullName.title).toBe('申请人全名');

    // Saved: the local copy is gone, so nothing is offered any more.
    await page.reload();
    await page.getByTestId('form-builder').waitFor();
    await page.getByTestId('save-status').getByText(/已保存/).waitFor();
    await expect(page.getByTestId('local-draft').count()).resolves.toBe(0);
  }, 120_000);

  it('finds no serious or critical accessibility violation in the builder with a field and its condition open', async () => {
    const page = await open(DESKTOP, PHONE_ITEM);
    await page.getByTestId('field-residenceType-select').click();
    await page.getByTestId('visible-add-group').click();
    await choose(page, 'visible-0-0-field', '公民身份号码');
    await page.getByTestId('visible-0-0-value').fill('60');
    await page.getByTestId('visible-sentence').waitFor();

    await settleAnimations(page);
    const { violations } = await new AxeBuilder({ page }).include('[data-testid=form-builder]').analyze();
    const found = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));

    expect(found, `axe found in the form builder:\n${found.join('\n')}`).toEqual([]);
  }, 60_000);

  it('stacks palette, fields and properties on a phone without overflowing', async () => {
    const page = await open(PHONE, PHONE_ITEM);
    await page.getByTestId('field-applicant.idNumber-select').click();
    await page.getByTestId('field-properties').waitFor();
    await expect(page.getByTestId('prop-label').inputValue()).resolves.toBe('公民身份号码');
    const { scrollWidth, viewport } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(viewport);
  }, 60_000);
});
