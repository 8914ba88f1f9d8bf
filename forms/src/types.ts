/**
 * Types of the form runtime. The definition types are generated from schemas/ (the JSON
 * Schemas are the source of truth); FieldError and Locale are schemas/' shared ones.
 */
export type {
  CalculateRule,
  CheckRule,
  FieldPointer,
  FormDefinition,
  FormRule,
  JsonLogicRule,
  LocalizedText,
  VisibleRule,
} from '@banshi/schemas';
export type { FieldError, Locale } from '@banshi/schemas';
