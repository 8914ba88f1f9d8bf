/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/form-definition.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */
import type { Identifier, JsonLogicRule, LocalizedText } from './common.generated.js';

/**
 * The applicant's relation to the subject: parent (父母), guardian (监护人), child (子女), spouse (配偶) or relative (其他近亲属).
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "SubjectRelation".
 */
export type SubjectRelation = 'parent' | 'guardian' | 'child' | 'spouse' | 'relative';
/**
 * A JSON pointer to a field of the form data, for example /applicant/idNumber.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "FieldPointer".
 */
export type FieldPointer = string;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "Rule".
 */
export type FormRule = VisibleRule | CalculateRule | CheckRule;

/**
 * An application form: a JSON Schema 2020-12 object schema for the data, an rjsf uiSchema for layout, and rules (JSON Logic) for visibility, calculated values and cross-field checks. Validated here as data; forms/ compiles `schema`.
 */
export interface FormDefinition {
  /**
   * The data's JSON Schema (2020-12); an object schema. Keywords starting with `x-` (such as `x-attachment`) are Banshi's.
   */
  schema: {
    type: 'object';
    properties: {};
  };
  /**
   * The react-jsonschema-form uiSchema. English labels go in `ui:options.labelEn` (and `ui:options.descriptionEn`, `ui:options.placeholderEn`, `ui:options.enumLabelsEn`).
   */
  uiSchema?: {};
  rules?: FormRule[];
  subject?: SubjectDeclaration;
}
/**
 * Whom an application is about (its subject) and where the form holds the subject's identity. The identity fields of `section` — `name`, `idNumber` (resident ID number, GB 11643) and `creditCode` (unified social credit code, GB 32100) — are never taken from free input: the server fills them from the verified identity of the applicant (the signed-in person or enterprise, or the applicant an agent files for) before validating, so rules such as an age check see the verified identity, and refuses a submission whose values differ (`applicant.identityMismatch`). Without this declaration the section is `/applicant` and the subject is the applicant. With `mayDiffer` the submitter may apply for someone else (a parent for a child, a relative for an elderly person): they state their relation to the subject, one of `relations`; the subject's identity is then taken from the section as entered (staff check it against the materials), and the case records the relation beside the applicant's verified identity.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "SubjectDeclaration".
 */
export interface SubjectDeclaration {
  /**
   * The object field that holds the subject's name and resident ID number or credit code, for example /applicant or /operator.
   */
  section?: FieldPointer;
  /**
   * The subject may be someone other than the applicant.
   */
  mayDiffer?: boolean;
  /**
   * The relations to the subject an applicant may state; required with `mayDiffer`.
   *
   * @minItems 1
   */
  relations?: SubjectRelation[];
}
/**
 * The field is shown (and validated, and required if listed as required) only when `when` holds; when hidden its value is dropped before validation.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "VisibleRule".
 */
export interface VisibleRule {
  id: Identifier;
  kind: 'visible';
  field: FieldPointer;
  when: JsonLogicRule;
}
/**
 * The field's value is derived from the data; the server recomputes it and overwrites what the client sent.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "CalculateRule".
 */
export interface CalculateRule {
  id: Identifier;
  kind: 'calculate';
  field: FieldPointer;
  value: JsonLogicRule;
}
/**
 * A cross-field check: holds when `when` is truthy; otherwise an error at `field` with `message`.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "CheckRule".
 */
export interface CheckRule {
  id: Identifier;
  kind: 'check';
  field: FieldPointer;
  when: JsonLogicRule;
  message: LocalizedText;
}
