/**
 * Who is asking: the signed-in user as the policy sees them. Built at the HTTP edge from the
 * JWT claims (Cognito in AWS, the development sign-in locally); the domain never sees a token.
 */
import type { PrincipalRole } from '@banshi/schemas/core';

export { isPrincipalRole, PRINCIPAL_ROLES, type PrincipalRole } from '@banshi/schemas/core';

export interface Principal {
  /** The identity provider's subject (`sub`). For an applicant it is also their applicant id. */
  userId: string;
  name: string;
  roles: PrincipalRole[];
  /** Staff, designers: the department they belong to. */
  departmentId?: string;
  /** Staff: the flow roles they may act as (window, reviewer, decider, disclosure). */
  staffRoles?: string[];
  /** Administrative level (province, city, county …) of the staff member's department. */
  level?: string;
  /** GB/T 2260 region code of the staff member's department. */
  region?: string;
  /** Applicants: a citizen or an enterprise. */
  kind?: 'person' | 'enterprise';
  /** Agents: the applicant ids that authorised them (代办授权). */
  onBehalfOf?: string[];
  /**
   * A person's resident ID number (GB 11643) as real-name authentication verified it: the token's
   * `custom:idNumber`. Cases are about this identity, never about numbers typed into a form.
   */
  idNumber?: string;
  /** An enterprise's unified social credit code (GB 32100), verified: the token's `custom:creditCode`. */
  creditCode?: string;
}
