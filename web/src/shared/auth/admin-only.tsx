import type { ReactNode } from 'react';
import { isAdmin } from '@banshi/schemas/core';
import type { Principal } from '../session.js';
import { RoleOnly } from './role-only.js';

const administers = (principal: Principal) => isAdmin(principal.roles);

/** Renders an administration page for signed-in administrators; everyone else is told to sign in as one. */
export function AdminOnly({ children }: { children: (principal: Principal) => ReactNode }) {
  return <RoleOnly allowed={administers} refused="calendar.notAdmin" signInNeeded="calendar.signInNeeded">{children}</RoleOnly>;
}
