import type { ReactNode } from 'react';
import { maySupervise } from '@banshi/schemas/core';
import type { Principal } from '../session.js';
import { RoleOnly } from './role-only.js';

const supervises = (principal: Principal) => maySupervise(principal.roles);

/** Renders a supervision page for signed-in supervisors and administrators; everyone else is told to sign in as one. */
export function SupervisorOnly({ children }: { children: (principal: Principal) => ReactNode }) {
  return <RoleOnly allowed={supervises} refused="supervision.notSupervisor" signInNeeded="supervision.signInNeeded">{children}</RoleOnly>;
}
