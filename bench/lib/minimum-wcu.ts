/**
 * The least write cost a state change of a case can have, by DynamoDB's billing rules: each item
 * whose state must change is written once, transactionally (2 WCU per started KB), at its own size
 * with only the table keys (PK, SK) — the case, each task opened or closed, the audit event.
 * No index entries, no idempotency record, no statistics counter — with one exception: the
 * staff member's handled list (已办) is an access pattern the workbench must serve (DESIGN §6: what
 * a person handled, O(page)), and no design serves it without writing one entry per staff action
 * that closes a task as done; the least such entry is a keys-only index entry (1 WCU, not
 * transactional). It is counted here, so the bar judges the rest of the write path as before.
 */
import type { CaseChange } from '@banshi/functions/domain/cases/case-change';
import { writeUnits } from '@banshi/functions/adapters/dynamo/item-size';

const withKeys = (item: object, pk: string, sk: string) => ({ ...(item as Record<string, unknown>), PK: pk, SK: sk });

/** Minimum WCU of one change (see the module comment). */
export function minimumWcu(change: CaseChange): number {
  const pk = `CASE#${change.case.id}`;
  let units = 2 * writeUnits(withKeys(change.case, pk, 'META'));
  for (const task of change.tasks) {
    units += 2 * writeUnits(withKeys(task, pk, `TASK#${task.id}`));
    if (task.status === 'done' && task.closedBy) units += 1; // the handled-list entry (see above)
  }
  units += 2 * writeUnits(withKeys(change.event, pk, `EV#${String(change.event.seq).padStart(6, '0')}`));
  return units;
}
