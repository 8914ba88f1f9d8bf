/**
 * Who a principal is, by the roles they sign in with (roles.json `principalRoles`). The server's
 * permission policy and the web app's menus and guards ask the same questions through these
 * predicates, so "who may design" or "who may supervise" is answered in one place.
 */
import roleTable from '../../reference/roles.json' with { type: 'json' };
import type { PrincipalRole } from '../generated/user.generated.js';

export type { PrincipalRole };

/** The principal roles of the role table, in its order. */
export const PRINCIPAL_ROLES: readonly PrincipalRole[] = /* @__PURE__ */ roleTable.principalRoles.map((role) => role.id as PrincipalRole);

/** Roles as a principal carries them; absent when nobody is signed in. */
type Roles = readonly string[] | null | undefined;

/** Whether `value` is one of the principal roles (a token's groups may hold others). */
export function isPrincipalRole(value: unknown): value is PrincipalRole {
  return typeof value === 'string' && (PRINCIPAL_ROLES as readonly string[]).includes(value);
}

/** Whether the roles include `role`. */
export function hasRole(roles: Roles, role: PrincipalRole): boolean {
  return roles?.includes(role) ?? false;
}

/** Whether the roles include at least one of `wanted`. */
export function hasAnyRole(roles: Roles, wanted: readonly PrincipalRole[]): boolean {
  return wanted.some((role) => hasRole(roles, role));
}

/** Staff: handles tasks of their department's inbox. */
export const isStaff = (roles: Roles): boolean => hasRole(roles, 'staff');

/** An administrator: manages the working-day calendar and may do what designers and supervisors do. */
export const isAdmin = (roles: Roles): boolean => hasRole(roles, 'admin');

/** An applicant or an agent: may apply, and follows their own cases. */
export const mayApply = (roles: Roles): boolean => hasAnyRole(roles, ['applicant', 'agent']);

/** A designer or an administrator: may edit, check, dry-run and publish items and claims. */
export const mayDesign = (roles: Roles): boolean => hasAnyRole(roles, ['designer', 'admin']);

/** A supervisor or an administrator: reads statistics and every case. */
export const maySupervise = (roles: Roles): boolean => hasAnyRole(roles, ['supervisor', 'admin']);
