import jsonLogic from 'json-logic-js';
import { isIsoDate } from '../formats/calendar.js';
import { birthDateFromResidentId } from '../formats/resident-id.js';

/** Custom JSON Logic operations Banshi adds; rules may use these besides the standard ones. */
export const CUSTOM_OPERATIONS = ['ageFromIdNumber', 'birthDateFromIdNumber'] as const;

// json-logic-js keeps one registry per module instance; this flag makes registration idempotent.
const REGISTERED = Symbol.for('banshi.forms.jsonLogicOperations');

/**
 * Whole years of age on `date` of the person with resident ID number `id`, or `null` when the
 * id is invalid, the date is not `YYYY-MM-DD`, or the person is born after `date`. A person born
 * on 29 February turns a year older on 1 March in common years.
 *
 * @example
 * ageFromIdNumber('11010519491231002X', '2024-12-30'); // 74
 */
export function ageFromIdNumber(id: unknown, date: unknown): number | null {
  if (typeof id !== 'string' || !isIsoDate(date)) return null;
  const birth = birthDateFromResidentId(id, date);
  if (birth === null) return null;
  const years = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
  return date.slice(5) >= birth.slice(5) ? years : years - 1;
}

/**
 * The birth date `YYYY-MM-DD` encoded in resident ID number `id`, or `null` when it is invalid.
 *
 * @example
 * birthDateFromIdNumber('11010519491231002X'); // '1949-12-31'
 */
export function birthDateFromIdNumber(id: unknown): string | null {
  return typeof id === 'string' ? birthDateFromResidentId(id) : null;
}

/**
 * Registers Banshi's custom operations in json-logic-js's global registry. Safe to call any
 * number of times (also when forms/ is bundled twice into one process).
 */
export function registerOperations(): void {
  const registry = jsonLogic as unknown as Record<symbol, boolean>;
  if (registry[REGISTERED]) return;
  jsonLogic.add_operation('ageFromIdNumber', ageFromIdNumber);
  jsonLogic.add_operation('birthDateFromIdNumber', birthDateFromIdNumber);
  registry[REGISTERED] = true;
}
