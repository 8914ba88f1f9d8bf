/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/flow.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */
import type { Identifier, JsonLogicRule, LocalizedText } from './common.generated.js';

/**
 * Something a person does to a case. Staff: accept 受理, notAccept 不予受理, returnForCorrection 退回补正, approve 准予/通过, reject 不予许可/不通过, transfer 转办, suspend 特别程序, resume 恢复, extend 延长, complete 办结. Applicant: resubmit 补正后重新提交, withdraw 撤回.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "Action".
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
 * An approval flow (审批流程): named steps, who handles each, which actions are allowed and where each leads. The flow engine is a pure function over this definition.
 */
export interface FlowDefinition {
  /**
   * Id of the first step; its task opens when a case is submitted.
   */
  start: Identifier;
  /**
   * How a return for correction (补正) treats the clock.
   */
  correction?: {
    clock?: 'pause' | 'restart';
    /**
     * Working days the applicant has to answer; after that the case may be closed as abandoned.
     */
    answerWithinDays?: number;
  };
  /**
   * Extension of the time limit (延长审批): at most `maxDays` working days, at most `maxTimes` times.
   */
  extension?: {
    maxDays: number;
    maxTimes?: number;
  };
  /**
   * @minItems 1
   * @maxItems 200
   */
  steps: FlowStep[];
}
/**
 * Something the platform does when a step is entered: notify the applicant, call an external system, issue an electronic licence.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "Effect".
 */
export interface FlowEffect {
  kind: 'notify' | 'webhook' | 'issueLicence';
  /**
   * notify: the message template id.
   */
  template?: string;
  /**
   * webhook: the external system's endpoint.
   */
  url?: string;
  /**
   * issueLicence: the licence type issued.
   */
  licenceType?: string;
}
/**
 * Where a step leads. On a task step, `on` names the action that takes it; on a decision step, transitions are tried in order and the first whose `when` holds is taken.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "Transition".
 */
export interface FlowTransition {
  on?: FlowAction;
  when?: JsonLogicRule;
  to: Identifier;
}
/**
 * One department's branch of a parallel step. `when` (JSON Logic on the case data) decides whether this branch opens at all.
 *
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "Branch".
 */
export interface FlowBranch {
  id: Identifier;
  name: LocalizedText;
  role: string;
  /**
   * A department slot of the claim (for example `planning`); `lead` is the claiming department.
   */
  department: string;
  when?: JsonLogicRule;
  deadlineDays?: number;
  actions?: FlowAction[];
}
/**
 * This interface was referenced by `FlowDefinition`'s JSON-Schema
 * via the `definition` "Step".
 */
export interface FlowStep {
  id: Identifier;
  kind: 'task' | 'parallel' | 'decision' | 'end';
  name: LocalizedText;
  /**
   * task: the staff role that handles it.
   */
  role?: string;
  /**
   * task: a department slot of the claim; `lead` is the claiming department.
   */
  department?: string;
  /**
   * task: the actions allowed at this step.
   */
  actions?: FlowAction[];
  /**
   * Working days this step may take; the case's own limit still applies.
   */
  deadlineDays?: number;
  transitions?: FlowTransition[];
  /**
   * parallel: the departments' branches.
   */
  branches?: FlowBranch[];
  /**
   * parallel: approvals needed to join; all opened branches when absent.
   */
  quorum?: number;
  /**
   * parallel: the step after the join.
   */
  next?: Identifier;
  /**
   * parallel: the step taken when any branch rejects; open branches are cancelled.
   */
  onReject?: Identifier;
  /**
   * end: how the case ends.
   */
  outcome?: 'completed' | 'denied' | 'notAccepted';
  effects?: FlowEffect[];
  /**
   * task/parallel: the case status shown while the case is at this step; `inReview` when absent (`submitted` at the start step).
   */
  status?: 'submitted' | 'accepted' | 'inReview' | 'approved';
}
