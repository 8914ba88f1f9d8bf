/**
 * What the server and the web app both decide, written once: field errors and locales, case
 * statuses, JSON pointers, the form-schema walker, the actions a task allows and role predicates.
 * Pure and browser-safe: no Node APIs, no AWS, no React.
 */
export type { FieldError, Locale } from './field-error.js';
export { FINAL_STATUSES, isFinalStatus } from './case-status.js';
export { DEFAULT_REGION_CODE } from './region.js';
export { CopyOnWrite, escapeSegment, getAt, isAtOrUnder, isForbiddenSegment, parsePointer } from './json-pointer.js';
