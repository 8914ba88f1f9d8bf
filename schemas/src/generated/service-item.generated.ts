/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/service-item.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */
import type { Identifier, LocalizedText, TimeLimit } from './common.generated.js';

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
 * A phone number as dialled: mobile, landline with area code, or a hotline such as 12345.
 *
 * This interface was referenced by `ServiceItem`'s JSON-Schema
 * via the `definition` "Phone".
 */
export type Phone = string;
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
 * A government service item (政务服务事项) and its service guide (办事指南): the GB/T 39046-2020 guide elements Banshi uses. Enumerations are codes of code-tables.json.
 */
export interface ServiceItem {
  /**
   * Stable id of the item in this platform (the built-in items use their folder slug).
   */
  id: Identifier;
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
  /**
   * 法定办结时限.
   */
  statutoryLimit: TimeLimit;
  /**
   * 承诺办结时限; drives deadline warnings.
   */
  promisedLimit: TimeLimit;
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
  /**
   * A note on fees shown in the guide (for example: free unless clearly excessive).
   */
  feeNote?: LocalizedText;
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
  /**
   * 受理标准.
   */
  standard: LocalizedText;
  /**
   * When the material is needed, if not always.
   */
  condition?: LocalizedText;
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
 * 审批结果. `licence` results are issued as electronic licences of `licenceType`.
 *
 * This interface was referenced by `ServiceItem`'s JSON-Schema
 * via the `definition` "Result".
 */
export interface Result {
  name: LocalizedText;
  type: 'licence' | 'approvalDocument' | 'reply' | 'other';
  licenceType?: string;
  /**
   * 有效期, for example 长期.
   */
  validity?: LocalizedText;
  /**
   * reply results: the codes the reply may take (disclosureReplyType of code-tables.json).
   */
  replyTypes?: string[];
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
