/**
 * Small steps the API tests repeat: find a case's task in an inbox, act on a case, check that an
 * answer is an RFC 9457 problem of a given type.
 */
import { expect } from 'vitest';
import type { ApiClient, ApiResponse } from '../../support/api-harness.js';

export interface InboxTask {
  id: string;
  caseId: string;
  stepId: string;
  branchId?: string;
  departmentId: string;
  role: string;
  dueDate: string;
  /** Derived at read time: where the task's deadline stands, or `paused` while suspended. */
  deadline: { state: string; remainingWorkingDays?: number };
}

/** The open tasks of `caseId` in the signed-in staff member's inbox for `role`. */
export async function inboxTasks(staff: ApiClient, role: string, caseId: string): Promise<InboxTask[]> {
  const res = await staff.get<{ items: InboxTask[] }>(`/api/inbox?role=${role}&limit=100`);
  expect(res.status).toBe(200);
  return res.body.items.filter((t) => t.caseId === caseId);
}

/** The one open task of `caseId` in the inbox for `role`; fails the test unless there is exactly one. */
export async function inboxTask(staff: ApiClient, role: string, caseId: string): Promise<InboxTask> {
  const tasks = await inboxTasks(staff, role, caseId);
  expect(tasks).toHaveLength(1);
  return tasks[0];
}

/** POST /api/cases/{caseId}/actions */
export function act(client: ApiClient, caseId: string, body: Record<string, unknown>): Promise<ApiResponse> {
  return client.post(`/api/cases/${caseId}/actions`, body);
}

/** The case as its reader sees it now. */
export async function readCase(client: ApiClient, caseId: string) {
  const res = await client.get(`/api/cases/${caseId}`);
  expect(res.status).toBe(200);
  return res.body as { case: any; openTasks: any[] };
}

/** Asserts an RFC 9457 problem+json answer with this status and problem type code. */
export function expectProblem(res: ApiResponse, status: number, code: string): void {
  expect({ status: res.status, type: res.body?.type }).toEqual({ status, type: `https://banshi.local/problems/${code}` });
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body.status).toBe(status);
  expect(typeof res.body.title).toBe('string');
}

/** Sets the fixed clock to 10:00 Beijing time on `date`. */
export const beijing10am = (date: string) => `${date}T02:00:00.000Z`;
