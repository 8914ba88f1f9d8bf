/**
 * Whether two versions of a form's data hold the same answers, with blanks not counting as answers:
 * `undefined`, `null`, `''`, and arrays and objects holding no answer. A form that only filled in
 * blanks on opening (a calculated age of `null`, an empty group) has not been changed by anyone.
 */

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.every(isBlank);
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).every(isBlank);
  return false;
}

function same(a: unknown, b: unknown): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    // Positions in a list matter: an answer moved to another item is a change.
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => same(item, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    for (const key of keys) if (!same(left[key], right[key])) return false;
    return true;
  }
  return Object.is(a, b);
}

/**
 * True when `a` and `b` hold the same answers (blank values ignored, `false` and `0` are answers).
 *
 * @example
 * sameAnswers({}, { age: null, applicant: { name: '' } }); // true: nothing was answered
 * sameAnswers({}, { hasBasement: false }); // false: 否 is an answer
 */
export function sameAnswers(a: unknown, b: unknown): boolean {
  return same(a, b);
}
