/** The fields of a form schema flattened into JSON pointers with their titles, for choosing what to correct. */
import type { Locale } from '@banshi/schemas';
import { declaresProperties, formSchemaFields, isSchemaObject, type FormSchemaField } from '@banshi/schemas/core';

export interface FormField {
  /** JSON pointer into the data, e.g. `/applicant/idNumber`. */
  pointer: string;
  /** The titles from the root down, e.g. `申请人 / 身份证号`. */
  title: string;
  /** True for an attachment (x-attachment) field. */
  attachment: boolean;
  /** The labels of a choice field (`oneOf: [{const, title}]`), by value. */
  choices?: Record<string, string>;
}

type Ui = Record<string, unknown> | undefined;

/** Deeper than this is no form a person fills; a field this deep is listed whole. */
const MAX_DEPTH = 11;

/**
 * Every leaf field of a form schema, and every attachment field, with its pointer and path of
 * titles (property names where a title is missing), local `$ref`s followed.
 */
export function formFields(schema: Record<string, unknown> | undefined, uiSchema?: Record<string, unknown>, locale: Locale = 'zh-CN'): FormField[] {
  const root = schema ?? {};
  const out: FormField[] = [];
  const uis = new Map<FormSchemaField, Ui>();
  const titles = new Map<FormSchemaField, string[]>();
  const isGroup = (field: FormSchemaField) => !field.schema['x-attachment'] && field.depth < MAX_DEPTH && declaresProperties(root, field.schema);
  for (const field of formSchemaFields(root, { descend: isGroup })) {
    const ui = (field.parent ? uis.get(field.parent) : uiSchema)?.[field.key] as Ui;
    const en = (ui?.['ui:options'] as { labelEn?: string } | undefined)?.labelEn;
    const path = [...(field.parent ? titles.get(field.parent)! : []), locale === 'en' && en ? en : field.title ?? field.key];
    uis.set(field, ui);
    titles.set(field, path);
    if (isGroup(field)) continue;
    const oneOf = Array.isArray(field.schema.oneOf) ? (field.schema.oneOf as unknown[]) : [];
    const choices = oneOf.filter(isSchemaObject).filter((o) => o.const !== undefined && o.title).map((o) => [String(o.const), String(o.title)] as const);
    out.push({ pointer: field.pointer, title: path.join(' / '), attachment: Boolean(field.schema['x-attachment']), ...(choices.length ? { choices: Object.fromEntries(choices) } : {}) });
  }
  return out;
}
