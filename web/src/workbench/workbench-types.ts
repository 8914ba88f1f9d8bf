/** Shapes the staff workbench reads from the API (the shared schema types plus what is derived at read time). */
import type { AuditEvent, Case, FlowDefinition, Task } from '@banshi/schemas';

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
