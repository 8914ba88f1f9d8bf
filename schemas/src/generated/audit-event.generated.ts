/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/audit-event.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */

export type IsoDateTime = string;
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
 * caseStatus of code-tables.json.
 */
export type CaseStatus =
  | 'draft'
  | 'submitted'
  | 'notAccepted'
  | 'correction'
  | 'accepted'
  | 'inReview'
  | 'suspended'
  | 'approved'
  | 'denied'
  | 'completed'
  | 'withdrawn';

/**
 * One entry of a case's append-only history; `seq` equals the case version the change produced.
 */
export interface AuditEvent {
  caseId: string;
  seq: number;
  at: IsoDateTime;
  actor: Actor;
  action: 'submit' | FlowAction;
  fromStatus?: CaseStatus;
  toStatus: CaseStatus;
  /**
   * The step acted on.
   */
  stepId?: string;
  /**
   * The step the case moved to.
   */
  toStepId?: string;
  /**
   * The parallel branch acted on, when the task was a branch's.
   */
  branchId?: string;
  branchName?: LocalizedText;
  /**
   * The department whose task was acted on (staff actions).
   */
  departmentId?: string;
  comment?: string;
  /**
   * Action-specific facts: correction items, extension days, procedure, due date change.
   */
  detail?: {};
}
/**
 * Who did something: a signed-in user, or the system (sweep, timers).
 */
export interface Actor {
  userId: string;
  role: string;
  departmentId?: string;
  name?: string;
}
/**
 * That branch's name, as the flow version names it.
 */
export interface LocalizedText {
  'zh-CN': string;
  en?: string;
}
