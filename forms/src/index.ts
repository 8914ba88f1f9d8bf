/**
 * Banshi's form runtime, shared by the browser and the server: one validator factory (ajv
 * JSON Schema 2020-12 + government formats + zh-CN/en messages) and JSON Logic rules.
 * No Node-only APIs here: this folder is bundled for the browser too.
 */
export type {
  CalculateRule,
  CheckRule,
  FieldError,
  FieldPointer,
  FormDefinition,
  FormRule,
  JsonLogicRule,
  Locale,
  LocalizedText,
  VisibleRule,
} from './types.js';
export { FormDefinitionError } from './errors.js';
export {
  compileCount,
  createValidator,
  MAX_DEPTH,
  type FormValidator,
  type ValidatableForm,
  type ValidateOptions,
  type ValidationResult,
} from './create-validator.js';
export { getValidator } from './get-validator.js';
export { evaluateRules, type EvaluateRulesOptions, type RulesOutcome } from './rules/evaluate-rules.js';
export { evaluateLogic, isTruthy } from './rules/evaluate-logic.js';
export { evaluateCondition } from './rules/evaluate-condition.js';
export { checkLogic } from './rules/check-logic.js';
export { ageFromIdNumber, birthDateFromIdNumber, registerOperations } from './rules/register-operations.js';
export { getAt, parsePointer, escapeSegment } from '@banshi/schemas/core';
export {
  birthDateFromResidentId,
  computeResidentIdCheck,
  isValidResidentId,
  residentIdProblem,
  type ResidentIdProblem,
} from './formats/resident-id.js';
export { computeCreditCodeCheck, creditCodeProblem, isValidCreditCode, type CreditCodeProblem } from './formats/credit-code.js';
export { isValidMobile } from './formats/mobile.js';
export { fileNameProblem, type FileNameProblem } from './formats/file-name.js';
export { numberProblem, unstorableNumbers, MAX_STORABLE_MAGNITUDE, MIN_STORABLE_MAGNITUDE, type NumberProblem } from './formats/storable-number.js';
export { isValidRegionCode } from './formats/region-code.js';
export { formatMessage } from './messages/format-message.js';
export {
  bindIdentity,
  DEFAULT_IDENTITY_SECTION,
  IDENTITY_FIELDS,
  identitySection,
  subjectIdentityOf,
  subjectRelations,
  unverifiedIdentityErrors,
  writeIdentity,
  type BoundIdentity,
  type IdentityField,
  type IdentitySection,
  type SubjectForm,
  type VerifiedIdentity,
} from './identity/bind-identity.js';
export { isAtOrUnder, isForbiddenSegment, CopyOnWrite } from '@banshi/schemas/core';
export { sameAnswers } from './same-answers.js';
export { regionChildren, regionLabel, regionOf, regionPath, type RegionEntry } from './formats/region-names.js';
export { compileSubSchema } from './ajv/shared-ajv.js';
