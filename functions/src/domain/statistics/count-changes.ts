/**
 * Statistics per department × month × item, derived from changes of case items (their old and new
 * images, as the table's stream delivers them). Pure: no I/O, no clock.
 */
import type { CaseStatus } from '@banshi/schemas';
import { isFinalStatus, STATISTICS_COUNTERS, type StatisticsCounter } from '@banshi/schemas/core';

export { STATISTICS_COUNTERS, type StatisticsCounter };

/** Statuses whose entry is counted when a case changes into them (`submitted` counts creations). */
const ENTERED: ReadonlySet<CaseStatus> = new Set<CaseStatus>([
  'accepted',
  'completed',
  'denied',
  'notAccepted',
  'withdrawn',
  'correction',
]);

/** The parts of a case item that statistics read. */
export interface CaseImage {
  departmentId: string;
  itemId: string;
  status: CaseStatus;
  /** ISO date-time of the change that produced this image. */
  updatedAt: string;
}

/** Increments of one counter item: one department, one month (YYYY-MM, Beijing time), one item. */
export interface CounterIncrements {
  departmentId: string;
  month: string;
  itemId: string;
  counters: Partial<Record<StatisticsCounter, number>>;
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000; // Asia/Shanghai: UTC+8, no daylight saving time

/** The month (YYYY-MM) of an instant in Asia/Shanghai. */
export function monthInBeijing(isoDateTime: string): string {
  const ms = Date.parse(isoDateTime);
  if (Number.isNaN(ms)) throw new Error(`not a date-time: ${isoDateTime}`);
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
}

/** The key of a counter item, for grouping. */
export function counterKey(c: Pick<CounterIncrements, 'departmentId' | 'month' | 'itemId'>): string {
  return JSON.stringify([c.departmentId, c.month, c.itemId]);
}

/**
 * What one change of a case item counts, or undefined when it counts nothing.
 *
 * - created (no old image): `submitted`, and also the status it was created in when that is a
 *   counted one (a flow that turns a case away at once: created `notAccepted`);
 * - changed: the status it entered, when the status changed and is one of `accepted`, `completed`,
 *   `denied`, `notAccepted`, `withdrawn`, `correction` (a resubmission back to `submitted` is not a
 *   new submission);
 * - deleted (no new image): nothing.
 *
 * The month is the new image's `updatedAt` in Beijing time — the month the change happened.
 *
 * @example
 * countChange(undefined, { departmentId: 'd1', itemId: 'senior-card', status: 'submitted', updatedAt: '2026-11-30T16:30:00Z' });
 * // { departmentId: 'd1', month: '2026-12', itemId: 'senior-card', counters: { submitted: 1 } }
 */
export function countChange(oldImage: CaseImage | undefined, newImage: CaseImage | undefined): CounterIncrements | undefined {
  if (!newImage) return undefined;
  const counters: Partial<Record<StatisticsCounter, number>> = {};
  if (!oldImage) {
    counters.submitted = 1;
    if (ENTERED.has(newImage.status)) counters[newImage.status as StatisticsCounter] = 1;
  } else if (oldImage.status !== newImage.status && ENTERED.has(newImage.status)) {
    counters[newImage.status as StatisticsCounter] = 1;
  } else {
    return undefined;
  }
  return {
    departmentId: newImage.departmentId,
    month: monthInBeijing(newImage.updatedAt),
    itemId: newImage.itemId,
    counters,
  };
}

/**
 * Sums increments per counter item: N changes of one department, month and item become ONE entry
 * (so a batch of them costs one write). Keeps the order in which keys first appear.
 */
export function aggregateIncrements(increments: Iterable<CounterIncrements>): CounterIncrements[] {
  const byKey = new Map<string, CounterIncrements>();
  for (const inc of increments) {
    const key = counterKey(inc);
    let sum = byKey.get(key);
    if (!sum) {
      sum = { departmentId: inc.departmentId, month: inc.month, itemId: inc.itemId, counters: {} };
      byKey.set(key, sum);
    }
    for (const [name, value] of Object.entries(inc.counters) as [StatisticsCounter, number][]) {
      sum.counters[name] = (sum.counters[name] ?? 0) + value;
    }
  }
  return [...byKey.values()];
}

/**
 * Counts a whole batch of case changes and aggregates it: one increment map per
 * (department, month, item).
 *
 * @example
 * countChanges([{ old: undefined, new: submitted }, { old: submitted, new: accepted }]);
 * // [{ departmentId, month, itemId, counters: { submitted: 1, accepted: 1 } }]
 */
export function countChanges(
  changes: Iterable<{ old?: CaseImage; new?: CaseImage }>,
): CounterIncrements[] {
  const counted: CounterIncrements[] = [];
  for (const change of changes) {
    const inc = countChange(change.old, change.new);
    if (inc) counted.push(inc);
  }
  return aggregateIncrements(counted);
}

/** The parts of a case item the in-flight counter reads. */
export interface VersionedCaseImage {
  itemId: string;
  itemVersion: number;
  status: CaseStatus;
}

/**
 * The change of one item version's in-flight counter (cases not finished yet), kept in the counter
 * item `ITEM#<itemId>` / `OPEN#V#<version>` — a designer reads it before publishing (O(versions)).
 */
export interface InFlightIncrements {
  itemId: string;
  version: number;
  counters: { inFlight: number };
}

const inFlight = (image: VersionedCaseImage | undefined): number => (image && !isFinalStatus(image.status) ? 1 : 0);

/**
 * What one change of a case item does to the in-flight counter of its item version: +1 when a case
 * is created unfinished, −1 when it finishes (or an unfinished case is deleted), nothing otherwise.
 * A case never changes its item version, so old and new images name the same counter.
 *
 * @example
 * countInFlight(undefined, { itemId: 'senior-card', itemVersion: 1, status: 'submitted' });
 * // { itemId: 'senior-card', version: 1, counters: { inFlight: 1 } }
 */
export function countInFlight(oldImage: VersionedCaseImage | undefined, newImage: VersionedCaseImage | undefined): InFlightIncrements | undefined {
  const delta = inFlight(newImage) - inFlight(oldImage);
  const image = newImage ?? oldImage;
  if (delta === 0 || !image) return undefined;
  return { itemId: image.itemId, version: image.itemVersion, counters: { inFlight: delta } };
}
