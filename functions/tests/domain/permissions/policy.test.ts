import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../../src/domain/errors.js';
import type { Principal } from '../../../src/domain/permissions/principal.js';
import {
  authorize,
  can,
  type PolicyAction,
  type PolicyResource,
} from '../../../src/domain/permissions/policy.js';

const principals = {
  anonymous: undefined,
  applicantA: { userId: 'app-a', name: '张三', roles: ['applicant'], kind: 'person' },
  applicantB: { userId: 'app-b', name: '李四', roles: ['applicant'], kind: 'person' },
  agentForA: { userId: 'agent-1', name: '代办员王五', roles: ['agent'], onBehalfOf: ['app-a'] },
  agentForNobody: { userId: 'agent-2', name: '代办员赵六', roles: ['agent'], onBehalfOf: [] },
  reviewerOfA: { userId: 'staff-a', name: '审查员', roles: ['staff'], departmentId: 'dept-a', staffRoles: ['window', 'reviewer'] },
  deciderOfA: { userId: 'staff-a2', name: '决定人', roles: ['staff'], departmentId: 'dept-a', staffRoles: ['decider'] },
  reviewerOfB: { userId: 'staff-b', name: '乙部门审查员', roles: ['staff'], departmentId: 'dept-b', staffRoles: ['reviewer'] },
  designer: { userId: 'designer-1', name: '配置员', roles: ['designer'], departmentId: 'dept-a' },
  supervisor: { userId: 'supervisor-1', name: '监察员', roles: ['supervisor'] },
  admin: { userId: 'admin-1', name: '管理员', roles: ['admin'] },
} satisfies Record<string, Principal | undefined>;

type Name = keyof typeof principals;
type Outcome = 'allow' | 'forbidden' | 'not-found' | 'unauthenticated';

const caseOfA: PolicyResource = { kind: 'case', applicantId: 'app-a', departmentIds: ['dept-a'] };
const taskOfA: PolicyResource = { kind: 'task', departmentId: 'dept-a', role: 'reviewer' };
const submissionForA: PolicyResource = { kind: 'submission', applicantId: 'app-a' };
const inboxOfA: PolicyResource = { kind: 'inbox', departmentId: 'dept-a', role: 'reviewer' };
const item: PolicyResource = { kind: 'item', itemId: 'item-1' };

const scenarios: { action: PolicyAction; resource?: PolicyResource; allowed: Name[]; notFound?: Name[] }[] = [
  { action: 'catalog:read', resource: item, allowed: Object.keys(principals) as Name[] },
  { action: 'item:write', resource: item, allowed: ['designer', 'admin'] },
  { action: 'item:publish', resource: item, allowed: ['designer', 'admin'] },
  { action: 'item:dryRun', resource: item, allowed: ['designer', 'admin'] },
  { action: 'claim:write', resource: item, allowed: ['designer', 'admin'] },
  { action: 'case:submit', resource: submissionForA, allowed: ['applicantA', 'agentForA'] },
  {
    action: 'case:read',
    resource: caseOfA,
    allowed: ['applicantA', 'agentForA', 'reviewerOfA', 'deciderOfA', 'supervisor', 'admin'],
    notFound: ['applicantB', 'agentForNobody', 'reviewerOfB', 'designer'],
  },
  {
    // 张三 filed it himself: his agent may follow it but not act on it (issue 9 §5).
    action: 'case:act:applicant',
    resource: caseOfA,
    allowed: ['applicantA'],
    notFound: ['applicantB', 'agentForNobody', 'reviewerOfB', 'designer'],
  },
  { action: 'blob:create', allowed: ['applicantA', 'applicantB', 'agentForA', 'agentForNobody'] },
  {
    action: 'task:act',
    resource: taskOfA,
    allowed: ['reviewerOfA'],
    notFound: ['applicantA', 'applicantB', 'agentForA', 'agentForNobody', 'designer'],
  },
  { action: 'inbox:read', resource: inboxOfA, allowed: ['reviewerOfA'] },
  { action: 'inbox:read', allowed: ['reviewerOfA', 'deciderOfA', 'reviewerOfB'] },
  { action: 'stats:read', allowed: ['supervisor', 'admin'] },
  { action: 'calendar:manage', allowed: ['admin'] },
  { action: 'admin', allowed: ['admin'] },
];

const matrix = scenarios.flatMap(({ action, resource, allowed, notFound = [] }) =>
  (Object.keys(principals) as Name[]).map((name) => {
    const outcome: Outcome = allowed.includes(name)
      ? 'allow'
      : name === 'anonymous'
        ? 'unauthenticated'
        : notFound.includes(name)
          ? 'not-found'
          : 'forbidden';
    return { name, action, resource, outcome, on: resource?.kind ?? 'nothing' };
  }),
);

function outcomeOf(run: () => void): Outcome {
  try {
    run();
    return 'allow';
  } catch (error) {
    if (error instanceof NotFoundError) return 'not-found';
    if (error instanceof ForbiddenError) return 'forbidden';
    if (error instanceof UnauthenticatedError) return 'unauthenticated';
    throw error;
  }
}

describe('the permission policy', () => {
  it.each(matrix)('$name → $action on $on: $outcome', ({ name, action, resource, outcome }) => {
    const principal = principals[name];

    const result = outcomeOf(() => authorize(principal, action, resource));

    expect(result).toBe(outcome);
    expect(can(principal, action, resource)).toBe(outcome === 'allow');
  });

  it('answers another applicant reading a case with NotFound, as if it did not exist', () => {
    expect(() => authorize(principals.applicantB, 'case:read', caseOfA)).toThrow(NotFoundError);
  });

  it('forbids staff of department A acting on a task of department B', () => {
    const taskOfB: PolicyResource = { kind: 'task', departmentId: 'dept-b', role: 'reviewer' };

    expect(() => authorize(principals.reviewerOfA, 'task:act', taskOfB)).toThrow(ForbiddenError);
  });

  it('forbids staff of the right department acting in a flow role they do not hold', () => {
    expect(() => authorize(principals.deciderOfA, 'task:act', taskOfA)).toThrow(ForbiddenError);
  });

  it('lets staff read a case their department had a task on, among others', () => {
    const sharedCase: PolicyResource = { kind: 'case', applicantId: 'app-b', departmentIds: ['dept-x', 'dept-b'] };

    expect(can(principals.reviewerOfB, 'case:read', sharedCase)).toBe(true);
    expect(can(principals.reviewerOfA, 'case:read', sharedCase)).toBe(false);
  });

  it('lets the agent who filed a case read and act on it even without a standing authorisation', () => {
    const filedByAgent: PolicyResource = { kind: 'case', applicantId: 'app-b', agentId: 'agent-2', departmentIds: [] };

    expect(can(principals.agentForNobody, 'case:read', filedByAgent)).toBe(true);
    expect(can(principals.agentForNobody, 'case:act:applicant', filedByAgent)).toBe(true);
  });

  it('lets an authorised agent act on the cases he filed for the applicant, not on those the applicant filed', () => {
    const filedByAgent: PolicyResource = { kind: 'case', applicantId: 'app-a', agentId: 'agent-1', departmentIds: [] };
    const filedByAnotherAgent: PolicyResource = { kind: 'case', applicantId: 'app-a', agentId: 'agent-2', departmentIds: [] };

    expect(can(principals.agentForA, 'case:act:applicant', filedByAgent)).toBe(true);
    expect(() => authorize(principals.agentForA, 'case:act:applicant', caseOfA)).toThrow(ForbiddenError);
    expect(() => authorize(principals.agentForA, 'case:act:applicant', filedByAnotherAgent)).toThrow(ForbiddenError);
  });

  it('does not let an applicant act as the filing agent by sharing the agent id', () => {
    const filedByAgent: PolicyResource = { kind: 'case', applicantId: 'app-b', agentId: 'app-a', departmentIds: [] };

    expect(can(principals.applicantA, 'case:read', filedByAgent)).toBe(false);
  });

  it('forbids an agent submitting for an applicant who has not authorised them', () => {
    expect(() =>
      authorize(principals.agentForA, 'case:submit', { kind: 'submission', applicantId: 'app-b' }),
    ).toThrow(ForbiddenError);
  });

  it.each<[string, PolicyAction, PolicyResource | undefined]>([
    ['case:read without a resource', 'case:read', undefined],
    ['case:read on a task', 'case:read', taskOfA],
    ['task:act on a case', 'task:act', caseOfA],
    ['case:submit without a resource', 'case:submit', undefined],
    ['an unknown action', 'case:delete' as PolicyAction, caseOfA],
    ['an inherited property as the action', 'toString' as PolicyAction, caseOfA],
  ])('fails closed on %s', (_, action, resource) => {
    expect(can(principals.admin, action, resource)).toBe(false);
  });

  it('ignores a staff member without a department', () => {
    const homeless: Principal = { userId: 's', name: 's', roles: ['staff'], staffRoles: ['reviewer'] };

    expect(can(homeless, 'task:act', { kind: 'task', departmentId: undefined as unknown as string, role: 'reviewer' })).toBe(false);
  });
});
