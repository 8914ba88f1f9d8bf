/**
 * Banshi's definition language: meta-schema types, definition validation, flow checks, and the
 * built-in items and reference data.
 */
export * from './core/index.js';
export type { Actor, Identifier, IsoDate, IsoDateTime, JsonLogicRule, LocalizedText, TimeLimit } from './generated/common.generated.js';
export type { FlowAction, FlowBranch, FlowDefinition, FlowEffect, FlowStep, FlowTransition } from './generated/flow.generated.js';
export type {
  Applicant,
  BranchState,
  Case,
  CaseStatus,
  Clock,
  CorrectionItem,
  CorrectionRequest,
  Outcome,
  Pause,
  SubjectRelation,
  Suspension,
} from './generated/case.generated.js';
export type { Task } from './generated/task.generated.js';
export type { AuditEvent } from './generated/audit-event.generated.js';
export type {
  Complaint,
  Consultation,
  CreditCode,
  DepartmentSlot,
  Fee,
  Implementer,
  ItemType,
  LegalBasis,
  Location,
  Material,
  Phone,
  Result,
  ServiceItem,
  Template,
  UseLevel,
} from './generated/service-item.generated.js';
export type { Claim, RegionCode } from './generated/claim.generated.js';
export type { CalculateRule, CheckRule, FieldPointer, FormDefinition, FormRule, VisibleRule } from './generated/form-definition.generated.js';
export type { Department } from './generated/department.generated.js';
export type { PrincipalRole, User } from './generated/user.generated.js';
export type { ItemVersion, SubjectDeclaration } from './generated/item-version.generated.js';

export { validateDefinition, type DefinitionKind } from './validate-definition.js';
export { checkFlow, type CheckFlowContext } from './flows/check-flow.js';
export { checkFlowMessages, type CheckFlowCode } from './flows/check-flow-messages.js';
export { jsonLogicVars } from './flows/json-logic-vars.js';
export { schemaHasField } from './flows/schema-has-field.js';
export { loadBuiltInItems, type BuiltInItem } from './catalog/load-builtins.js';
export { findPlaceholders, GUIDE_PLACEHOLDERS, placeholderIn } from './catalog/guide-placeholders.js';
export { loadReference, type CodeTable, type Reference, type Region, type RoleDefinition } from './catalog/load-reference.js';
export {
  actionWord,
  branchStateWord,
  decisionKind,
  statusWord,
  type BranchWordState,
  type CaseAction,
  type DecisionKind,
  type WordLocale,
} from './vocabulary/case-words.js';
export { definitionOfFile, ITEM_FILE_FORMAT, ITEM_FILE_VERSION, readItemFile, toItemFile, type ItemFile, type ItemFileDefinition } from './catalog/item-file.js';
export { diffVersions, stableJson, type DiffableDefinition, type FieldChange, type StepChange, type VersionDiff } from './catalog/diff-versions.js';
