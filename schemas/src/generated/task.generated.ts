/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/task.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */
import type { IsoDate, IsoDateTime, LocalizedText } from './common.generated.js';
import type { FlowAction } from './flow.generated.js';

/**
 * One step of a case waiting for a role in a department (待办). Open tasks are what the inbox lists.
 */
export interface Task {
  id: string;
  caseId: string;
  receiptNo: string;
  itemId: string;
  itemName: LocalizedText;
  stepId: string;
  stepName: LocalizedText;
  branchId?: string;
  /**
   * itemType (GB/T 39046) of the case's item version: picks the words for its actions and statuses.
   */
  itemType?: string;
  /**
   * The case's applicant (申请人), copied when the task opens.
   */
  applicantName?: string;
  /**
   * When the case was received (收件时间), copied when the task opens.
   */
  receivedAt?: IsoDateTime;
  departmentId: string;
  role: string;
  status: 'open' | 'done' | 'cancelled';
  /**
   * The case is in a special procedure; the task waits for resume.
   */
  suspended?: boolean;
  createdAt: IsoDateTime;
  dueDate: IsoDate;
  closedAt?: IsoDateTime;
  closedBy?: string;
  action?: FlowAction;
}
