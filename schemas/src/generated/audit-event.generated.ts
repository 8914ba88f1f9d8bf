/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/audit-event.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */
import type { CaseStatus } from './case.generated.js';
import type { Actor, IsoDateTime, LocalizedText } from './common.generated.js';
import type { FlowAction } from './flow.generated.js';

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
  /**
   * That branch's name, as the flow version names it.
   */
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
