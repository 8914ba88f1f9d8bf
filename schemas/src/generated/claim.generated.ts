/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/claim.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */

export type Identifier = string;
/**
 * useLevel code of code-tables.json: 1 national … 4 county, 7 graded management.
 */
export type UseLevel = '1' | '2' | '3' | '4' | '5' | '6' | '7';
/**
 * An administrative division code (GB/T 2260), six digits.
 *
 * This interface was referenced by `Claim`'s JSON-Schema
 * via the `definition` "RegionCode".
 */
export type RegionCode = string;
/**
 * A phone number as dialled: mobile, landline with area code, or a hotline such as 12345.
 */
export type Phone = string;

/**
 * An implementation (实施清单): a department at some level claims a catalogue item; the claiming department is the lead (`lead` slot) and `departments` names the other slots the flow uses.
 */
export interface Claim {
  id: Identifier;
  itemId: Identifier;
  /**
   * The claiming department, which is the `lead` slot.
   */
  departmentId: string;
  level: UseLevel;
  region: RegionCode;
  /**
   * Department slot -> department id, for every slot of the item besides `lead` (for example planning, housing, airDefence).
   */
  departments: {
    [k: string]: string;
  };
  /**
   * What this implementation sets differently from the catalogue item.
   */
  overrides?: {
    promisedLimit?: TimeLimit;
    location?: Location;
    consultation?: Consultation;
    complaint?: Complaint;
  };
}
/**
 * A time limit: a count of working days (工作日) or natural days (自然日).
 */
export interface TimeLimit {
  value: number;
  unit: 'workingDays' | 'naturalDays';
}
/**
 * 办理地点 and 办理时间.
 */
export interface Location {
  address: LocalizedText;
  hours?: LocalizedText;
  window?: LocalizedText;
}
/**
 * Text shown to people: zh-CN always, English when given.
 */
export interface LocalizedText {
  'zh-CN': string;
  en?: string;
}
/**
 * 咨询方式.
 */
export interface Consultation {
  phone: Phone;
  address?: LocalizedText;
  url?: string;
}
/**
 * 监督投诉方式.
 */
export interface Complaint {
  phone: Phone;
  url?: string;
}
