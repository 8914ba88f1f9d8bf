/**
 * The permission policy: a pure function over (principal, action, resource). Handlers load the
 * resource, describe it as plain data and call `authorize` before touching the domain.
 *
 * A denial never reveals more than the principal may already know: when the principal may not
 * know that the resource exists (another applicant's case), the denial is a NotFoundError, the
 * same answer as for a case that does not exist; otherwise a ForbiddenError. An anonymous caller
 * who is denied gets an UnauthenticatedError (sign in first).
 */
import { hasRole, isAdmin, isStaff, mayApply, mayDesign, maySupervise, type PrincipalRole } from '@banshi/schemas/core';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.js';
import type { Principal } from './principal.js';

export type PolicyAction =
  | 'catalog:read'
  | 'item:write'
  | 'item:publish'
  | 'item:dryRun'
  | 'claim:write'
  | 'case:submit'
  | 'case:read'
  | 'case:act:applicant'
  | 'blob:create'
  | 'task:act'
  | 'inbox:read'
  | 'stats:read'
  | 'calendar:manage'
  | 'admin';

/** A case as the policy needs to see it. `departmentIds`: every department that has or had a task on it. */
export interface CaseResource {
  kind: 'case';
  applicantId: string;
  /** The agent who filed the case, if an agent did. */
  agentId?: string;
  departmentIds: string[];
}

/** An open task: the department and the flow role (window, reviewer, decider …) it waits for. */
export interface TaskResource {
  kind: 'task';
  departmentId: string;
  role: string;
}

/** A new submission: whom it is filed for. */
export interface SubmissionResource {
  kind: 'submission';
  applicantId: string;
}

/** An inbox: a department's open tasks, optionally for one flow role. */
export interface InboxResource {
  kind: 'inbox';
  departmentId: string;
  role?: string;
}

/** A service item (its guide, form and flow). */
export interface ItemResource {
  kind: 'item';
  itemId?: string;
}

export type PolicyResource = CaseResource | TaskResource | SubmissionResource | InboxResource | ItemResource;

type Who = Principal | null | undefined;

const has = (principal: Principal, role: PrincipalRole): boolean => hasRole(principal.roles, role);

/** An agent authorised by the applicant (代办授权). */
const isAuthorisedAgentFor = (principal: Principal, applicantId: string): boolean =>
  has(principal, 'agent') && (principal.onBehalfOf ?? []).includes(applicantId);

const isOwnApplicant = (principal: Principal, applicantId: string): boolean =>
  has(principal, 'applicant') && principal.userId === applicantId;

/** The agent who filed the case (the authorisation to file for the applicant is checked when filing). */
const isFilingAgent = (principal: Principal, resource: CaseResource): boolean =>
  has(principal, 'agent') && resource.agentId !== undefined && resource.agentId === principal.userId;

/** Who may read a case as its applicant's side: the applicant, their authorised agent, the filing agent. */
const speaksForApplicant = (principal: Principal, resource: CaseResource): boolean =>
  isOwnApplicant(principal, resource.applicantId) ||
  isAuthorisedAgentFor(principal, resource.applicantId) ||
  isFilingAgent(principal, resource);

/**
 * Who may act as the applicant (withdraw, resubmit): the applicant, and an agent only on cases that
 * agent filed. An authorisation (代办授权) lets an agent file new cases and follow the applicant's
 * cases; it does not reach cases the applicant filed themselves.
 */
const actsForApplicant = (principal: Principal, resource: CaseResource): boolean =>
  isOwnApplicant(principal, resource.applicantId) || isFilingAgent(principal, resource);

const isStaffOf = (principal: Principal, departmentId: string): boolean =>
  isStaff(principal.roles) && principal.departmentId !== undefined && principal.departmentId === departmentId;

type Rule = (principal: Principal, resource: PolicyResource | undefined) => boolean;

const rules: Record<PolicyAction, Rule> = {
  'catalog:read': () => true,
  'item:write': (p) => mayDesign(p.roles),
  'item:publish': (p) => mayDesign(p.roles),
  'item:dryRun': (p) => mayDesign(p.roles),
  'claim:write': (p) => mayDesign(p.roles),
  'case:submit': (p, r) =>
    r?.kind === 'submission' && (isOwnApplicant(p, r.applicantId) || isAuthorisedAgentFor(p, r.applicantId)),
  'case:read': (p, r) =>
    r?.kind === 'case' &&
    (maySupervise(p.roles) ||
      speaksForApplicant(p, r) ||
      r.departmentIds.some((departmentId) => isStaffOf(p, departmentId))),
  'case:act:applicant': (p, r) => r?.kind === 'case' && actsForApplicant(p, r),
  // Declaring an attachment is the first step of submitting: only those who may submit.
  'blob:create': (p) => mayApply(p.roles),
  'task:act': (p, r) => r?.kind === 'task' && isStaffOf(p, r.departmentId) && (p.staffRoles ?? []).includes(r.role),
  'inbox:read': (p, r) => {
    if (!isStaff(p.roles)) return false;
    if (r === undefined) return true;
    return (
      r.kind === 'inbox' &&
      isStaffOf(p, r.departmentId) &&
      (r.role === undefined || (p.staffRoles ?? []).includes(r.role))
    );
  },
  'stats:read': (p) => maySupervise(p.roles),
  // The national working-day calendar (holidays, make-up days, region arrangements): admins only.
  'calendar:manage': (p) => isAdmin(p.roles),
  admin: (p) => isAdmin(p.roles),
};

/**
 * Whether the principal may perform the action on the resource. Pure; fails closed: an unknown
 * action, a missing resource where one is needed, or a resource of the wrong kind → `false`.
 * Anonymous callers (`null`/`undefined`) may only read the catalog.
 *
 * @example can(applicant, 'case:read', { kind: 'case', applicantId: applicant.userId, departmentIds: [] }) // true
 */
export function can(principal: Who, action: PolicyAction, resource?: PolicyResource): boolean {
  const rule = Object.hasOwn(rules, action) ? rules[action] : undefined;
  if (rule === undefined) return false;
  if (principal === null || principal === undefined) return action === 'catalog:read';
  return rule(principal, resource);
}

/**
 * Whether the principal may know that the resource exists. A case is known to those who may read
 * it; a task to staff, supervisors and admins (they see inboxes and cases across the workbench).
 */
function mayKnowOf(principal: Principal, resource: PolicyResource | undefined): boolean {
  if (resource === undefined) return true;
  switch (resource.kind) {
    case 'case':
      return can(principal, 'case:read', resource);
    case 'task':
      return isStaff(principal.roles) || maySupervise(principal.roles);
    default:
      return true;
  }
}

/**
 * Like {@link can}, but throws when the action is denied: UnauthenticatedError for an anonymous
 * caller, NotFoundError when the principal may not know the resource exists (so the answer is the
 * same as for a resource that does not exist), ForbiddenError otherwise.
 */
export function authorize(principal: Who, action: PolicyAction, resource?: PolicyResource): void {
  if (can(principal, action, resource)) return;
  if (principal === null || principal === undefined) throw new UnauthenticatedError();
  if (!mayKnowOf(principal, resource)) throw new NotFoundError(resource?.kind ?? 'resource');
  throw new ForbiddenError(`not allowed: ${action}`);
}
