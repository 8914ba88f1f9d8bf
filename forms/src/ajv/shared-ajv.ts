import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { isValidCreditCode } from '../formats/credit-code.js';
import { isValidMobile } from '../formats/mobile.js';
import { isValidRegionCode } from '../formats/region-code.js';
import { isValidResidentId } from '../formats/resident-id.js';
import { attachmentKeyword } from './attachment-keyword.js';

/** Government formats Banshi adds to the standard ones (date, date-time, email, uri…). */
export const GOVERNMENT_FORMATS = {
  'resident-id': (v: string) => isValidResidentId(v),
  'credit-code': isValidCreditCode,
  mobile: isValidMobile,
  'region-code': isValidRegionCode,
} as const;

/**
 * Builds an ajv (JSON Schema 2020-12) configured for Banshi forms: all errors, verbose (errors
 * carry their schema, for field titles), no coercion, defaults or removal of extra data;
 * strict about unknown keywords and formats so a typo in a form fails at compile time.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    messages: false,
    useDefaults: false,
    removeAdditional: false,
    coerceTypes: false,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    // 1234.56 / 0.01 is not an integer in binary floating point; money fields need a tolerance.
    multipleOfPrecision: 9,
  });
  addFormats(ajv);
  for (const [name, validate] of Object.entries(GOVERNMENT_FORMATS)) {
    ajv.addFormat(name, { type: 'string', validate });
  }
  ajv.addKeyword(attachmentKeyword);
  return ajv;
}

let shared: Ajv2020 | undefined;

/** The process-wide ajv instance, created on first use. */
export function sharedAjv(): Ajv2020 {
  shared ??= createAjv();
  return shared;
}
