/** Shapes the applicant pages read from the API (the server adds `deadline` to every case it returns). */
import type { AuditEvent, Case, Claim, LocalizedText, ServiceItem } from '@banshi/schemas';

export type { AuditEvent, Case, Claim, LocalizedText, ServiceItem };

/** Where a case's deadline stands, derived by the server at read time. */
export interface Deadline {
  state: 'overdue' | 'dueSoon' | 'onTime' | 'paused' | 'finished';
  dueDate?: string;
  remainingWorkingDays?: number;
  /** The due date reaches a year without holiday data: it may still move (暂定). */
  provisional?: boolean;
}

export type CaseWithDeadline = Case & { deadline?: Deadline };

/** A row of the catalog (`GET /api/items`). */
export interface ItemSummary {
  itemId: string;
  name: LocalizedText;
  itemType: string;
  useLevel: string[];
  status: string;
  latestVersion?: number;
  updatedAt: string;
}

export interface Department {
  id: string;
  name: LocalizedText;
  shortName?: LocalizedText;
  level?: string;
  region?: string;
}

/** A form definition as `GET /api/items/{id}/versions/{n}` returns it. */
export interface FormDefinitionView {
  schema: Record<string, any>;
  uiSchema?: Record<string, any>;
  rules?: any[];
}

export interface ItemVersionView {
  itemId: string;
  version: number;
  item: ServiceItem;
  form: FormDefinitionView;
  flow?: unknown;
}
