import type { ReactNode } from 'react';
import { isStaff } from '@banshi/schemas/core';
import type { Principal } from '../session.js';
import { RoleOnly } from './role-only.js';

/** Renders a workbench page for signed-in staff; everyone else is told to sign in as staff. */
export function StaffOnly({ children }: { children: (principal: Principal) => ReactNode }) {
  return <RoleOnly allowed={(principal) => isStaff(principal.roles)} refused="inbox.notStaff" signInNeeded="inbox.signInNeeded">{children}</RoleOnly>;
}
