import type { CaseStatus } from '../generated/case.generated.js';

/**
 * Statuses after which nothing more happens to a case: the engine refuses every action, the
 * statistics count the case as finished, and the pages stop showing deadlines.
 */
export const FINAL_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['completed', 'denied', 'notAccepted', 'withdrawn']);

/** Whether a case in this status is finished. */
export function isFinalStatus(status: CaseStatus | string): boolean {
  return FINAL_STATUSES.has(status as CaseStatus);
}
