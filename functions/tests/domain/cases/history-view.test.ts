import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '@banshi/schemas';
import { historyFor } from '../../../src/domain/cases/history-view.js';
import type { Principal } from '../../../src/domain/permissions/principal.js';

const events: AuditEvent[] = [
  { caseId: 'c1', seq: 1, at: '2026-03-02T02:00:00.000Z', actor: { userId: 'u-zhangsan', role: 'applicant', name: '张三' }, action: 'submit', toStatus: 'submitted' },
  { caseId: 'c1', seq: 2, at: '2026-03-03T02:00:00.000Z', actor: { userId: 'u-civil-window', role: 'staff', departmentId: 'd-civil', name: '赵窗口' }, action: 'accept', fromStatus: 'submitted', toStatus: 'accepted', departmentId: 'd-civil' },
  { caseId: 'c1', seq: 3, at: '2026-03-04T02:00:00.000Z', actor: { userId: 'system', role: 'system' }, action: 'extend', fromStatus: 'accepted', toStatus: 'accepted' },
];

const applicant: Principal = { userId: 'u-zhangsan', name: '张三', roles: ['applicant'] };
const agent: Principal = { userId: 'u-wangwu', name: '王五', roles: ['agent'], onBehalfOf: ['u-zhangsan'] };
const staff: Principal = { userId: 'u-civil-reviewer', name: '钱审查', roles: ['staff'], departmentId: 'd-civil', staffRoles: ['reviewer'] };
const supervisor: Principal = { userId: 'u-sup', name: '孙监察', roles: ['supervisor'] };

describe('historyFor', () => {
  it.each([
    ['an applicant', applicant],
    ['an agent', agent],
  ])('shows %s the department that acted, never the staff member', (_, principal) => {
    const seen = historyFor(principal, events);

    expect(seen[1].actor).toEqual({ userId: '', role: 'staff', departmentId: 'd-civil' });
    expect(JSON.stringify(seen)).not.toContain('赵窗口');
    expect(JSON.stringify(seen)).not.toContain('u-civil-window');
  });

  it('keeps the applicant and the system as recorded', () => {
    const seen = historyFor(applicant, events);

    expect(seen[0].actor).toEqual(events[0].actor);
    expect(seen[2].actor).toEqual(events[2].actor);
  });

  it.each([
    ['staff', staff],
    ['a supervisor', supervisor],
  ])('shows %s who acted', (_, principal) => {
    expect(historyFor(principal, events)).toEqual(events);
  });
});
