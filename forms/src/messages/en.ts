import { decimalPlaces, type MessageTable } from './message-table.js';

const article = (t: string): string => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);
const TYPE_NAMES: Record<string, string> = { null: 'empty', boolean: 'yes or no' };
const list = (values: unknown[] | undefined): string => {
  const shown = (values ?? []).slice(0, 10).map((v) => JSON.stringify(v));
  return shown.join(', ') + ((values?.length ?? 0) > 10 ? ', …' : '');
};
const fileTypes = (accept: string[] | undefined): string =>
  (accept ?? []).map((t) => t.split('/').pop()?.toUpperCase() ?? t).join(', ');

/** English messages by error code. */
export const en: MessageTable = {
  join: (title, body) => `${title}: ${body}`,
  entries: {
    'not-object': { body: () => 'the submission must be a JSON object' },
    'too-deep': { body: () => 'the data is nested too deeply' },
    'number-range': {
      body: () => 'is outside the range that can be stored (at most 9007199254740991 in magnitude, and not below 1e-130)',
      alone: () => 'the number is outside the range that can be stored (at most 9007199254740991 in magnitude, and not below 1e-130)',
    },
    'schema-recursion': { body: () => 'the form refers to itself without end and cannot check the data; please tell the office responsible for the item' },
    required: { body: () => 'is required', alone: (p) => `required field ${p.field ?? ''} is missing` },
    type: {
      body: (p) => `must be ${(p.types ?? []).map((t) => TYPE_NAMES[t] ?? article(t)).join(' or ')}`,
    },
    minLength: { body: (p) => `must be at least ${p.limit} characters` },
    maxLength: { body: (p) => `must be at most ${p.limit} characters` },
    pattern: { body: () => 'has an invalid format' },
    format: { body: (p) => `must be a valid ${p.format}` },
    'format.date': { body: () => 'must be a valid date (YYYY-MM-DD)' },
    'format.date-time': { body: () => 'must be a valid date and time' },
    'format.time': { body: () => 'must be a valid time' },
    'format.email': { body: () => 'must be a valid email address' },
    'format.uri': { body: () => 'must be a valid URL' },
    'format.resident-id.shape': {
      body: () => 'must be 18 characters: 17 digits and a digit or uppercase X',
      alone: () => 'the resident ID number has an invalid format',
    },
    'format.resident-id.region': {
      body: () => 'the region code is wrong',
      alone: () => 'the resident ID number has a wrong region code',
    },
    'format.resident-id.birth-date': {
      body: () => 'the birth date is wrong',
      alone: () => 'the resident ID number has a wrong birth date',
    },
    'format.resident-id.checksum': {
      body: () => 'the check digit is wrong',
      alone: () => 'the resident ID number has a wrong check digit',
    },
    'format.credit-code.shape': {
      body: () => 'must be 18 digits or uppercase letters (no I, O, S, V, Z)',
      alone: () => 'the unified social credit code has an invalid format',
    },
    'format.credit-code.checksum': {
      body: () => 'the check character is wrong',
      alone: () => 'the unified social credit code has a wrong check character',
    },
    'format.mobile': { body: () => 'must be an 11-digit mobile number', alone: () => 'invalid mobile number' },
    'format.region-code': {
      body: () => 'must be a 6-digit administrative division code',
      alone: () => 'invalid administrative division code',
    },
    enum: { body: (p) => `must be one of ${list(p.allowed)}` },
    const: { body: (p) => `must be ${list(p.allowed)}` },
    minimum: { body: (p) => `must be at least ${p.limit}` },
    maximum: { body: (p) => `must be at most ${p.limit}` },
    exclusiveMinimum: { body: (p) => `must be greater than ${p.limit}` },
    exclusiveMaximum: { body: (p) => `must be less than ${p.limit}` },
    multipleOf: {
      body: (p) => {
        const k = decimalPlaces(p.limit ?? 0);
        if (k === 0) return 'must be a whole number';
        return k === null ? `must be a multiple of ${p.limit}` : `must have at most ${k} decimal places`;
      },
    },
    additionalProperties: { body: (p) => `unknown field ${p.field ?? ''}`.trim() },
    minItems: { body: (p) => `must have at least ${p.limit} items` },
    maxItems: { body: (p) => `must have at most ${p.limit} items` },
    uniqueItems: { body: () => 'must not contain duplicates' },
    'x-attachment.type': {
      body: (p) => `file "${p.fileName ?? ''}" has a type that is not allowed (allowed: ${fileTypes(p.accept)})`,
    },
    'x-attachment.size': { body: (p) => `file "${p.fileName ?? ''}" is too large (at most ${p.limit} KB)` },
    'applicant.identityMismatch': {
      body: () => "differs from the applicant's verified identity; an application cannot be filed in someone else's name",
      alone: () => "the applicant's identity differs from the verified identity",
    },
    'applicant.identityUnverified': {
      body: () => "the applicant's account has no verified value for this",
      alone: () => "the applicant's account has no verified value for this identity field",
    },
    'subject.relation': {
      body: (p) => ((p.allowed ?? []).length > 0 ? `must be one of: ${list(p.allowed)}` : 'this item can only be applied for by the person concerned (or their agent)'),
    },
    'x-attachment.name': { body: () => 'the file name contains invisible or text-direction characters; rename the file and upload it again' },
  },
};
