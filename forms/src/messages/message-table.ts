/** What a message may mention. Every field is optional; entries use what their code provides. */
export interface MessageParams {
  /** The field's `title` from the schema. */
  title?: string;
  /** The field's property name (last pointer segment), used when there is no title. */
  field?: string;
  /** A numeric limit: minLength, maximum, maxItems, multipleOf, maxSizeKb… */
  limit?: number;
  /** Expected JSON type(s) for `type`. */
  types?: string[];
  /** Allowed values for `enum` / `const`. */
  allowed?: unknown[];
  /** A format name for formats without their own message. */
  format?: string;
  /** A file name (attachments). */
  fileName?: string;
  /** Accepted content types (attachments). */
  accept?: string[];
}

/**
 * One message: `body` follows the field's title ("身份证号码：校验位不正确"); `alone` is used when
 * the field has no title ("身份证号码校验位不正确"); without `alone`, `body` stands alone.
 */
export interface MessageEntry {
  body: (p: MessageParams) => string;
  alone?: (p: MessageParams) => string;
}

/** Messages of one locale by error code, plus how a title is joined to a body. */
export interface MessageTable {
  join: (title: string, body: string) => string;
  entries: Record<string, MessageEntry>;
}

/** Decimal places a `multipleOf` of 10^-k allows (0.01 → 2), or `null` for other steps. */
export function decimalPlaces(step: number): number | null {
  for (let k = 0; k <= 10; k += 1) {
    if (Math.abs(step - 10 ** -k) < 1e-12) return k;
  }
  return null;
}
