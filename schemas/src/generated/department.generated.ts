/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/department.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */

export type Identifier = string;
/**
 * useLevel code of code-tables.json: 1 national … 4 county, 7 graded management.
 */
export type UseLevel = '1' | '2' | '3' | '4' | '5' | '6' | '7';
/**
 * An administrative division code (GB/T 2260), six digits.
 */
export type RegionCode = string;
/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015).
 */
export type CreditCode = string;
/**
 * A phone number as dialled: mobile, landline with area code, or a hotline such as 12345.
 */
export type Phone = string;

/**
 * A government department (部门) at some administrative level; staff belong to one, claims are made by one.
 */
export interface Department {
  id: Identifier;
  name: LocalizedText;
  shortName?: LocalizedText;
  level: UseLevel;
  region: RegionCode;
  creditCode: CreditCode;
  /**
   * implementerNature code.
   */
  nature: '1' | '2' | '3' | '9';
  /**
   * The department this one is part of (for example a disclosure office within a government office).
   */
  parentId?: string;
  contact?: Consultation;
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
