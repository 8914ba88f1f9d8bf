/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/department.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */
import type { RegionCode } from './claim.generated.js';
import type { Identifier, LocalizedText } from './common.generated.js';
import type { Consultation, CreditCode, UseLevel } from './service-item.generated.js';

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
