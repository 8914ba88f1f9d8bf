import { describe, expect, it } from 'vitest';
import { validateDefinition, type DefinitionKind } from '../src/validate-definition.js';
import { loadFixture } from './support/load-fixture.js';

const name = { 'zh-CN': '名称', en: 'Name' };

describe('validateDefinition', () => {
  it('returns no errors for a valid flow', () => {
    const flow = loadFixture('small-flow.json');

    expect(validateDefinition('flow', flow)).toEqual([]);
  });

  it('points at a missing property itself', () => {
    const errors = validateDefinition('flow', { start: 'a', steps: [{ id: 'a', kind: 'end' }] }, 'en');

    expect(errors).toEqual([{ pointer: '/steps/0/name', code: 'required', message: "must have required property 'name'" }]);
  });

  it('points at an unknown property itself', () => {
    const errors = validateDefinition('claim', { id: 'c', itemId: 'i', departmentId: 'd', level: '4', region: '150102', departments: {}, owner: 'x' }, 'en');

    expect(errors).toEqual([{ pointer: '/owner', code: 'additionalProperties', message: 'must NOT have additional properties' }]);
  });

  it('writes messages in zh-CN by default', () => {
    const [error] = validateDefinition('flow', { start: 'a', steps: [] });

    expect(error).toEqual({ pointer: '/steps', code: 'minItems', message: '不应少于 1 个项' });
  });

  it('lists the allowed codes when an enumeration does not match', () => {
    const errors = validateDefinition('claim', { id: 'c', itemId: 'i', departmentId: 'd', level: '8', region: '150102', departments: {} }, 'en');

    expect(errors).toEqual([expect.objectContaining({ pointer: '/level', code: 'enum', message: expect.stringContaining('"4"') })]);
  });

  it('reports a form rule of an unknown kind once, at the rule', () => {
    const form = { schema: { type: 'object', properties: {} }, rules: [{ id: 'r', kind: 'hide', field: '/a', when: true }] };

    const errors = validateDefinition('form', form, 'en');

    expect(errors).toEqual([expect.objectContaining({ pointer: '/rules/0', code: 'discriminator' })]);
  });

  it('accepts x- keywords inside a form schema, which it validates as data', () => {
    const form = {
      schema: { type: 'object', properties: { photo: { type: 'array', 'x-attachment': { material: 'photo' } } }, additionalProperties: false },
      rules: [{ id: 'age', kind: 'calculate', field: '/age', value: { ageFromIdNumber: [{ var: 'idNumber' }, { var: '$today' }] } }],
    };

    expect(validateDefinition('form', form)).toEqual([]);
  });

  it('rejects a fee with neither an amount nor a description', () => {
    const errors = validateDefinition('item', { fees: [{ name, basis: name }] }, 'en');

    expect(errors).toContainEqual(expect.objectContaining({ pointer: '/fees/0', code: 'anyOf' }));
  });

  it('rejects a material necessity that is not a code of the table', () => {
    const material = { id: 'm', name, form: '1', necessity: '4', originals: 1, copies: 0, source: '10', standard: name };

    const errors = validateDefinition('item', { materials: [material] }, 'en');

    expect(errors).toContainEqual(expect.objectContaining({ pointer: '/materials/0/necessity', code: 'enum' }));
  });

  it('throws on a kind it does not know', () => {
    expect(() => validateDefinition('licence' as DefinitionKind, {})).toThrow(TypeError);
  });
});
