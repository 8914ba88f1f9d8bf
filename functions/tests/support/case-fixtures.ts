/**
 * Builders of cases, tasks, events and changes for store tests. Plain data, no engine: each
 * builder returns a valid object that tests adjust with overrides.
 */
import type { Case, Task, AuditEvent } from '@banshi/schemas';
import type { CaseChange } from '../../src/domain/cases/case-change.js';
import { newCaseId, newReceiptNo, newTaskId } from '../../src/adapters/ids.js';

/** A freshly submitted case of item `item-1` in department `dept-1`. */
export function aCase(overrides: Partial<Case> = {}): Case {
  const id = overrides.id ?? newCaseId();
  return {
    id,
    receiptNo: newReceiptNo('150102', '2026-11-25'),
    itemId: 'item-1',
    itemVersion: 1,
    itemName: { 'zh-CN': '个体工商户登记', en: 'Sole proprietor registration' },
    claimId: 'claim-1',
    departmentId: 'dept-1',
    departments: { lead: 'dept-1' },
    applicant: { userId: 'applicant-1', name: '张三', kind: 'person' },
    data: { name: '张三' },
    status: 'submitted',
    stepId: 'receive',
    clock: {
      receivedOn: '2026-11-25',
      region: '150102',
      promised: { value: 5, unit: 'workingDays' },
      statutory: { value: 20, unit: 'workingDays' },
      extensionDays: 0,
      extensions: 0,
      pauses: [],
      dueDate: '2026-12-02',
    },
    version: 1,
    createdAt: '2026-11-25T01:00:00.000Z',
    updatedAt: '2026-11-25T01:00:00.000Z',
    ...overrides,
  };
}

/** An open task of `c` at its current step for (dept-1, window). */
export function aTask(c: Case, overrides: Partial<Task> = {}): Task {
  return {
    id: newTaskId(),
    caseId: c.id,
    receiptNo: c.receiptNo,
    itemId: c.itemId,
    itemName: c.itemName,
    stepId: c.stepId,
    stepName: { 'zh-CN': '收件', en: 'Receive' },
    departmentId: c.departmentId,
    role: 'window',
    status: 'open',
    createdAt: c.updatedAt,
    dueDate: '2026-11-26',
    ...overrides,
  };
}

/** The audit event of `c`'s latest change. */
export function anEvent(c: Case, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    caseId: c.id,
    seq: c.version,
    at: c.updatedAt,
    actor: { userId: c.applicant.userId, role: 'applicant' },
    action: 'submit',
    toStatus: c.status,
    toStepId: c.stepId,
    ...overrides,
  };
}

/** The change that submits a new case with one open task. */
export function aSubmission(overrides: Partial<Case> = {}, taskOverrides: Partial<Task> = {}): CaseChange {
  const c = aCase(overrides);
  return { expectedVersion: null, case: c, tasks: [aTask(c, taskOverrides)], event: anEvent(c), effects: [] };
}

/**
 * The change that moves `c` (at version v) to `status`/`stepId`: closes `closing` and opens `opening`.
 */
export function aStep(
  c: Case,
  change: { status: Case['status']; stepId: string; action: AuditEvent['action']; closing?: Task[]; opening?: Task[]; at?: string },
): CaseChange {
  const at = change.at ?? new Date(Date.parse(c.updatedAt) + 60_000).toISOString();
  const next: Case = { ...c, status: change.status, stepId: change.stepId, version: c.version + 1, updatedAt: at };
  const closed = (change.closing ?? []).map(
    (t): Task => ({ ...t, status: 'done', closedAt: at, closedBy: 'staff-1', action: change.action as Task['action'] }),
  );
  return {
    expectedVersion: c.version,
    case: next,
    tasks: [...closed, ...(change.opening ?? [])],
    event: anEvent(next, {
      action: change.action,
      fromStatus: c.status,
      stepId: c.stepId,
      actor: { userId: 'staff-1', role: 'window', departmentId: c.departmentId },
    }),
    effects: [],
  };
}
