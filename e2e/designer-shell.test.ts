/**
 * The designer's shell in a real Chromium: the items list and 新建事项, the guide editor checked as
 * the designer types, undo and redo over the draft, saving, publishing with the readable difference
 * against the previous version, roll back, claims, the JSON tab, and export followed by import
 * giving an identical definition.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltInItems } from '@banshi/schemas';
import { startApi, type Api, type ApiClient } from '@banshi/functions/testing/api-harness';
import { DESKTOP, PHONE, launchBrowser, newContext, screenshot } from './support/browser.js';
import { horizontalOverflow, signInWithToken, webDist } from './support/journey.js';

const ITEM = 'shell-allowance';
/** An item the later tests start from, made through the API (the first test makes ITEM through the UI). */
const OTHER = 'shell-other';
const senior = loadBuiltInItems().find((b) => b.slug === 'senior-card')!;

describe('the designer shell in Chromium', () => {
  let api: Api;
  let browser: Browser;
  let designerApi: ApiClient;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi('e2e-designer-shell', undefined, { staticDir: webDist() }), launchBrowser()]);
    designerApi = await api.signIn('u-designer');
    const created = await designerApi.post('/api/items', {
      item: { ...senior.item, id: OTHER, status: 'draft', version: 1, name: { 'zh-CN': '高龄补贴' } },
      form: senior.form,
      ui: senior.ui,
      flow: senior.flow,
    });
    if (created.status !== 201) throw new Error(`setup: ${created.status} ${JSON.stringify(created.body)}`);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await api?.stop();
  });

  const open = async (viewport = DESKTOP): Promise<Page> => {
    const context = await newContext(browser, viewport);
    contexts.push(context);
    await signInWithToken(context, api, 'u-designer');
    return context.newPage();
  };

  const draftOf = async (itemId: string) => {
    const { item, form, ui, flow } = (await designerApi.get(`/api/items/${itemId}/draft`)).body;
    return { item, form, ui, flow };
  };

  it('creates an item from nothing, edits its guide with live checks and undo, and publishes it twice with a readable difference', async () => {
    const page = await open();
    await page.goto(`${api.url}/designer`);
    await page.getByTestId('designer-items').getByText('老年人优待证').waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'designer-home');

    // 新建事项: an id that is not one is refused in the dialog.
    await page.getByTestId('new-item').click();
    await page.getByLabel('事项编号').fill('1-bad id');
    await page.getByText('事项编号须以字母开头').first().waitFor();
    await page.getByLabel('事项编号').fill(ITEM);
    await page.getByLabel('事项名称（中文）').fill('高龄津贴申领');
    await page.getByTestId('new-item-create').click();
    await page.waitForURL(new RegExp(`/designer/items/${ITEM}/guide$`));
    await page.getByTestId('guide-editor').waitFor();
    await expect(page.getByTestId('designer-title').textContent()).resolves.toBe('高龄津贴申领');

    // A new item starts with 待填写 where only people know the answer: each place is marked and counted.
    await page.getByTestId('problem-/implementer/name/zh-CN').getByText('仍是占位内容“待填写”').waitFor();
    await page.getByTestId('tab-guide').getByText('3').waitFor();
    await page.getByLabel('实施主体名称（中文）').fill('呼和浩特市民政局');
    await page.getByLabel('法规名称（中文）').fill('《内蒙古自治区老年人权益保障条例》');
    await page.getByLabel('受理条件 1（中文）').fill('年满80周岁的本地户籍老年人');
    await page.getByTestId('guide-ok').waitFor();

    // The guide is checked as the designer types: an emptied name is an error at once.
    const name = page.getByLabel('事项名称（中文）');
    await name.fill('');
    await page.getByTestId('problem-/name/zh-CN').waitFor();
    await page.getByTestId('guide-problems').waitFor();
    await page.getByTestId('tab-guide').getByText('1').waitFor();
    // Ctrl+Z takes the edit back; Ctrl+Shift+Z redoes it; the undo button undoes again.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => name.inputValue()).toBe('高龄津贴申领');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => name.inputValue()).toBe('');
    await page.getByTestId('undo').click();
    await expect.poll(() => name.inputValue()).toBe('高龄津贴申领');
    await page.getByTestId('guide-ok').waitFor();

    // Limits, a material, online depth: then save.
    await page.getByLabel('承诺办结时限（天数）').fill('5');
    await page.getByRole('button', { name: '添加材料' }).click();
    await page.getByLabel('材料名称（中文）').fill('居民身份证');
    await page.getByLabel('受理标准（中文）').fill('原件，在有效期内');
    await page.getByLabel('材料编号').fill('identity');
    await page.getByTestId('save-status').getByText('有未保存的修改').waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'designer-guide');
    await page.getByTestId('save').click();
    await page.getByTestId('save-status').getByText(/已保存/).waitFor();
    const saved = await draftOf(ITEM);
    expect(saved.item.promisedLimit).toEqual({ value: 5, unit: 'workingDays' });
    expect(saved.item.materials).toEqual([
      expect.objectContaining({ id: 'identity', name: { 'zh-CN': '居民身份证' }, necessity: '1', standard: { 'zh-CN': '原件，在有效期内' } }),
    ]);

    // Version 1: the dialog says it is the first.
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-dialog').getByText('这是该事项的第一个版本').waitFor();
    await page.getByTestId('publish-confirm').click();
    await page.getByTestId('designer-latest').getByText('第 1 版').waitFor();

    // Version 2 changes the guide, a form field and a flow step: the dialog lists them.
    await page.getByLabel('承诺办结时限（天数）').fill('3');
    await page.getByTestId('tab-json').click();
    await page.waitForURL(/\/json$/);
    const json = JSON.parse(await page.getByLabel('草稿 JSON').inputValue());
    json.form.schema.properties = { phone: { type: 'string', title: '联系电话', format: 'mobile' } };
    json.flow.steps[0].deadlineDays = 2;
    await page.getByLabel('草稿 JSON').fill(JSON.stringify(json, null, 2));
    await page.getByTestId('json-apply').click();
    await page.getByText('已应用到草稿').waitFor();
    await page.getByTestId('publish').click();
    const dialog = page.getByTestId('publish-dialog');
    await dialog.getByTestId('version-diff').waitFor();
    await expect(dialog.getByTestId('diff-fields').textContent()).resolves.toContain('新增联系电话 phone');
    await expect(dialog.getByTestId('diff-steps').textContent()).resolves.toContain('修改受理 accept（deadlineDays）');
    await expect(dialog.getByTestId('diff-guide').textContent()).resolves.toContain('承诺办结时限（promisedLimit）');
    await dialog.getByTestId('publish-no-in-flight').waitFor();
    await page.getByTestId('publish-confirm').click();
    await page.getByTestId('designer-latest').getByText('第 2 版').waitFor();

    // The versions tab: compare version 1 with the draft, then roll back to it as version 3.
    await page.getByTestId('tab-versions').click();
    await page.getByTestId('version-1').getByRole('button', { name: /与草稿对比/ }).click();
    await page.getByTestId('versions-panel').getByTestId('version-diff').waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'designer-versions-diff');
    await page.getByTestId('version-1').getByRole('button', { name: '回滚到此版本' }).click();
    await page.getByRole('button', { name: '回滚发布' }).click();
    await page.getByTestId('version-3').waitFor();
    const v3 = (await api.anonymous.get(`/api/items/${ITEM}/versions/3`)).body;
    const v1 = (await api.anonymous.get(`/api/items/${ITEM}/versions/1`)).body;
    expect(v3.form).toEqual(v1.form);
    expect(v3.item.promisedLimit).toEqual({ value: 5, unit: 'workingDays' });
  }, 180_000);

  it('refuses a JSON edit that breaks the meta-schema, naming its pointer, and applies nothing', async () => {
    const page = await open();
    await page.goto(`${api.url}/designer/items/${OTHER}/json`);
    const before = await page.getByLabel('草稿 JSON').inputValue();
    const json = JSON.parse(before);
    json.item.onlineDepth = '9';

    await page.getByLabel('草稿 JSON').fill(JSON.stringify(json));
    await page.getByTestId('json-apply').click();

    await expect(page.getByTestId('json-problems').textContent()).resolves.toContain('/item/onlineDepth');
    await expect(page.getByTestId('undo').isDisabled()).resolves.toBe(true);
  });

  it('adds a claim with its own promised limit through the claims tab', async () => {
    const page = await open();
    await page.goto(`${api.url}/designer/items/${OTHER}/claims`);
    await page.getByTestId('claims-panel').waitFor();

    await page.getByTestId('claim-add').click();
    await page.getByLabel('认领部门').click();
    await page.getByLabel('认领部门').fill('新城区民政');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '呼和浩特市新城区民政局' }).click();
    await expect.poll(() => page.getByLabel('行政区划代码').inputValue()).toBe('150102');
    await page.getByLabel('设定本部门的承诺时限').check();
    await page.getByLabel('承诺时限（天数）').fill('2');
    await page.getByLabel('咨询电话（可选）').fill('0471-6661234');
    await page.getByTestId('claim-save').click();

    await page.getByText('承诺时限：2 工作日').waitFor();
    const claims = (await api.anonymous.get(`/api/items/${OTHER}/claims`)).body.items;
    expect(claims).toContainEqual(
      expect.objectContaining({ departmentId: 'd-150102-civil-affairs', level: '4', region: '150102', overrides: { promisedLimit: { value: 2, unit: 'workingDays' }, consultation: { phone: '0471-6661234' } } }),
    );
  }, 60_000);

  it('exports an item as one file and imports it back to an identical definition', async () => {
    const page = await open();
    await page.goto(`${api.url}/designer/items/${OTHER}/versions`);
    await designerApi.post(`/api/items/${OTHER}/claims`, { id: 'c-shell-export', departmentId: 'd-150102-market-regulation', level: '4', region: '150102', departments: {} });
    const before = await draftOf(OTHER);
    const claimsBefore = (await api.anonymous.get(`/api/items/${OTHER}/claims`)).body.items;

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-draft').click()]);
    const path = await download.path();
    const file = JSON.parse(await readFile(path, 'utf8'));
    expect(file).toMatchObject({ format: 'banshi-item', formatVersion: 1, item: { id: OTHER } });

    // Someone changes the draft meanwhile; importing the file brings the exported definition back.
    await designerApi.put(`/api/items/${OTHER}/draft`, { ...before, item: { ...before.item, name: { 'zh-CN': '改过的名称' } }, expectedRevision: (await designerApi.get(`/api/items/${OTHER}/draft`)).body.revision });
    await page.goto(`${api.url}/designer`);
    await page.getByTestId('designer-items').waitFor();
    page.once('dialog', () => undefined);
    await page.getByTestId('import-file').setInputFiles(path);
    await page.getByRole('button', { name: '覆盖草稿' }).click();
    await page.waitForURL(new RegExp(`/designer/items/${OTHER}/guide$`));
    await page.getByTestId('guide-editor').waitFor();

    expect(await draftOf(OTHER)).toEqual(before);
    expect((await api.anonymous.get(`/api/items/${OTHER}/claims`)).body.items).toEqual(claimsBefore);
  }, 60_000);

  it('refuses to import a file that is not an item file, with the problem in Chinese', async () => {
    const page = await open();
    await page.goto(`${api.url}/designer`);
    await page.getByTestId('designer-items').waitFor();

    await page.getByTestId('import-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other"}') });

    await expect(page.getByTestId('import-problems').textContent()).resolves.toContain('不是 Banshi 事项文件');
  });

  it('fits a phone: the item page does not scroll sideways', async () => {
    const page = await open(PHONE);
    await page.goto(`${api.url}/designer/items/${OTHER}/guide`);
    await page.getByTestId('guide-editor').waitFor();

    const { scrollWidth, viewport } = await horizontalOverflow(page);

    expect(scrollWidth).toBeLessThanOrEqual(viewport);
  });
});
