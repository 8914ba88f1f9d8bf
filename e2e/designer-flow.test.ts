/**
 * The flow designer in a real Chromium: publishing a draft whose flow has an unreachable step and
 * a condition on a field the form lacks is refused and both problems are drawn on the diagram; a
 * designer adds a step, connects it by dragging, routes to it with a condition set in the rule
 * editor and dry-runs the flow through the server's engine; and the construction permit's parallel
 * review (fork and join) is drawn for the README's screenshot.
 */
import { mkdir } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltInItems } from '@banshi/schemas';
import { startApi, type Api, type ApiClient } from '@banshi/functions/testing/api-harness';
import { DESKTOP, launchBrowser, newContext, PHONE, SCREENSHOTS, screenshot, settleAnimations } from './support/browser.js';
import { horizontalOverflow, signInWithToken, webDist } from './support/journey.js';

const builtIns = loadBuiltInItems();

/** A new item draft made of a built-in item's definitions under another id. */
function draftOf(slug: string, id: string, name: string) {
  const source = builtIns.find((b) => b.slug === slug)!;
  return {
    item: { ...structuredClone(source.item), id, status: 'draft' as const, version: 1, name: { 'zh-CN': name } },
    form: structuredClone(source.form),
    ...(source.ui ? { ui: structuredClone(source.ui) } : {}),
    flow: structuredClone(source.flow),
  };
}

const SERIOUS = new Set(['serious', 'critical']);

/** axe-core's serious and critical violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await settleAnimations(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => SERIOUS.has(v.impact ?? ''))
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

/** Drags a connection from the bottom handle of one diagram node to the top handle of another. */
async function dragConnection(page: Page, from: Locator, to: Locator): Promise<void> {
  const source = await from.locator('.react-flow__handle-bottom').boundingBox();
  const target = await to.locator('.react-flow__handle-top').boundingBox();
  if (!source || !target) throw new Error('handle not visible');
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Picks an option of an antd Select (the rule editor's field and value pickers) by its label. */
async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
}

describe('the flow designer', () => {
  let api: Api;
  let browser: Browser;
  let designer: ApiClient;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi('e2e-designer-flow', '2026-03-02', { staticDir: webDist() }), launchBrowser()]);
    designer = await api.signIn('u-designer');
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await api?.stop();
  });

  async function designerPage(path: string, viewport = DESKTOP): Promise<Page> {
    const context = await newContext(browser, viewport);
    contexts.push(context);
    await signInWithToken(context, api, 'u-designer');
    const page = await context.newPage();
    await page.goto(`${api.url}${path}`);
    await page.getByTestId('flow-designer').waitFor();
    return page;
  }

  it('refuses to publish a flow with an unreachable step and a condition on a missing field, and marks both on the diagram', async () => {
    // Arrange: the senior card's flow with an orphan step and a condition on a field the form lacks.
    const draft = draftOf('senior-card', 'flow-broken', '流程有误的事项');
    draft.flow.steps.push({ id: 'orphan', kind: 'task', name: { 'zh-CN': '孤立环节' }, role: 'window', actions: ['complete'], transitions: [{ on: 'complete', to: 'done' }] });
    draft.flow.steps[0].transitions!.unshift({ on: 'accept', when: { '==': [{ var: 'applicant.shoeSize' }, 42] }, to: 'complete' });
    const created = await designer.post('/api/items', draft);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const page = await designerPage('/designer/items/flow-broken/flow');

    // Act
    await page.getByRole('button', { name: '发布', exact: true }).click();

    // Assert: no version was published, and the diagram marks the step and the edge with the check's messages.
    await page.getByText(/无法发布/).first().waitFor();
    expect((await api.anonymous.get('/api/items/flow-broken/versions')).status).toBe(404);
    const orphan = page.getByTestId('flow-node-orphan');
    await expect.poll(() => orphan.getAttribute('data-problems')).toBe('1');
    expect(await orphan.getByTestId('flow-node-orphan-problems').innerText()).toContain('步骤“orphan”从开始步骤无法到达');
    const edge = page.getByTestId('flow-edge-accept-0');
    expect(await edge.getAttribute('data-problems')).toBe('1');
    expect(await edge.innerText()).toContain('条件引用的字段“applicant.shoeSize”不在表单中');
    // The list under the diagram names both, and choosing one opens its step.
    const listed = page.getByTestId('flow-problems').getByTestId('flow-problem');
    expect(await listed.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('孤立环节'), expect.stringContaining('applicant.shoeSize')]));
    await listed.filter({ hasText: '孤立环节' }).click();
    await expect.poll(() => page.getByTestId('flow-step-id').inputValue()).toBe('orphan');
    expect(await page.getByTestId('flow-step-problems').innerText()).toContain('从开始步骤无法到达');
    expect(await seriousViolations(page)).toEqual([]);
  }, 90_000);

  it('adds a step, connects it, routes to it on a condition and dry-runs the path through it', async () => {
    const created = await designer.post('/api/items', draftOf('senior-card', 'flow-journey', '高龄津贴复核'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const page = await designerPage('/designer/items/flow-journey/flow');

    // A new task step: its name, role, department, deadline and actions (with the correction loop).
    await page.getByTestId('flow-add-kind').getByText('办理', { exact: true }).click();
    await page.getByTestId('flow-add-step').click();
    const panel = page.getByTestId('flow-step-panel');
    await expect.poll(() => panel.getByTestId('flow-step-id').inputValue()).toBe('step');
    await panel.getByTestId('flow-step-name-zh').fill('高龄复核');
    await panel.getByTestId('flow-step-role').selectOption('reviewer');
    await panel.getByTestId('flow-step-department').fill('lead');
    await panel.getByTestId('flow-step-deadline').fill('3');
    await panel.getByRole('checkbox', { name: '退回补正' }).check();
    await page.getByTestId('flow-node-step-correction').waitFor();

    // Connect it to the completion step by dragging on the diagram.
    await dragConnection(page, page.getByTestId('flow-node-step'), page.getByTestId('flow-node-complete'));
    await page.getByTestId('flow-edge-step-0').filter({ hasText: '通过' }).waitFor();

    // From acceptance, residence permit holders go to the new step: a transition with a condition.
    await page.getByTestId('flow-edit-accept').click();
    await expect.poll(() => panel.getByTestId('flow-step-id').inputValue()).toBe('accept');
    await panel.getByTestId('flow-add-transition').click();
    const added = panel.getByTestId('flow-transition-2');
    await added.getByTestId('flow-transition-2-on').selectOption('accept');
    await added.getByTestId('flow-transition-2-to').selectOption('step');
    await added.getByTestId('flow-transition-2-up').click();
    await panel.getByTestId('flow-transition-1-up').click();
    const first = panel.getByTestId('flow-transition-0');
    await first.getByTestId('flow-transition-0-add-condition').click();
    await first.getByTestId('flow-transition-0-rule-add-group').click();
    await pickOption(page, first.getByTestId('flow-transition-0-rule-0-0-field'), '户籍或居住情况');
    await pickOption(page, first.getByTestId('flow-transition-0-rule-0-0-value'), '持本地居住证');
    const edge = page.getByTestId('flow-edge-accept-0');
    await edge.filter({ hasText: '「户籍或居住情况」等于 “持本地居住证”' }).waitFor();
    await page.getByTestId('flow-problems-none').waitFor();

    // Dry-run with a residence permit holder: the path passes through the new step.
    await page.getByRole('tab', { name: '试运行' }).click();
    await page.getByTestId('dryrun-fill-sample').click();
    const sample = JSON.parse(await page.getByTestId('dryrun-json').inputValue());
    await page.getByTestId('dryrun-json').fill(JSON.stringify({ ...sample, residenceType: 'residencePermit' }));
    await page.getByTestId('dryrun-run').click();
    const result = page.getByTestId('dryrun-result');
    await result.waitFor();
    const steps = await result.getByTestId('dryrun-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
    expect(steps).toEqual(['accept', 'step', 'complete', 'done']);
    expect(await result.getByTestId('dryrun-entry').nth(1).innerText()).toMatch(/高龄复核：审查 · .*到期 \d{4}-\d{2}-\d{2}/);
    expect(await result.getByTestId('dryrun-final-status').innerText()).toContain('已办结');
    // The correction loop: returned at the new step, resubmitted by the applicant, back at the same step.
    for (const [i, action] of ['accept', 'returnForCorrection', 'resubmit', 'approve', 'complete'].entries()) {
      await page.getByTestId('dryrun-add-action').click();
      await page.getByTestId(`dryrun-action-${i}`).selectOption(action);
    }
    await page.getByTestId('dryrun-run').click();
    await result.getByTestId('dryrun-entry').nth(5).waitFor();
    const loop = await result.getByTestId('dryrun-entry').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-step')}:${e.getAttribute('data-status')}`));
    expect(loop).toEqual(['accept:submitted', 'step:inReview', 'step:correction', 'step:inReview', 'complete:accepted', 'done:completed']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'designer-dry-run');

    // The saved draft holds the new step and the conditional transition.
    const saved = (await designer.get('/api/items/flow-journey/draft')).body;
    expect(saved.flow.steps[0].transitions[0]).toEqual({ on: 'accept', when: { '==': [{ var: 'residenceType' }, 'residencePermit'] }, to: 'step' });
    expect(saved.flow.steps.find((s: { id: string }) => s.id === 'step')).toMatchObject({ role: 'reviewer', department: 'lead', deadlineDays: 3, transitions: [{ on: 'approve', to: 'complete' }] });
  }, 120_000);

  it('draws the parallel review of the construction permit with its branches and join', async () => {
    const created = await designer.post('/api/items', draftOf('construction-permit-parallel', 'flow-parallel', '建筑工程施工许可（并联审批）'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const page = await designerPage('/designer/items/flow-parallel/flow');

    for (const branch of ['planning', 'fireDesign', 'airDefence']) await page.getByTestId(`flow-branch-review-${branch}`).waitFor();
    await page.getByTestId('flow-join-review').waitFor();
    expect(await page.getByTestId('flow-edge-review-next').innerText()).toContain('汇合后');
    expect(await page.getByTestId('flow-edge-review-reject').innerText()).toContain('任一不通过');
    expect(await page.getByTestId('flow-fork-review-airDefence').innerText()).toContain('「是否有地下室」等于 是');

    // The diagram with the tabs above it, as a designer sees the page.
    await page.getByTestId('flow-designer').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -56));
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: new URL('designer-flow.png', SCREENSHOTS).pathname });
    await mkdir(new URL('../docs/screenshots/', import.meta.url), { recursive: true });
    await page.screenshot({ path: new URL('../docs/screenshots/designer-flow.png', import.meta.url).pathname });

    // Keyboard: Enter on a focused branch node opens its parallel step with the branch in view.
    await page.locator('.react-flow__node').filter({ has: page.getByTestId('flow-branch-review-planning') }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('flow-step-id').inputValue()).toBe('review');
    expect(await page.getByTestId('flow-branch-0-id').inputValue()).toBe('planning');
  }, 90_000);

  it('fits a phone: the step table edits a parallel branch without the diagram', async () => {
    await designer.post('/api/items', draftOf('construction-permit-parallel', 'flow-phone', '建筑工程施工许可（手机）'));
    const page = await designerPage('/designer/items/flow-phone/flow', PHONE);

    await page.getByTestId('flow-edit-review').click();
    const panel = page.getByTestId('flow-step-panel');
    await panel.getByTestId('flow-branch-2-deadline').fill('10');
    await page.getByTestId('flow-branch-review-airDefence').filter({ hasText: '10 个工作日' }).waitFor();

    const { scrollWidth, viewport } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(viewport);
    await screenshot(page, 'designer-flow-phone');
  }, 90_000);
});
