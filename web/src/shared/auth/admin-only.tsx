import type { ReactNode } from 'react';
import type { Principal } from '../session.js';
import { RoleOnly } from './role-only.js';

const administers = (principal: Principal) => principal.roles.includes('admin');

/** Renders an administration page for signed-in administrators; everyone else is told to sign in as one. */
export function AdminOnly({ children }: { children: (principal: Principal) => ReactNode }) {
  return <RoleOnly allowed={administers} refused="calendar.notAdmin" signInNeeded="calendar.signInNeeded">{children}</RoleOnly>;
}
