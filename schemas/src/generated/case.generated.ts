/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/case.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */
import type { IsoDate, IsoDateTime, LocalizedText, TimeLimit } from './common.generated.js';
import type { SubjectRelation } from './form-definition.generated.js';

/**
 * caseStatus of code-tables.json.
 *
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "CaseStatus".
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
 * One application (办件) of one item version by one applicant. `version` grows by one with every state change; writes are conditional on it.
 */
export interface Case {
  id: string;
  /**
   * The receipt number (办件编号) shown to the applicant.
   */
  receiptNo: string;
  itemId: string;
  /**
   * The published item version the case is pinned to; it finishes on this version.
   */
  itemVersion: number;
  itemName: LocalizedText;
  /**
   * itemType (GB/T 39046) of the pinned item version: picks the words for its actions and statuses (准予许可 for a licence, 办结/不予办理 for a public service …).
   */
  itemType?: string;
  claimId: string;
  /**
   * The lead (claiming) department.
   */
  departmentId: string;
  /**
   * Department slots of the claim resolved at submission: slot -> department id (`lead` always present).
   */
  departments: {
    [k: string]: string;
  };
  applicant: Applicant;
  /**
   * The agent (代办员) who filed the case for the applicant, if any.
   */
  agentId?: string;
  subject?: Subject;
  /**
   * The application data, valid against the pinned form version.
   */
  data: {};
  status: CaseStatus;
  /**
   * The step the case is at.
   */
  stepId: string;
  /**
   * At a parallel step: each department's branch.
   */
  branches?: BranchState[];
  correction?: CorrectionRequest;
  suspension?: Suspension;
  outcome?: Outcome;
  clock: Clock;
  version: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}
/**
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "Applicant".
 */
export interface Applicant {
  userId: string;
  /**
   * The verified name of the person or enterprise.
   */
  name: string;
  kind: 'person' | 'enterprise';
  /**
   * person: the verified resident ID number (GB 11643), from the account, never from the form.
   */
  idNumber?: string;
  /**
   * enterprise: the verified unified social credit code (GB 32100), from the account.
   */
  creditCode?: string;
}
/**
 * Whom the case is about when that is not the applicant (the form declares `subject.mayDiffer`): the applicant's relation to them and their identity as entered in the form, for staff to check against the materials. Absent when the subject is the applicant.
 *
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "Subject".
 */
export interface Subject {
  relation: SubjectRelation;
  name?: string;
  idNumber?: string;
  creditCode?: string;
}
/**
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "BranchState".
 */
export interface BranchState {
  id: string;
  name: LocalizedText;
  departmentId: string;
  role: string;
  /**
   * paused: another branch returned the case for correction, so this branch's task was cancelled; it reopens when the applicant resubmits.
   */
  state: 'open' | 'approved' | 'rejected' | 'skipped' | 'cancelled' | 'paused';
  reason?: string;
}
/**
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "CorrectionItem".
 */
export interface CorrectionItem {
  /**
   * JSON pointer of the field to fix, when it is one field.
   */
  pointer?: string;
  message: string;
}
/**
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "CorrectionRequest".
 */
export interface CorrectionRequest {
  /**
   * @minItems 1
   * @maxItems 100
   */
  items: CorrectionItem[];
  requestedAt: IsoDateTime;
  requestedBy: string;
  /**
   * The step whose task reopens on resubmission.
   */
  stepId: string;
  branchId?: string;
  /**
   * The department that asked for the correction.
   */
  departmentId?: string;
}
/**
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "Suspension".
 */
export interface Suspension {
  /**
   * specialProcedure code of code-tables.json (2 hearing, 3 testing, 4 expert review, 9 other such as third-party consultation).
   */
  procedure: string;
  reason: string;
  since: IsoDateTime;
  by: string;
}
/**
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "Outcome".
 */
export interface Outcome {
  result: 'completed' | 'denied' | 'notAccepted' | 'withdrawn';
  reason?: string;
  at: IsoDateTime;
}
/**
 * A span during which the clock does not run: from the day the case was returned or suspended to the day it came back (open while `to` is absent).
 *
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "Pause".
 */
export interface Pause {
  kind: 'correction' | 'suspension';
  from: IsoDate;
  to?: IsoDate;
}
/**
 * The case's time budget: limits counted in working days from the day after receipt, plus extensions, with a ledger of pauses. Due dates are derived from it.
 *
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "Clock".
 */
export interface Clock {
  receivedOn: IsoDate;
  /**
   * GB/T 2260 code whose calendar counts the days.
   */
  region: string;
  promised: TimeLimit;
  statutory: TimeLimit;
  extensionDays: number;
  extensions: number;
  pauses: Pause[];
  /**
   * Promised due date, derived; absent while paused.
   */
  dueDate?: IsoDate;
  /**
   * Statutory due date, derived; absent while paused.
   */
  statutoryDueDate?: IsoDate;
}
