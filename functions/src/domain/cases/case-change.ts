/**
 * What one state change of a case amounts to: the flow engine produces it, the case store commits
 * it in one transaction, adapters carry out its effects afterwards.
 */
import type { Case, Task, AuditEvent } from '@banshi/schemas';

/** A side effect of a change, carried out by an adapter after the commit. */
export interface FlowEffectToRun {
  kind: 'notify' | 'webhook' | 'issueLicence';
  stepId: string;
  template?: string;
  url?: string;
  licenceType?: string;
}

/** One state change of a case, committed atomically. */
export interface CaseChange {
  /** The version the case had when it was read; null for a new case (it must not exist yet). */
  expectedVersion: number | null;
  /** The full new case (version = expectedVersion + 1, or 1 for a new case). */
  case: Case;
  /** Tasks created or changed by this change (full items). */
  tasks: Task[];
  /** The audit event of the change; `event.seq === case.version`. */
  event: AuditEvent;
  /** Effects to run after the commit. */
  effects: FlowEffectToRun[];
}
