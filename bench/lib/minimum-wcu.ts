/**
 * The least write cost a state change of a case can have, by DynamoDB's billing rules: each item
 * whose state must change is written once, transactionally (2 WCU per started KB), at its own size
 * with only the table keys (PK, SK) — the case, each task opened or closed, the audit event.
 * No index entries, no idempotency record, no statistics counter.
 */
import type { CaseChange } from '../../functions/src/domain/cases/case-change.js';
import { writeUnits } from '../../functions/src/adapters/dynamo/item-size.js';

const withKeys = (item: object, pk: string, sk: string) => ({ ...(item as Record<string, unknown>), PK: pk, SK: sk });

/** Minimum WCU of one change (see the module comment). */
export function minimumWcu(change: CaseChange): number {
  const pk = `CASE#${change.case.id}`;
  let units = 2 * writeUnits(withKeys(change.case, pk, 'META'));
  for (const task of change.tasks) units += 2 * writeUnits(withKeys(task, pk, `TASK#${task.id}`));
  units += 2 * writeUnits(withKeys(change.event, pk, `EV#${String(change.event.seq).padStart(6, '0')}`));
  return units;
}
