/**
 * What the server and the web app both decide, written once: field errors and locales, case
 * statuses, JSON pointers, the form-schema walker, the actions a task allows and role predicates.
 * Pure and browser-safe: no Node APIs, no AWS, no React.
 */
export type { FieldError, Locale } from './field-error.js';
export { FINAL_STATUSES, isFinalStatus } from './case-status.js';
export { DEFAULT_REGION_CODE } from './region.js';
export { CopyOnWrite, escapeSegment, getAt, isAtOrUnder, isForbiddenSegment, parsePointer, unescapeSegment } from './json-pointer.js';
export type { ItemDraft } from './item-draft.js';
export {
  childSchemas,
  combinedSchemas,
  declaresProperties,
  derefSchema,
  formSchemaFields,
  isSchemaObject,
  propertySchema,
  resolveRef,
  type FormSchemaField,
  type FormSchemaWalk,
  type JsonSchema,
} from './form-schema.js';
export {
  actionRefusal,
  allowedActions,
  APPLICANT_ACTIONS,
  extensionsUsedUp,
  listedActions,
  STAFF_ACTIONS,
  type ActionRefusal,
  type CaseStanding,
  type FlowRules,
  type TaskPlace,
} from './allowed-actions.js';
export type { PrincipalRole } from './roles.js';
export { hasAnyRole, hasRole, isAdmin, isPrincipalRole, isStaff, mayApply, mayDesign, maySupervise, PRINCIPAL_ROLES } from './roles.js';
export { STATISTICS_COUNTERS, type StatisticsCounter } from './statistics-counters.js';
