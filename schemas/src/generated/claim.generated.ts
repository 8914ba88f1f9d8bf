/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/claim.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */
import type { Identifier, TimeLimit } from './common.generated.js';
import type { Complaint, Consultation, Location, UseLevel } from './service-item.generated.js';

/**
 * An administrative division code (GB/T 2260), six digits.
 *
 * This interface was referenced by `Claim`'s JSON-Schema
 * via the `definition` "RegionCode".
 */
export type RegionCode = string;

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
