/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/item-version.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */

export type Identifier = string;
/**
 * Stable id of the item in this platform (the built-in items use their folder slug).
 */
export type Identifier1 = string;
/**
 * itemType code of code-tables.json (事项类型).
 *
 * This interface was referenced by `ServiceItem`'s JSON-Schema
 * via the `definition` "ItemType".
 */
export type ItemType =
  '00' | '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '20';
/**
 * useLevel code of code-tables.json: 1 national … 4 county, 7 graded management.
 *
 * This interface was referenced by `ServiceItem`'s JSON-Schema
 * via the `definition` "UseLevel".
 */
export type UseLevel = '1' | '2' | '3' | '4' | '5' | '6' | '7';
/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015).
 *
 * This interface was referenced by `ServiceItem`'s JSON-Schema
 * via the `definition` "CreditCode".
 */
export type CreditCode = string;
/**
 * 收费项目: a fixed amount in yuan, or a description of how it is computed.
 *
 * This interface was referenced by `ServiceItem`'s JSON-Schema
 * via the `definition` "Fee".
 */
export type Fee = {
  [k: string]: unknown;
};
/**
 * A phone number as dialled: mobile, landline with area code, or a hotline such as 12345.
 *
 * This interface was referenced by `ServiceItem`'s JSON-Schema
 * via the `definition` "Phone".
 */
export type Phone = string;
/**
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "Rule".
 */
export type FormRule = VisibleRule | CalculateRule | CheckRule;
/**
 * A JSON pointer to a field of the form data, for example /applicant/idNumber.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "FieldPointer".
 */
export type FieldPointer = string;
/**
 * A JSON Logic rule (jsonlogic.com). Variables name form fields with dotted paths from the form data root.
 */
export type JsonLogicRule = {} | boolean | number | string | unknown[] | null;
/**
 * A JSON pointer to a field of the form data, for example /applicant/idNumber.
 */
export type FieldPointer1 = string;
/**
 * The applicant's relation to the subject: parent (父母), guardian (监护人), child (子女), spouse (配偶) or relative (其他近亲属).
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "SubjectRelation".
 */
export type SubjectRelation = 'parent' | 'guardian' | 'child' | 'spouse' | 'relative';
/**
 * Id of the first step; its task opens when a case is submitted.
 */
export type Identifier2 = string;
/**
 * Something a person does to a case. Staff: accept 受理, notAccept 不予受理, returnForCorrection 退回补正, approve 准予/通过, reject 不予许可/不通过, transfer 转办, suspend 特别程序, resume 恢复, extend 延长, complete 办结. Applicant: resubmit 补正后重新提交, withdraw 撤回.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "Action".
 */
export type FlowAction =
  | 'accept'
  | 'notAccept'
  | 'returnForCorrection'
  | 'resubmit'
  | 'approve'
  | 'reject'
  | 'transfer'
  | 'suspend'
  | 'resume'
  | 'extend'
  | 'complete'
  | 'withdraw';
/**
 * parallel: the step after the join.
 */
export type Identifier3 = string;
/**
 * parallel: the step taken when any branch rejects; open branches are cancelled.
 */
export type Identifier4 = string;
export type IsoDateTime = string;

/**
 * An immutable published version of a service item: guide, form and flow as they were when published. Cases pin to one and finish on it.
 */
export interface ItemVersion {
  itemId: Identifier;
  version: number;
  item: ServiceItem;
  form: FormDefinition;
  flow: FlowDefinition;
  publishedAt: IsoDateTime;
  /**
   * The user id of the designer who published it.
   */
  publishedBy: string;
}
/**
 * A government service item (政务服务事项) and its service guide (办事指南): the GB/T 39046-2020 guide elements Banshi uses. Enumerations are codes of code-tables.json.
 */
export interface ServiceItem {
  id: Identifier1;
  /**
   * The item's basic code (基本编码) in the national catalogue.
   */
  basicCode: string;
  name: LocalizedText;
  itemType: ItemType;
  /**
   * Administrative levels that exercise the item (行使层级), useLevel codes.
   *
   * @minItems 1
   */
  useLevel: UseLevel[];
  implementer: Implementer;
  /**
   * @minItems 1
   */
  legalBasis: LegalBasis[];
  statutoryLimit: TimeLimit;
  promisedLimit: TimeLimit1;
  /**
   * caseType code: 1 即办件, 2 承诺件, 9 其他.
   */
  caseType: '1' | '2' | '9';
  /**
   * serviceObject codes (服务对象).
   *
   * @minItems 1
   */
  serviceObjects: ('1' | '2' | '3' | '4' | '5' | '6')[];
  /**
   * handleForm codes (办理形式).
   *
   * @minItems 1
   */
  handleForms: ('1' | '2' | '3' | '4' | '9')[];
  /**
   * onlineDepth code (网上办理深度).
   */
  onlineDepth: '1' | '2' | '3' | '4';
  /**
   * 到办事现场次数.
   */
  visitsOnSite: number;
  /**
   * Handled in the government service hall (是否进驻政务服务大厅).
   */
  inHall: boolean;
  /**
   * 受理条件.
   *
   * @minItems 1
   */
  acceptanceConditions: LocalizedText[];
  /**
   * 申请材料.
   */
  materials: Material[];
  /**
   * 收费项目; empty when the item is free.
   */
  fees: Fee[];
  feeNote?: LocalizedText3;
  result: Result;
  /**
   * Further results of the same case (for example a planning permit beside the construction permit).
   */
  additionalResults?: Result[];
  /**
   * Department slots besides `lead` that the flow uses; each claim maps every slot to a department.
   */
  departmentSlots?: DepartmentSlot[];
  location?: Location;
  consultation: Consultation;
  complaint: Complaint;
  /**
   * Notices and reply letters the department keeps for this item; `notify` effects name them.
   */
  templates?: Template[];
  status: 'draft' | 'published' | 'retired';
  /**
   * The version this definition is, or will be when published.
   */
  version: number;
}
/**
 * Text shown to people: zh-CN always, English when given.
 */
export interface LocalizedText {
  'zh-CN': string;
  en?: string;
}
/**
 * 实施主体.
 *
 * This interface was referenced by `ServiceItem`'s JSON-Schema
 * via the `definition` "Implementer".
 */
export interface Implementer {
  name: LocalizedText;
  creditCode?: CreditCode;
  /**
   * implementerNature code (实施主体性质).
   */
  nature: '1' | '2' | '3' | '9';
}
/**
 * 设定依据: a law or regulation and the articles that apply.
 *
 * This interface was referenced by `ServiceItem`'s JSON-Schema
 * via the `definition` "LegalBasis".
 */
export interface LegalBasis {
  name: LocalizedText;
  /**
   * 文号, for example 国务院令第711号.
   */
  documentNo?: string;
  /**
   * 条款, for example 第二十九条、第三十三条.
   */
  articles?: string;
  url?: string;
}
/**
 * 法定办结时限.
 */
export interface TimeLimit {
  value: number;
  unit: 'workingDays' | 'naturalDays';
}
/**
 * 承诺办结时限; drives deadline warnings.
 */
export interface TimeLimit1 {
  value: number;
  unit: 'workingDays' | 'naturalDays';
}
/**
 * 申请材料. `id` is what a form's attachment field names in `x-attachment.material`.
 *
 * This interface was referenced by `ServiceItem`'s JSON-Schema
 * via the `definition` "Material".
 */
export interface Material {
  id: Identifier;
  name: LocalizedText;
  /**
   * materialForm code: 1 paper, 2 electronic, 3 both.
   */
  form: '1' | '2' | '3';
  /**
   * materialNecessity code: 1 必要, 2 非必要, 3 容缺后补.
   */
  necessity: '1' | '2' | '3';
  /**
   * 原件份数.
   */
  originals: number;
  /**
   * 复印件份数.
   */
  copies: number;
  /**
   * materialSource code: 10 applicant, 20 issued by a government department, 99 other.
   */
  source: '10' | '20' | '99';
  standard: LocalizedText1;
  condition?: LocalizedText2;
  /**
   * 空白表格.
   */
  blankFormUrl?: string;
  /**
   * 示例样表.
   */
  sampleUrl?: string;
}
/**
 * Text shown to people: zh-CN always, English when given.
 */
export interface LocalizedText1 {
  'zh-CN': string;
  en?: string;
}
/**
 * Text shown to people: zh-CN always, English when given.
 */
export interface LocalizedText2 {
  'zh-CN': string;
  en?: string;
}
/**
 * Text shown to people: zh-CN always, English when given.
 */
export interface LocalizedText3 {
  'zh-CN': string;
  en?: string;
}
/**
 * 审批结果. `licence` results are issued as electronic licences of `licenceType`.
 *
 * This interface was referenced by `ServiceItem`'s JSON-Schema
 * via the `definition` "Result".
 */
export interface Result {
  name: LocalizedText;
  type: 'licence' | 'approvalDocument' | 'reply' | 'other';
  licenceType?: string;
  validity?: LocalizedText4;
  /**
   * reply results: the codes the reply may take (disclosureReplyType of code-tables.json).
   */
  replyTypes?: string[];
}
/**
 * Text shown to people: zh-CN always, English when given.
 */
export interface LocalizedText4 {
  'zh-CN': string;
  en?: string;
}
/**
 * This interface was referenced by `ServiceItem`'s JSON-Schema
 * via the `definition` "DepartmentSlot".
 */
export interface DepartmentSlot {
  slot: Identifier;
  name: LocalizedText;
}
/**
 * 办理地点 and 办理时间.
 *
 * This interface was referenced by `ServiceItem`'s JSON-Schema
 * via the `definition` "Location".
 */
export interface Location {
  address: LocalizedText;
  hours?: LocalizedText;
  window?: LocalizedText;
}
/**
 * 咨询方式.
 *
 * This interface was referenced by `ServiceItem`'s JSON-Schema
 * via the `definition` "Consultation".
 */
export interface Consultation {
  phone: Phone;
  address?: LocalizedText;
  url?: string;
}
/**
 * 监督投诉方式.
 *
 * This interface was referenced by `ServiceItem`'s JSON-Schema
 * via the `definition` "Complaint".
 */
export interface Complaint {
  phone: Phone;
  url?: string;
}
/**
 * A notice or reply letter filled from the case; `{{path}}` placeholders name case fields.
 *
 * This interface was referenced by `ServiceItem`'s JSON-Schema
 * via the `definition` "Template".
 */
export interface Template {
  id: Identifier;
  name: LocalizedText;
  /**
   * reply letters: the reply type they answer with.
   */
  replyType?: string;
  body: LocalizedText;
}
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
/**
 * Whom an application is about (its subject) and where the form holds the subject's identity. The identity fields of `section` — `name`, `idNumber` (resident ID number, GB 11643) and `creditCode` (unified social credit code, GB 32100) — are never taken from free input: the server fills them from the verified identity of the applicant (the signed-in person or enterprise, or the applicant an agent files for) before validating, so rules such as an age check see the verified identity, and refuses a submission whose values differ (`applicant.identityMismatch`). Without this declaration the section is `/applicant` and the subject is the applicant. With `mayDiffer` the submitter may apply for someone else (a parent for a child, a relative for an elderly person): they state their relation to the subject, one of `relations`; the subject's identity is then taken from the section as entered (staff check it against the materials), and the case records the relation beside the applicant's verified identity.
 *
 * This interface was referenced by `FormDefinition`'s JSON-Schema
 * via the `definition` "SubjectDeclaration".
 */
export interface SubjectDeclaration {
  section?: FieldPointer1;
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
 * An approval flow (审批流程): named steps, who handles each, which actions are allowed and where each leads. The flow engine is a pure function over this definition.
 */
export interface FlowDefinition {
  start: Identifier2;
  /**
   * How a return for correction (补正) treats the clock.
   */
  correction?: {
    clock?: 'pause' | 'restart';
    /**
     * Working days the applicant has to answer; after that the case may be closed as abandoned.
     */
    answerWithinDays?: number;
  };
  /**
   * Extension of the time limit (延长审批): at most `maxDays` working days, at most `maxTimes` times.
   */
  extension?: {
    maxDays: number;
    maxTimes?: number;
  };
  /**
   * @minItems 1
   * @maxItems 200
   */
  steps: FlowStep[];
}
/**
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "Step".
 */
export interface FlowStep {
  id: Identifier;
  kind: 'task' | 'parallel' | 'decision' | 'end';
  name: LocalizedText;
  /**
   * task: the staff role that handles it.
   */
  role?: string;
  /**
   * task: a department slot of the claim; `lead` is the claiming department.
   */
  department?: string;
  /**
   * task: the actions allowed at this step.
   */
  actions?: FlowAction[];
  /**
   * Working days this step may take; the case's own limit still applies.
   */
  deadlineDays?: number;
  transitions?: FlowTransition[];
  /**
   * parallel: the departments' branches.
   */
  branches?: FlowBranch[];
  /**
   * parallel: approvals needed to join; all opened branches when absent.
   */
  quorum?: number;
  next?: Identifier3;
  onReject?: Identifier4;
  /**
   * end: how the case ends.
   */
  outcome?: 'completed' | 'denied' | 'notAccepted';
  effects?: FlowEffect[];
  /**
   * task/parallel: the case status shown while the case is at this step; `inReview` when absent (`submitted` at the start step).
   */
  status?: 'submitted' | 'accepted' | 'inReview' | 'approved';
}
/**
 * Where a step leads. On a task step, `on` names the action that takes it; on a decision step, transitions are tried in order and the first whose `when` holds is taken.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "Transition".
 */
export interface FlowTransition {
  on?: FlowAction;
  when?: JsonLogicRule;
  to: Identifier;
}
/**
 * One department's branch of a parallel step. `when` (JSON Logic on the case data) decides whether this branch opens at all.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "Branch".
 */
export interface FlowBranch {
  id: Identifier;
  name: LocalizedText;
  role: string;
  /**
   * A department slot of the claim (for example `planning`); `lead` is the claiming department.
   */
  department: string;
  when?: JsonLogicRule;
  deadlineDays?: number;
  actions?: FlowAction[];
}
/**
 * Something the platform does when a step is entered: notify the applicant, call an external system, issue an electronic licence.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "Effect".
 */
export interface FlowEffect {
  kind: 'notify' | 'webhook' | 'issueLicence';
  /**
   * notify: the message template id.
   */
  template?: string;
  /**
   * webhook: the external system's endpoint.
   */
  url?: string;
  /**
   * issueLicence: the licence type issued.
   */
  licenceType?: string;
}
