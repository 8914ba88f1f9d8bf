import { isStaff, maySupervise, type AuditEvent } from '@banshi/schemas';
import type { Principal } from '../permissions/principal.js';

/** Actor roles an applicant may see by person: themselves, their agent, the system. */
const PERSONAL_ACTORS = new Set(['applicant', 'agent', 'system']);

/**
 * A case's history as the principal may read it. Staff, supervisors and admins get it as recorded.
 * Applicants and agents deal with a department, not with a person on its staff: every staff actor
 * is reduced to its role and department (the name is dropped and the user id emptied), so the names
 * never leave the server.
 *
 * @example
 * historyFor(applicantPrincipal, events)[1].actor; // { userId: '', role: 'staff', departmentId: 'd-150102-civil' }
 */
export function historyFor(principal: Principal, events: AuditEvent[]): AuditEvent[] {
  // The staff themselves, supervisors and admins see who on the staff acted.
  if (isStaff(principal.roles) || maySupervise(principal.roles)) return events;
  return events.map((event) => {
    if (PERSONAL_ACTORS.has(event.actor.role)) return event;
    const { departmentId } = event.actor;
    return { ...event, actor: { userId: '', role: event.actor.role, ...(departmentId ? { departmentId } : {}) } };
  });
}
