/**
 * The applicant's identity in the form data. A form's identity section (`subject.section`, by
 * default `/applicant`) holds the name and the resident ID number or credit code of whom the
 * application is about. Those values come from the applicant's verified identity, never from
 * free input: the server fills them before validating (so rules such as an age check see the
 * verified identity) and refuses values that differ; the browser shows them prefilled and
 * read-only. Shared by both sides, like the rest of this folder.
 */
import type { SubjectDeclaration } from '@banshi/schemas';
import { isValidCreditCode } from '../formats/credit-code.js';
import { isValidResidentId } from '../formats/resident-id.js';
import { formatMessage } from '../messages/format-message.js';
import { escapeSegment, isForbiddenSegment, parsePointer } from '@banshi/schemas/core';
import type { FieldError, Locale } from '../types.js';

/** The fields of an identity section that carry identity. */
export const IDENTITY_FIELDS = ['name', 'idNumber', 'creditCode'] as const;

export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** A verified identity: from the account of a person or an enterprise (real-name authentication). */
export interface VerifiedIdentity {
  name: string;
  /** person: resident ID number (GB 11643). */
  idNumber?: string;
  /** enterprise: unified social credit code (GB 32100). */
  creditCode?: string;
}

/** The parts of a form definition the identity rules read. */
export interface SubjectForm {
  schema: object;
  subject?: SubjectDeclaration;
}

/** Where a form holds the subject's identity: the section's pointer and its identity fields with their titles. */
export interface IdentitySection {
  pointer: string;
  fields: { key: IdentityField; pointer: string; title?: string }[];
}

/** The section a form holds the subject's identity in when it does not say: `/applicant`. */
export const DEFAULT_IDENTITY_SECTION = '/applicant';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const own = (obj: Json, key: string): unknown => (Object.hasOwn(obj, key) ? obj[key] : undefined);

/** The object schema at a data pointer, following `properties` only; undefined when there is none. */
function sectionSchema(schema: object, pointer: string): Json | undefined {
  let current: unknown = schema;
  for (const segment of parsePointer(pointer)) {
    if (isForbiddenSegment(segment) || !isObject(current)) return undefined;
    const properties = own(current, 'properties');
    current = isObject(properties) ? own(properties, segment) : undefined;
  }
  return isObject(current) && isObject(own(current, 'properties')) ? current : undefined;
}

/**
 * The form's identity section: `subject.section` (default `/applicant`) when the schema has an
 * object there with at least one of `name`, `idNumber`, `creditCode`; otherwise undefined (the
 * form asks for no identity, and nothing is bound).
 *
 * @example identitySection(seniorCardForm) // { pointer: '/applicant', fields: [{ key: 'name', … }, { key: 'idNumber', … }] }
 */
export function identitySection(form: SubjectForm): IdentitySection | undefined {
  const pointer = form.subject?.section ?? DEFAULT_IDENTITY_SECTION;
  let section: Json | undefined;
  try {
    section = sectionSchema(form.schema, pointer);
  } catch {
    return undefined; // not a JSON pointer
  }
  if (!section) return undefined;
  const properties = section.properties as Json;
  const fields = IDENTITY_FIELDS.filter((key) => isObject(own(properties, key))).map((key) => {
    const title = own(properties[key] as Json, 'title');
    return { key, pointer: `${pointer}/${escapeSegment(key)}`, ...(typeof title === 'string' ? { title } : {}) };
  });
  return fields.length > 0 ? { pointer, fields } : undefined;
}

/** Whether the form lets an applicant apply for someone else, and with which relations. */
export function subjectRelations(form: SubjectForm): readonly string[] {
  return form.subject?.mayDiffer ? (form.subject.relations ?? []) : [];
}

/** The section's object in the data, or undefined when it is absent or not an object. */
function sectionValues(section: IdentitySection, data: Json): Json | undefined {
  let values: unknown = data;
  for (const segment of parsePointer(section.pointer)) values = isObject(values) ? own(values, segment) : undefined;
  return isObject(values) ? values : undefined;
}

const normalise = (key: IdentityField, value: string): string => (key === 'name' ? value.trim() : value.trim().toUpperCase());

/** Whether a submitted value is a well-formed identity value (a malformed one is left to the validator's format message). */
function wellFormed(key: IdentityField, value: string): boolean {
  if (key === 'idNumber') return isValidResidentId(normalise(key, value));
  if (key === 'creditCode') return isValidCreditCode(normalise(key, value));
  return value.trim() !== '';
}

/**
 * A copy of the data down to the section's object (created when absent), to write into; undefined
 * when something on the way is not an object (the validator names that).
 */
function openSection(section: IdentitySection, data: Json): { copy: Json; target: Json } | undefined {
  const copy: Json = { ...data };
  let target = copy;
  for (const segment of parsePointer(section.pointer)) {
    const existing = own(target, segment);
    if (existing !== undefined && !isObject(existing)) return undefined;
    const next: Json = { ...(existing ?? {}) };
    target[segment] = next;
    target = next;
  }
  return { copy, target };
}

/**
 * The data with the identity's values written over the section's identity fields, whatever they
 * held: what the browser shows in the read-only fields of an applicant applying for themselves.
 * The data unchanged when the form has no identity section.
 */
export function writeIdentity(form: SubjectForm, data: Json, identity: Partial<VerifiedIdentity>): Json {
  const section = identitySection(form);
  const opened = section && openSection(section, data);
  if (!section || !opened) return data;
  let changed = false;
  for (const field of section.fields) {
    const value = identity[field.key];
    if (value !== undefined && opened.target[field.key] !== value) {
      opened.target[field.key] = value;
      changed = true;
    }
  }
  return changed ? opened.copy : data;
}

/** What {@link bindIdentity} returns. */
export interface BoundIdentity {
  /** The data with the verified identity written into the section (a copy; the input is not changed). */
  data: Json;
  /** One `applicant.identityMismatch` per identity field whose submitted value differs from the verified one. */
  errors: FieldError[];
}

/**
 * Writes the verified identity into the form's identity section before validation: a field that
 * is absent or empty gets the verified value, one that equals it (ignoring surrounding spaces and
 * the case of a check character) is replaced by it, and a well-formed value that differs is an
 * `applicant.identityMismatch` error at the field. A malformed value is left as it is, for the
 * validator to name its format problem. Fields the identity has no value for are left to
 * {@link unverifiedIdentityErrors}, after validation.
 *
 * @returns the data unchanged and no errors when the form has no identity section
 */
export function bindIdentity(form: SubjectForm, data: Json, identity: VerifiedIdentity, locale: Locale): BoundIdentity {
  const section = identitySection(form);
  const opened = section && openSection(section, data);
  if (!section || !opened) return { data, errors: [] };
  const { copy, target } = opened;
  const errors: FieldError[] = [];
  for (const field of section.fields) {
    const verified = identity[field.key];
    if (verified === undefined) continue;
    const submitted = own(target, field.key);
    if (submitted === undefined || submitted === null || (typeof submitted === 'string' && submitted.trim() === '')) {
      target[field.key] = verified;
    } else if (typeof submitted === 'string' && normalise(field.key, submitted) === normalise(field.key, verified)) {
      target[field.key] = verified;
    } else if (typeof submitted === 'string' && wellFormed(field.key, submitted)) {
      errors.push({ pointer: field.pointer, code: 'applicant.identityMismatch', message: formatMessage('applicant.identityMismatch', { title: field.title }, locale) });
    }
  }
  return { data: copy, errors };
}

/**
 * After validation: the identity fields the data still holds (visible, not empty) for which the
 * identity has no verified value — a person entering a credit code, an enterprise an ID number.
 * Each is an `applicant.identityUnverified` error at the field.
 */
export function unverifiedIdentityErrors(form: SubjectForm, data: Json, identity: VerifiedIdentity, locale: Locale): FieldError[] {
  const section = identitySection(form);
  if (!section) return [];
  const values = sectionValues(section, data);
  if (!values) return [];
  return section.fields
    .filter((field) => identity[field.key] === undefined)
    .filter((field) => {
      const value = own(values, field.key);
      return value !== undefined && value !== null && value !== '';
    })
    .map((field) => ({ pointer: field.pointer, code: 'applicant.identityUnverified', message: formatMessage('applicant.identityUnverified', { title: field.title }, locale) }));
}

/** The subject's identity as the (validated) data holds it in the identity section, for the case record. */
export function subjectIdentityOf(form: SubjectForm, data: Json): Partial<VerifiedIdentity> {
  const section = identitySection(form);
  if (!section) return {};
  const values = sectionValues(section, data);
  if (!values) return {};
  const found: Partial<VerifiedIdentity> = {};
  for (const field of section.fields) {
    const value = own(values, field.key);
    if (typeof value === 'string' && value !== '') found[field.key] = value;
  }
  return found;
}
