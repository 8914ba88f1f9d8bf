/**
 * Banshi's definition language: meta-schema types, definition validation, flow checks, and the
 * built-in items and reference data.
 */
export * from './core/index.js';
export type * from './generated/index.js';

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
