import { describe, expect, it } from 'vitest';
import { formFields } from './form-fields.js';

describe('formFields', () => {
  const schema = {
    type: 'object',
    properties: {
      applicant: {
        type: 'object',
        title: '申请人',
        properties: {
          name: { type: 'string', title: '姓名' },
          residence: { type: 'string', title: '户籍', oneOf: [{ const: 'local', title: '本地' }, { const: 'other', title: '外地' }] },
        },
      },
      idCard: { type: 'array', title: '身份证', 'x-attachment': { accept: ['image/png'] }, items: { type: 'object', properties: { blobId: { type: 'string' } } } },
      note: { type: 'string' },
    },
  };

  it('lists leaves and attachments with their pointers, titles and choices', () => {
    expect(formFields(schema)).toEqual([
      { pointer: '/applicant/name', title: '申请人 / 姓名', attachment: false },
      { pointer: '/applicant/residence', title: '申请人 / 户籍', attachment: false, choices: { local: '本地', other: '外地' } },
      { pointer: '/idCard', title: '身份证', attachment: true },
      { pointer: '/note', title: 'note', attachment: false },
    ]);
  });

  it('labels in English from the uiSchema', () => {
    const ui = { applicant: { 'ui:options': { labelEn: 'Applicant' }, name: { 'ui:options': { labelEn: 'Name' } } } };
    expect(formFields(schema, ui, 'en')[0]!.title).toBe('Applicant / Name');
    expect(formFields(schema, ui, 'zh-CN')[0]!.title).toBe('申请人 / 姓名');
  });

  it('follows #/definitions/ references as well as #/$defs/ ones', () => {
    const person = { type: 'object', properties: { name: { type: 'string', title: '姓名' } } };
    const viaDefs = { $defs: { person }, properties: { applicant: { $ref: '#/$defs/person', title: '申请人' } } };
    const viaDefinitions = { definitions: { person }, properties: { applicant: { $ref: '#/definitions/person', title: '申请人' } } };

    expect(formFields(viaDefs)).toEqual([{ pointer: '/applicant/name', title: '申请人 / 姓名', attachment: false }]);
    // A draft-07 reference is followed like a 2020-12 one, not listed as a field of its own (`/applicant`).
    expect(formFields(viaDefinitions)).toEqual(formFields(viaDefs));
  });

  it('returns nothing for no schema', () => {
    expect(formFields(undefined)).toEqual([]);
  });
});
