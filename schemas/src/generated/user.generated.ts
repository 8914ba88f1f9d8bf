/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/user.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */
import type { RegionCode } from './claim.generated.js';
import type { Identifier } from './common.generated.js';
import type { CreditCode, UseLevel } from './service-item.generated.js';

/**
 * This interface was referenced by `User`'s JSON-Schema
 * via the `definition` "PrincipalRole".
 */
export type PrincipalRole = 'applicant' | 'agent' | 'staff' | 'designer' | 'supervisor' | 'admin';

/**
 * A principal: who signs in and what they may do. Staff have a department and flow roles (staffRoles); applicants are persons or enterprises.
 */
export interface User {
  id: Identifier;
  name: string;
  /**
   * @minItems 1
   */
  roles: PrincipalRole[];
  /**
   * staff: their department.
   */
  departmentId?: string;
  /**
   * staff: the flow roles they hold (staff roles of roles.json: window, reviewer, decider, disclosure).
   */
  staffRoles?: Identifier[];
  /**
   * staff, supervisor: the administrative level they work at.
   */
  level?: UseLevel;
  region?: RegionCode;
  /**
   * applicant: a natural person or an enterprise/organisation.
   */
  kind?: 'person' | 'enterprise';
  /**
   * person: resident ID number (GB 11643) as real-name authentication verified it; the token carries it as `custom:idNumber`, and cases the person files (or an agent files for them) are bound to it.
   */
  idNumber?: string;
  /**
   * enterprise: unified social credit code (GB 32100), verified; the token carries it as `custom:creditCode`, and the enterprise's cases are bound to it.
   */
  creditCode?: CreditCode;
  /**
   * enterprise: 法定代表人.
   */
  legalRepresentative?: string;
  mobile?: string;
  email?: string;
  /**
   * agent: the applicants (user ids) who authorised this agent.
   */
  agentFor?: string[];
}
