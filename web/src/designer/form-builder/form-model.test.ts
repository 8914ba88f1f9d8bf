import { describe, expect, it } from 'vitest';
import { addField, entryAt, FieldIdentities, relocateField, setKeyword, setRequired, type BuilderValue } from './form-model.js';

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
