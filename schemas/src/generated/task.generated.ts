/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/task.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */

/**
 * When the case was received (收件时间), copied when the task opens.
 */
export type IsoDateTime = string;
export type IsoDateTime1 = string;
/**
 * A calendar date, YYYY-MM-DD, in the region's time zone.
 */
export type IsoDate = string;
/**
 * Something a person does to a case. Staff: accept 受理, notAccept 不予受理, returnForCorrection 退回补正, approve 准予/通过, reject 不予许可/不通过, transfer 转办, suspend 特别程序, resume 恢复, extend 延长, complete 办结. Applicant: resubmit 补正后重新提交, withdraw 撤回.
 */
export type FlowAction =
  | 'accept'
  | 'notAccept'
  | 'returnForCorrection'
  | 'resubmit'
  | 'approve'
  | 'reject'
  | 'transfer'
  | 'suspend'
  | 'resume'
  | 'extend'
  | 'complete'
  | 'withdraw';

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
  receivedAt?: IsoDateTime;
  departmentId: string;
  role: string;
  status: 'open' | 'done' | 'cancelled';
  /**
   * The case is in a special procedure; the task waits for resume.
   */
  suspended?: boolean;
  createdAt: IsoDateTime1;
  dueDate: IsoDate;
  closedAt?: IsoDateTime1;
  closedBy?: string;
  action?: FlowAction;
}
/**
 * Text shown to people: zh-CN always, English when given.
 */
export interface LocalizedText {
  'zh-CN': string;
  en?: string;
}
