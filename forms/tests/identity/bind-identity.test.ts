import { describe, expect, it } from 'vitest';
import { bindIdentity, identitySection, subjectIdentityOf, subjectRelations, unverifiedIdentityErrors, writeIdentity, type SubjectForm } from '../../src/index.js';

const ZHANG = { name: '张三', idNumber: '150102195603120014' };
const LI_ID = '150102199007150039';

const personForm: SubjectForm = {
  schema: {
    type: 'object',
    properties: {
      applicant: {
        type: 'object',
        properties: { name: { type: 'string', title: '姓名' }, idNumber: { type: 'string', title: '公民身份号码' }, creditCode: { type: 'string', title: '统一社会信用代码' }, mobile: { type: 'string' } },
      },
      note: { type: 'string' },
    },
  },
};

describe('the identity section of a form', () => {
  it('is /applicant by default, with the identity fields it has and their titles', () => {
    expect(identitySection(personForm)).toEqual({
      pointer: '/applicant',
      fields: [
        { key: 'name', pointer: '/applicant/name', title: '姓名' },
        { key: 'idNumber', pointer: '/applicant/idNumber', title: '公民身份号码' },
        { key: 'creditCode', pointer: '/applicant/creditCode', title: '统一社会信用代码' },
      ],
    });
  });

  it('is the declared section', () => {
    const form = { schema: { type: 'object', properties: { operator: { type: 'object', properties: { idNumber: { type: 'string' } } } } }, subject: { section: '/operator' } };

    expect(identitySection(form)?.fields.map((f) => f.pointer)).toEqual(['/operator/idNumber']);
  });

  it.each([
    ['no such field', { section: '/nobody' }],
    ['a field that is not an object', { section: '/note' }],
    ['a prototype segment', { section: '/__proto__' }],
  ])('is absent for %s', (_, subject) => {
    expect(identitySection({ ...personForm, subject })).toBeUndefined();
  });

  it('offers relations only when the subject may differ', () => {
    expect(subjectRelations(personForm)).toEqual([]);
    expect(subjectRelations({ ...personForm, subject: { relations: ['child'] } })).toEqual([]);
    expect(subjectRelations({ ...personForm, subject: { mayDiffer: true, relations: ['child', 'spouse'] } })).toEqual(['child', 'spouse']);
  });
});

describe('binding the verified identity', () => {
  it('fills absent and empty identity fields and leaves the rest of the data as it was', () => {
    const data = { applicant: { name: '', mobile: '13804710001' }, note: 'x' };

    const bound = bindIdentity(personForm, data, ZHANG, 'zh-CN');

    expect(bound).toEqual({ data: { applicant: { name: '张三', idNumber: ZHANG.idNumber, mobile: '13804710001' }, note: 'x' }, errors: [] });
    expect(data.applicant).toEqual({ name: '', mobile: '13804710001' });
  });

  it('creates the section when the data has none', () => {
    expect(bindIdentity(personForm, {}, ZHANG, 'en').data).toEqual({ applicant: { name: '张三', idNumber: ZHANG.idNumber } });
  });

  it('refuses a well-formed value that differs, at its field, in zh-CN and en', () => {
    const data = { applicant: { name: '张三', idNumber: LI_ID } };

    expect(bindIdentity(personForm, data, ZHANG, 'zh-CN').errors).toEqual([
      { pointer: '/applicant/idNumber', code: 'applicant.identityMismatch', message: '公民身份号码：与申请人的实名认证信息不一致，不能为他人填写' },
    ]);
    expect(bindIdentity(personForm, data, ZHANG, 'en').errors[0].message).toBe("公民身份号码: differs from the applicant's verified identity; an application cannot be filed in someone else's name");
  });

  it('leaves a malformed value to the validator’s format message', () => {
    const data = { applicant: { idNumber: '150102195603120015' } };

    const bound = bindIdentity(personForm, data, ZHANG, 'zh-CN');

    expect(bound.errors).toEqual([]);
    expect(bound.data.applicant).toMatchObject({ idNumber: '150102195603120015' });
  });

  it('leaves a field the identity has no value for to the check after validation', () => {
    const data = { applicant: { creditCode: '91150100MA13QW5E7R' } };

    const bound = bindIdentity(personForm, data, ZHANG, 'zh-CN');

    expect(bound.errors).toEqual([]);
    expect(unverifiedIdentityErrors(personForm, bound.data, ZHANG, 'zh-CN')).toEqual([
      { pointer: '/applicant/creditCode', code: 'applicant.identityUnverified', message: '统一社会信用代码：申请人的账户没有经过实名认证的此项信息' },
    ]);
  });

  it('does nothing on a form without an identity section', () => {
    const form = { schema: { type: 'object', properties: { note: { type: 'string' } } } };

    expect(bindIdentity(form, { note: 'x' }, ZHANG, 'zh-CN')).toEqual({ data: { note: 'x' }, errors: [] });
    expect(unverifiedIdentityErrors(form, { note: 'x' }, ZHANG, 'zh-CN')).toEqual([]);
  });

  it('reads the subject’s identity as entered', () => {
    expect(subjectIdentityOf(personForm, { applicant: { name: '张三', idNumber: ZHANG.idNumber, mobile: '1' } })).toEqual(ZHANG);
  });
});

describe('writing the identity for the browser', () => {
  it('overwrites what the section held with the verified values and keeps the same data when nothing changes', () => {
    const data = { applicant: { name: '李四', idNumber: LI_ID, mobile: '1' } };

    const written = writeIdentity(personForm, data, ZHANG);

    expect(written).toEqual({ applicant: { name: '张三', idNumber: ZHANG.idNumber, mobile: '1' } });
    expect(writeIdentity(personForm, written, ZHANG)).toBe(written);
  });
});
