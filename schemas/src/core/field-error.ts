/**
 * A failure of one field or one part of a definition: a JSON pointer into the checked value, a
 * stable code and a message for people. The one definition: the engine, the API's problem
 * responses, the form validator and the web app all use it.
 */
export interface FieldError {
  pointer: string;
  code: string;
  message: string;
}

/** The languages Banshi shows messages in; zh-CN comes first. */
export type Locale = 'zh-CN' | 'en';
