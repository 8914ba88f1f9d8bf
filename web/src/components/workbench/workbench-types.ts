/** Shapes the staff workbench reads from the API (the shared schema types plus what is derived at read time). */
import type { AuditEvent } from '../../../../schemas/src/generated/audit-event.generated.js';
import type { Case } from '../../../../schemas/src/generated/case.generated.js';
import type { FlowDefinition } from '../../../../schemas/src/generated/flow.generated.js';
import type { Task } from '../../../../schemas/src/generated/task.generated.js';

export type DeadlineStateName = 'overdue' | 'dueSoon' | 'onTime' | 'paused' | 'finished';

export interface Deadline {
  state: DeadlineStateName;
  dueDate?: string;
  remainingWorkingDays?: number;
  /** The due date reaches a year without holiday data: it may still move (暂定). */
  provisional?: boolean;
}

export type InboxTask = Task & { deadline: Deadline };

export interface InboxPage {
  today: string;
  items: InboxTask[];
  cursor?: string;
}

/** A row of my handled list (已办, `GET /api/inbox/handled`): a task I closed, with where its case stands now. */
export type HandledTask = Task & { case?: Pick<Case, 'status' | 'version' | 'outcome'> };

export type CaseWithDeadline = Case & { deadline: Deadline };

export interface CaseView {
  case: CaseWithDeadline;
  openTasks: Task[];
}

export interface FormDefinition {
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  rules?: unknown[];
}

export interface ItemVersion {
  item: { id: string; name: { 'zh-CN': string; en?: string } } & Record<string, unknown>;
  version?: number;
  form: FormDefinition;
  flow: FlowDefinition;
}

export interface Department {
  id: string;
  name: { 'zh-CN': string; en?: string };
  shortName?: { 'zh-CN': string; en?: string };
}

export type { AuditEvent, Case, FlowDefinition, Task };
