import { describe, expect, it } from 'vitest';
import { loadBuiltInItems } from '@banshi/schemas';
import { checkDraft } from '../../../src/domain/catalog/check-draft.js';
import type { ItemDraft } from '@banshi/schemas/core';

/** The senior card as a draft, its form's subject declaration replaced. */
function seniorCardWith(subject: unknown): ItemDraft {
  const senior = loadBuiltInItems().find((b) => b.slug === 'senior-card')!;
  return { item: senior.item, form: { ...senior.form, subject } as ItemDraft['form'], flow: senior.flow };
}

describe('a form’s subject declaration when a draft is checked', () => {
  it.each([
    ['the senior card’s own (a relative may apply for an elderly person)', { mayDiffer: true, relations: ['child', 'spouse', 'relative', 'guardian'] }],
    ['a declared section the form has', { section: '/applicant' }],
  ])('accepts %s', (_, subject) => {
    expect(checkDraft(seniorCardWith(subject), 'en')).toEqual([]);
  });

  it('refuses a section the form does not have, at the declaration', () => {
    expect(checkDraft(seniorCardWith({ section: '/guardian' }), 'en')).toEqual([expect.objectContaining({ pointer: '/form/subject/section', code: 'subject-section' })]);
  });

  it.each([
    ['a subject that may differ without the relations an applicant may state', { mayDiffer: true }],
    ['a relation outside the list', { mayDiffer: true, relations: ['neighbour'] }],
    ['an unknown property', { mayDiffer: false, whom: 'anyone' }],
  ])('refuses %s against the meta-schema', (_, subject) => {
    const problems = checkDraft(seniorCardWith(subject), 'en');

    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.pointer.startsWith('/form/subject'))).toBe(true);
  });
});
