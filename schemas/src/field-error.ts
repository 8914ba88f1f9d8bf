/**
 * A failure of one field or one part of a definition: a JSON pointer into the checked value, a
 * stable code and a message for people. Structurally the same as `FieldError` of
 * functions/src/domain/errors.ts, so either can be passed where the other is expected.
 */
export interface FieldError {
  pointer: string;
  code: string;
  message: string;
}

/** The languages Banshi shows messages in; zh-CN comes first. */
export type Locale = 'zh-CN' | 'en';
