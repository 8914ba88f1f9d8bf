import { describe, expect, it } from 'vitest';
import { loadBuiltInItems } from '@banshi/schemas';
import {
  addField,
  entryAt,
  FieldIdentities,
  fieldTree,
  flatten,
  freeRuleId,
  keyProblem,
  moveField,
  nextKey,
  optionsOfField,
  pathOfProblem,
  relocateField,
  removeField,
  renameVars,
  rulesOf,
  setCheck,
  setFieldLogic,
  setKeyword,
  setOptions,
  setRequired,
  setUi,
  type BuilderValue,
  type Json,
} from './form-model.js';

const empty = (): BuilderValue => ({ form: { schema: { type: 'object', properties: {} } } });
const label = { 'zh-CN': '是否', en: 'Yes or no' };

describe('the form model', () => {
  it('adds a yes/no field with no default and not required, and sets or clears a default only when told', () => {
    const added = addField(empty(), 'boolean', [], { label });
    const path = added.path!;

    expect(entryAt(added.value, path)).toMatchObject({ kind: 'boolean', required: false, node: { type: 'boolean', title: '是否' } });
    expect(entryAt(added.value, path)!.node).not.toHaveProperty('default');
    const yes = setKeyword(added.value, path, 'default', true);
    expect(entryAt(yes, path)!.node.default).toBe(true);
    expect(entryAt(setKeyword(yes, path, 'default', false), path)!.node.default).toBe(false);
    expect(entryAt(setKeyword(yes, path, 'default', undefined), path)!.node).not.toHaveProperty('default');
  });

  it('keeps a field required when its key is renamed, in the same place', () => {
    const first = addField(empty(), 'text', [], { label });
    const second = addField(first.value, 'text', [], { label });
    const required = setRequired(second.value, first.path!, true);

    const renamed = relocateField(required, first.path!, ['fullName']);

    expect((renamed.form.schema as { required?: string[] }).required).toEqual(['fullName']);
    expect(renamed.ui?.['ui:order']).toEqual(['fullName', second.path![0]]);
  });
});

describe('field identities', () => {
  it('gives a field the same identity after it is renamed or moved, with the fields under it', () => {
    const ids = new FieldIdentities();
    const section = ids.of(['section_1']);
    const child = ids.of(['section_1', 'field_1']);
    const other = ids.of(['field_2']);

    ids.move(['section_1'], ['step_1', 'applicant']);

    expect(ids.of(['step_1', 'applicant'])).toBe(section);
    expect(ids.of(['step_1', 'applicant', 'field_1'])).toBe(child);
    expect(ids.of(['field_2'])).toBe(other);
    expect(new Set([ids.of(['section_1']), section, child, other]).size).toBe(4);
  });

  it('does not carry the identity of a field whose key merely starts like the moved one', () => {
    const ids = new FieldIdentities();
    const a = ids.of(['a']);
    const ab = ids.of(['ab']);

    ids.move(['a'], ['z']);

    expect(ids.of(['z'])).toBe(a);
    expect(ids.of(['ab'])).toBe(ab);
  });
});

const senior = loadBuiltInItems().find((b) => b.slug === 'senior-card')!;
const seniorValue = (): BuilderValue => ({ form: structuredClone(senior.form) as BuilderValue['form'], ui: structuredClone(senior.ui) as Record<string, unknown> });
const keysOf = (value: BuilderValue) => fieldTree(value).map((e) => e.key);
const schemaOf = (value: BuilderValue) => value.form.schema as Json;

describe('the form model over the senior card', () => {
  it('reads the fields as a tree in ui:order, with kinds, required marks and uiSchema', () => {
    const tree = fieldTree(seniorValue());

    expect(tree.map((e) => [e.key, e.kind, e.required])).toEqual([
      ['applicant', 'step', true],
      ['residenceType', 'single', true],
      ['age', 'number', false],
      ['attachments', 'step', true],
    ]);
    const applicant = tree[0]!;
    expect(applicant.children!.map((e) => [e.key, e.kind])).toEqual([
      ['name', 'text'],
      ['idNumber', 'residentId'],
      ['mobile', 'mobile'],
      ['address', 'text'],
      ['regionCode', 'region'],
    ]);
    expect(applicant.children![1]!.path).toEqual(['applicant', 'idNumber']);
    expect(applicant.children![1]!.ui['ui:options']).toMatchObject({ labelEn: 'Resident ID number' });
    expect(flatten(tree).filter((e) => e.kind === 'attachment').length).toBeGreaterThan(0);
  });

  it('never changes the value it is given', () => {
    const value = seniorValue();
    const before = structuredClone(value);

    addField(value, 'text', ['applicant'], { label });
    removeField(value, ['applicant', 'mobile']);
    moveField(value, ['age'], 0);
    relocateField(value, ['applicant', 'name'], ['fullName']);
    setRequired(value, ['age'], true);

    expect(value).toEqual(before);
  });

  it('adds a field at the end of a section and into the ui:order, with the next free key', () => {
    const { value, path } = addField(seniorValue(), 'mobile', ['applicant'], { label: { 'zh-CN': '备用电话', en: 'Other phone' } });

    expect(path).toEqual(['applicant', 'field_1']);
    const entry = entryAt(value, path!)!;
    expect(entry).toMatchObject({ kind: 'mobile', required: false, node: { type: 'string', title: '备用电话', format: 'mobile' } });
    expect(entry.ui).toMatchObject({ 'ui:widget': 'mobile', 'ui:options': { labelEn: 'Other phone' } });
    expect((value.ui!.applicant as Json)['ui:order']).toEqual(['name', 'idNumber', 'mobile', 'address', 'regionCode', 'field_1']);
    expect(addField(value, 'text', ['applicant'], { label }).path).toEqual(['applicant', 'field_2']);
  });

  it('adds a step at the top level whatever the parent, and refuses a parent that holds no fields', () => {
    const step = addField(seniorValue(), 'step', ['applicant'], { label });
    expect(step.path).toEqual(['step_1']);
    expect(schemaOf(step.value).required).toContain('step_1');

    const refused = addField(seniorValue(), 'text', ['age'], { label });
    expect(refused.path).toBeUndefined();
    expect(refused.value).toEqual(seniorValue());
  });

  it('adds an attachment tied to a material under the material id, required, and a repeating group with an items uiSchema', () => {
    const { value, path } = addField(empty(), 'attachment', [], { label, material: 'identity' });

    expect(path).toEqual(['identity']);
    expect(entryAt(value, path!)).toMatchObject({ kind: 'attachment', required: true, node: { 'x-attachment': { material: 'identity' }, minItems: 1 } });
    const taken = addField(value, 'attachment', [], { label, material: 'identity' });
    expect(taken.path).toEqual(['field_1']);

    const group = addField(empty(), 'group', [], { label });
    expect(entryAt(group.value, group.path!)).toMatchObject({ kind: 'group', children: [] });
    const column = addField(group.value, 'text', group.path!, { label });
    expect(column.path).toEqual(['group_1', 'field_1']);
    expect((schemaOf(column.value).properties.group_1.items.properties as Json).field_1).toMatchObject({ type: 'string' });
    expect(((column.value.ui!.group_1 as Json).items as Json)['ui:order']).toEqual(['field_1']);
  });

  it('counts a key declared through a $ref or under a condition as taken', () => {
    const value: BuilderValue = {
      form: {
        schema: {
          type: 'object',
          $defs: { extra: { type: 'object', properties: { field_4: { type: 'string' } } } },
          properties: { more: { $ref: '#/$defs/extra' } },
          then: { properties: { field_7: { type: 'string' } } },
        },
      } as unknown as BuilderValue['form'],
    };
    expect(nextKey(schemaOf(value), 'field')).toBe('field_8');
    expect(addField(value, 'text', [], { label }).path).toEqual(['field_8']);
  });

  it('removes a field with its uiSchema, its required entry, its place in the order and its rules', () => {
    const withRule = setFieldLogic(seniorValue(), ['applicant', 'mobile'], 'visible', { '!!': { var: 'applicant.name' } });
    const removed = removeField(withRule, ['applicant', 'mobile']);

    expect(entryAt(removed, ['applicant', 'mobile'])).toBeUndefined();
    expect(schemaOf(removed).properties.applicant.required).not.toContain('mobile');
    expect(removed.ui!.applicant as Json).not.toHaveProperty('mobile');
    expect((removed.ui!.applicant as Json)['ui:order']).not.toContain('mobile');
    expect((removed.form.rules ?? []).some((r) => r.field === '/applicant/mobile')).toBe(false);
    expect(removeField(removed, ['applicant', 'mobile'])).toBe(removed);
  });

  it('removes a section with the rules set on fields inside it', () => {
    const withRule = setCheck(seniorValue(), ['applicant', 'name'], 'nameLength', { '<=': [{ var: 'applicant.name' }, 'x'] }, { 'zh-CN': '太长' });
    const before = (withRule.form.rules ?? []).length;

    const removed = removeField(withRule, ['applicant']);

    expect(keysOf(removed)).toEqual(['residenceType', 'age', 'attachments']);
    expect((removed.form.rules ?? []).filter((r) => r.field.startsWith('/applicant')).length).toBe(0);
    expect((removed.form.rules ?? []).length).toBeLessThan(before);
  });

  it('moves a field among its siblings, clamping the target and leaving a no-op alone', () => {
    const value = seniorValue();

    expect(keysOf(moveField(value, ['age'], 0))).toEqual(['age', 'applicant', 'residenceType', 'attachments']);
    expect(keysOf(moveField(value, ['applicant'], 99))).toEqual(['residenceType', 'age', 'attachments', 'applicant']);
    expect(moveField(value, ['residenceType'], 1)).toBe(value);
    expect(moveField(value, ['nope'], 0)).toBe(value);
  });

  it('moves a field into another section, carrying its required entry, its uiSchema and the rules that name it', () => {
    const value = setFieldLogic(seniorValue(), ['age'], 'visible', { '!!': { var: 'applicant.mobile' } });
    const moved = relocateField(value, ['applicant', 'mobile'], ['attachments', 'phone']);

    expect(entryAt(moved, ['applicant', 'mobile'])).toBeUndefined();
    expect(entryAt(moved, ['attachments', 'phone'])).toMatchObject({ kind: 'mobile', required: true });
    expect(fieldTree(moved).find((e) => e.key === 'attachments')!.children!.at(-1)!.key).toBe('phone');
    expect(rulesOf(moved, ['age'], 'visible')[0]).toMatchObject({ when: { '!!': { var: 'attachments.phone' } } });
  });

  it('refuses to move a field into itself, onto a taken key or to an invalid key', () => {
    const value = seniorValue();

    expect(relocateField(value, ['applicant'], ['applicant', 'inner'])).toBe(value);
    expect(relocateField(value, ['applicant', 'name'], ['applicant', 'mobile'])).toBe(value);
    expect(relocateField(value, ['age'], ['1age'])).toBe(value);
    expect(keyProblem(value, ['applicant', 'name'], 'mobile')).toBe('taken');
    expect(keyProblem(value, ['applicant', 'name'], 'name')).toBe('');
    expect(keyProblem(value, ['applicant', 'name'], 'a b')).toBe('pattern');
  });

  it('rewrites var paths (with or without a default) and missing names at or under a renamed field, and nothing else', () => {
    const logic = { and: [{ var: 'applicant.name' }, { var: ['applicant', 'applicant.x'] }, { missing: ['applicant.name', 'applicantName'] }, { var: 'applicantName' }] };

    expect(renameVars(logic, 'applicant', 'person')).toEqual({
      and: [{ var: 'person.name' }, { var: ['person', 'applicant.x'] }, { missing: ['person.name', 'applicantName'] }, { var: 'applicantName' }],
    });
  });

  it('makes an attachment required with at least one file, and optional without a minimum', () => {
    const { value, path } = addField(empty(), 'attachment', [], { label, material: 'photo' });
    const optional = setRequired(value, path!, false);

    expect(entryAt(optional, path!)).toMatchObject({ required: false });
    expect(entryAt(optional, path!)!.node).not.toHaveProperty('minItems');
    expect(entryAt(setRequired(optional, path!, true), path!)!.node.minItems).toBe(1);
  });

  it('sets uiSchema keys and options, removing them when emptied', () => {
    const path = ['applicant', 'name'];
    const helped = setUi(seniorValue(), path, 'ui:help', '与身份证一致');
    expect(entryAt(helped, path)!.ui['ui:help']).toBe('与身份证一致');
    expect(entryAt(setUi(helped, path, 'ui:help', ''), path)!.ui).not.toHaveProperty('ui:help');

    const cleared = setUi(seniorValue(), path, 'options.labelEn', undefined);
    expect(entryAt(cleared, path)!.ui).not.toHaveProperty('ui:options');
  });

  it('replaces the choices of a choice field, English labels in enumLabelsEn', () => {
    const path = ['residenceType'];
    const changed = setOptions(seniorValue(), path, [
      { value: 'a', label: '甲', labelEn: 'A' },
      { value: 'b', label: '乙' },
    ]);
    const entry = entryAt(changed, path)!;

    expect(entry.node.oneOf).toEqual([{ const: 'a', title: '甲' }, { const: 'b', title: '乙' }]);
    expect(optionsOfField(entry)).toEqual([{ value: 'a', label: '甲', labelEn: 'A' }, { value: 'b', label: '乙' }]);
  });

  it('keeps one visible rule per field, updating it in place and removing it on undefined', () => {
    const path = ['age'];
    const once = setFieldLogic(seniorValue(), path, 'visible', { '!!': { var: 'applicant.idNumber' } });
    const twice = setFieldLogic(once, path, 'visible', { '!': { var: 'applicant.idNumber' } });

    expect(rulesOf(twice, path, 'visible')).toHaveLength(1);
    expect(rulesOf(twice, path, 'visible')[0]).toMatchObject({ id: rulesOf(once, path, 'visible')[0]!.id, when: { '!': { var: 'applicant.idNumber' } } });
    expect(rulesOf(setFieldLogic(twice, path, 'visible', undefined), path, 'visible')).toEqual([]);
    expect(freeRuleId(twice, rulesOf(twice, path, 'visible')[0]!.id)).toMatch(/_2$/);
  });

  it('finds the field a problem pointer is about', () => {
    const value = seniorValue();

    expect(pathOfProblem(value, '/form/schema/properties/applicant/properties/idNumber/format')).toEqual(['applicant', 'idNumber']);
    expect(pathOfProblem(value, '/ui/applicant/mobile/ui:widget')).toEqual(['applicant', 'mobile']);
    expect(pathOfProblem(value, '/form/schema/title')).toBeUndefined();
    expect(pathOfProblem(value, 'not a pointer')).toBeUndefined();
    const ruleIndex = (value.form.rules ?? []).findIndex((r) => r.field === '/age');
    if (ruleIndex >= 0) expect(pathOfProblem(value, `/form/rules/${ruleIndex}/value`)).toEqual(['age']);
  });
});
