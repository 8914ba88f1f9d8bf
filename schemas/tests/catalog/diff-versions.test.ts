import { describe, expect, it } from 'vitest';
import { diffVersions, stableJson, type DiffableDefinition } from '../../src/catalog/diff-versions.js';
import { loadBuiltInItems } from '../../src/catalog/load-builtins.js';

const senior = loadBuiltInItems().find((b) => b.slug === 'senior-card')!;

/** The senior card as a draft: guide, form, separate uiSchema and flow, deep-copied. */
const draft = (): DiffableDefinition & { form: { schema: any } } => structuredClone({ item: senior.item, form: senior.form, ui: senior.ui, flow: senior.flow }) as any;

describe('diffVersions', () => {
  it('finds nothing between a definition and its copy', () => {
    const diff = diffVersions(draft(), draft());

    expect(diff.same).toBe(true);
    expect(diff.fields).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.steps).toEqual({ added: [], removed: [], changed: [] });
  });

  it('treats a draft with its uiSchema apart like the published version with it merged into the form', () => {
    const published = draft();
    published.form = { ...published.form, uiSchema: { ...(published.form.uiSchema ?? {}), ...published.ui } };
    delete published.ui;

    expect(diffVersions(published, draft()).same).toBe(true);
  });

  it('names fields added, removed and changed by their data paths, nested objects walked', () => {
    const after = draft();
    after.form.schema.properties.applicant.properties.email = { type: 'string', title: '电子邮箱', format: 'email' };
    delete after.form.schema.properties.residenceType;
    after.form.schema.properties.applicant.properties.name.maxLength = 20;
    after.form.schema.properties.applicant.required = after.form.schema.properties.applicant.required.filter((r: string) => r !== 'mobile');

    const diff = diffVersions(draft(), after);

    expect(diff.fields.added).toEqual([{ path: 'applicant.email', title: '电子邮箱' }]);
    expect(diff.fields.removed).toEqual([{ path: 'residenceType', title: '户籍或居住情况' }]);
    expect(diff.fields.changed).toEqual([
      { path: 'applicant.name', title: '姓名', aspects: ['maxLength'] },
      { path: 'applicant.mobile', title: '手机号码', aspects: ['required'] },
    ]);
    expect(diff.same).toBe(false);
  });

  it('names steps added, removed and changed with the properties that changed', () => {
    const after = draft();
    after.flow.steps[0].transitions![0].to = 'review';
    after.flow.steps.splice(1, 0, { id: 'review', kind: 'task', name: { 'zh-CN': '审核' }, role: 'reviewer', actions: ['approve'], transitions: [{ on: 'approve', to: 'complete' }] });
    after.flow.steps = after.flow.steps.filter((s) => s.id !== 'denied');
    after.flow.steps[0].deadlineDays = 2;

    const diff = diffVersions(draft(), after);

    expect(diff.steps.added).toEqual([{ id: 'review', name: { 'zh-CN': '审核' } }]);
    expect(diff.steps.removed).toEqual([{ id: 'denied', name: senior.flow.steps.find((s) => s.id === 'denied')!.name }]);
    expect(diff.steps.changed).toEqual([{ id: 'accept', name: senior.flow.steps[0].name, aspects: ['deadlineDays', 'transitions'] }]);
  });

  it('lists guide elements that differ, ignoring status and version', () => {
    const after = draft();
    after.item.promisedLimit = { value: 3, unit: 'workingDays' };
    after.item.status = 'published';
    after.item.version = 9;
    after.item.fees = [{ name: { 'zh-CN': '工本费' }, amount: 10, basis: { 'zh-CN': '依据' } }];

    expect(diffVersions(draft(), after).guide).toEqual(['fees', 'promisedLimit']);
  });

  it('notices changed rules and flow settings', () => {
    const after = draft();
    after.form.rules = [...(after.form.rules ?? []), { kind: 'visible', field: '/residenceType', when: true } as never];
    after.flow.correction = { clock: 'restart' } as never;

    const diff = diffVersions(draft(), after);

    expect(diff.rulesChanged).toBe(true);
    expect(diff.flowSettingsChanged).toBe(true);
    expect(diff.same).toBe(false);
  });
});

describe('stableJson', () => {
  it('does not count key order as a difference', () => {
    expect(stableJson({ a: 1, b: { c: 2, d: [1, { e: 1, f: 2 }] } })).toBe(stableJson({ b: { d: [1, { f: 2, e: 1 }], c: 2 }, a: 1 }));
  });
});
