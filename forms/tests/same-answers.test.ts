import { describe, expect, it } from 'vitest';
import { sameAnswers } from '../src/same-answers.js';

describe('same answers (what counts as a change to save as a draft)', () => {
  it.each([
    ['an empty form and one with a calculated null', {}, { age: null }],
    ['an empty form and empty strings and groups', {}, { applicant: { name: '', address: undefined }, attachments: { photo: [] } }],
    ['the same nested answers in another key order', { a: { x: 1, y: 'b' } }, { a: { y: 'b', x: 1 } }],
    ['a prefilled form and the same with blanks added', { applicant: { name: '张三' } }, { applicant: { name: '张三', mobile: '' }, age: null }],
  ])('holds %s the same', (_name, a, b) => {
    expect(sameAnswers(a, b)).toBe(true);
  });

  it.each([
    ['a typed character', {}, { applicant: { name: '张' } }],
    ['否 chosen on a yes/no question', {}, { hasBasement: false }],
    ['a zero entered', {}, { storeys: 0 }],
    ['a changed answer', { region: '150102' }, { region: '150103' }],
    ['an answer cleared', { applicant: { name: '张三' } }, { applicant: { name: '' } }],
    ['an attachment added', { photo: [] }, { photo: [{ blobId: 'b1' }] }],
    ['list items reordered', { list: ['a', 'b'] }, { list: ['b', 'a'] }],
  ])('counts %s as a change', (_name, a, b) => {
    expect(sameAnswers(a, b)).toBe(false);
  });
});
