import { createValidator, FormDefinitionError, identitySection } from '@banshi/forms';
import { checkFlow, findPlaceholders, loadReference, validateDefinition } from '@banshi/schemas';
import type { FieldError, ItemDraft, Locale } from '@banshi/schemas/core';
import { message } from '../messages.js';

const staffRoles = loadReference().roles.staffRoles.map((r) => r.id);

/**
 * Checks a draft before it may be published: the guide, form and flow against their meta-schemas,
 * the form's JSON Schema and rules compile, the flow's semantics (every step reachable, every
 * path ends, every role exists, every condition names a field the form has), and no text of the
 * guide still holds the placeholder a new item starts with (待填写).
 *
 * @returns one entry per problem, its pointer rooted at the draft (`/item/…`, `/form/…`, `/flow/…`); `[]` when publishable
 */
export function checkDraft(draft: ItemDraft, locale: Locale = 'zh-CN'): FieldError[] {
  const problems = checkDraftShape(draft, locale);
  if (problems.length > 0) return problems;

  problems.push(...under('/item', findPlaceholders(draft.item, locale)));
  try {
    createValidator(draft.form);
  } catch (error) {
    if (!(error instanceof FormDefinitionError)) throw error;
    problems.push(...error.problems.map((message) => ({ pointer: '/form/schema', code: 'form-definition-invalid', message })));
  }
  problems.push(...checkSubject(draft.form, locale));
  problems.push(...under('/flow', checkFlow(draft.flow, { roles: staffRoles, formSchema: draft.form.schema }, locale)));
  return problems;
}

/** A declared identity section must be an object field of the form holding a name, ID number or credit code. */
function checkSubject(form: ItemDraft['form'], locale: Locale): FieldError[] {
  if (form.subject?.section === undefined || identitySection(form)) return [];
  return [{ pointer: '/form/subject/section', code: 'subject-section', message: message('item.subjectSection', locale) }];
}

const under = (prefix: string, errors: FieldError[]) => errors.map((e) => ({ ...e, pointer: `${prefix}${e.pointer}` }));

/**
 * Checks only that the guide, form and flow are well-formed against their meta-schemas: what a
 * draft must satisfy to be saved (a saved draft may still have semantic problems to fix).
 */
export function checkDraftShape(draft: ItemDraft, locale: Locale = 'zh-CN'): FieldError[] {
  return [
    ...under('/item', validateDefinition('item', draft.item, locale)),
    ...under('/form', validateDefinition('form', draft.form, locale)),
    ...under('/flow', validateDefinition('flow', draft.flow, locale)),
  ];
}
