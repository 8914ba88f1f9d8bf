import { describe, expect, expectTypeOf, it } from 'vitest';
import roleTable from '../../reference/roles.json' with { type: 'json' };
import type { PrincipalRole } from '../../src/generated/user.generated.js';
import {
  hasAnyRole,
  hasRole,
  isAdmin,
  isPrincipalRole,
  isStaff,
  mayApply,
  mayDesign,
  maySupervise,
  PRINCIPAL_ROLES,
} from '../../src/core/roles.js';

describe('role predicates', () => {
  it('lists the role table\'s principal roles, which are exactly the generated type\'s', () => {
    expect(PRINCIPAL_ROLES).toEqual(roleTable.principalRoles.map((r) => r.id));
    const everyRole: Record<PrincipalRole, true> = { applicant: true, agent: true, staff: true, designer: true, supervisor: true, admin: true };
    expect([...PRINCIPAL_ROLES].sort()).toEqual(Object.keys(everyRole).sort());
    expectTypeOf(PRINCIPAL_ROLES).toEqualTypeOf<readonly PrincipalRole[]>();
  });

  it.each([
    ['admin', true],
    ['staff', true],
    ['window', false],
    ['Admin', false],
    ['', false],
    [undefined, false],
    [7, false],
  ])('tells whether %s is a principal role', (value, expected) => {
    expect(isPrincipalRole(value)).toBe(expected);
  });

  it('reads roles, and nobody signed in has none', () => {
    expect(hasRole(['applicant'], 'applicant')).toBe(true);
    expect(hasRole(['applicant'], 'agent')).toBe(false);
    expect(hasRole(undefined, 'admin')).toBe(false);
    expect(hasRole(null, 'admin')).toBe(false);
    expect(hasAnyRole(['agent'], ['applicant', 'agent'])).toBe(true);
    expect(hasAnyRole(['staff'], [])).toBe(false);
  });

  it.each([
    // roles, isStaff, isAdmin, mayApply, mayDesign, maySupervise
    [[], false, false, false, false, false],
    [['applicant'], false, false, true, false, false],
    [['agent'], false, false, true, false, false],
    [['staff'], true, false, false, false, false],
    [['designer'], false, false, false, true, false],
    [['supervisor'], false, false, false, false, true],
    [['admin'], false, true, false, true, true],
    [['staff', 'designer'], true, false, false, true, false],
  ] as const)('answers for %j', (roles, staff, admin, apply, design, supervise) => {
    expect(isStaff(roles)).toBe(staff);
    expect(isAdmin(roles)).toBe(admin);
    expect(mayApply(roles)).toBe(apply);
    expect(mayDesign(roles)).toBe(design);
    expect(maySupervise(roles)).toBe(supervise);
  });

  it('answers no for every predicate when nobody is signed in', () => {
    for (const predicate of [isStaff, isAdmin, mayApply, mayDesign, maySupervise]) expect(predicate(undefined)).toBe(false);
  });
});
