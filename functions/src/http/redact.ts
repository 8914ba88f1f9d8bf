/**
 * Masks personal data before anything is logged (DESIGN.md §11: no ID numbers or phone numbers
 * in logs). Errs on the side of masking: an 18-digit receipt number is masked too.
 */

/** GB 11643 resident ID numbers: 17 digits and a digit or X, not part of a longer digit run. */
const RESIDENT_ID = /(?<!\d)\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dXx](?![\dXx])/g;
/** GB 32100 unified social credit codes: 18 characters of the code's alphabet. */
const CREDIT_CODE = /(?<![0-9A-Za-z])[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}(?![0-9A-Za-z])/g;
/** Mainland mobile numbers, with an optional +86/0086 prefix and optional separators. */
const MOBILE = /(?<!\d)(?:(?:\+|00)?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
/** Any other 18-character run of digits ending in a digit or X (an ID number with a bad date). */
const EIGHTEEN = /(?<!\d)\d{17}[\dXx](?![\dXx])/g;

/** Keys whose values are secrets or personal data whatever they look like. */
const SENSITIVE_KEY = /^(authorization|cookie|set-cookie|password|secret|token|idtoken|accesstoken|idnumber|idcard|mobile|phone|telephone)$/i;

const MAX_DEPTH = 12;
const MAX_STRING = 8_192;

/** Masks resident ID numbers, credit codes and mobile numbers anywhere in a string. */
export function redactString(text: string): string {
  const cut = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…[truncated]` : text;
  return cut
    .replace(RESIDENT_ID, '[redacted:id-number]')
    .replace(EIGHTEEN, '[redacted:id-number]')
    .replace(CREDIT_CODE, '[redacted:credit-code]')
    .replace(MOBILE, '[redacted:mobile]');
}

/**
 * Returns a copy of `value` safe to log: strings masked with {@link redactString}, values under
 * sensitive keys (authorization, password, idNumber, mobile …) replaced, errors turned into
 * `{ name, code, message, stack }`, cycles and very deep nesting cut.
 */
export function redact(value: unknown): unknown {
  return redactAt(value, 0, new WeakSet());
}

function redactAt(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? '[function]' : value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      name: value.name,
      ...(code === undefined ? {} : { code: redactAt(code, depth + 1, seen) }),
      message: redactString(value.message),
      ...(value.stack ? { stack: redactString(value.stack) } : {}),
      ...(value.cause === undefined ? {} : { cause: redactAt(value.cause, depth + 1, seen) }),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redactAt(item, depth + 1, seen));
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const safeKey = redactString(key);
    out[safeKey] = SENSITIVE_KEY.test(key) && item !== undefined && item !== null ? '[redacted]' : redactAt(item, depth + 1, seen);
  }
  return out;
}
