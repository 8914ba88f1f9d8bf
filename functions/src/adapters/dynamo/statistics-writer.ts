/**
 * Applies counters counted from the table's stream (domain/statistics/count-changes.ts) to their
 * counter items — statistics `STAT#<dept>#<yyyy-mm>` / `ITEM#<itemId>`, and the in-flight cases of
 * an item version `ITEM#<itemId>` / `OPEN#V#<version>`: ONE UpdateItem ADD per counter item and
 * batch, outside any transaction — so the request path never touches a shared counter.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CounterIncrements, InFlightIncrements } from '../../domain/statistics/count-changes.js';
import { keys } from './table.js';

/** The attribute of a counter item that remembers, per stream shard, the last applied sequence number. */
export const SEEN_ATTRIBUTE = 'seen';

/** Stream sequence numbers are decimal strings of 21 to 40 digits; padded to 40 they compare as numbers. */
const SEQUENCE_WIDTH = 40;

/** A sequence number padded with zeros to a fixed width, so that string order is numeric order. */
export function padSequenceNumber(sequenceNumber: string): string {
  if (!/^\d{1,40}$/.test(sequenceNumber)) throw new Error(`not a stream sequence number: ${sequenceNumber}`);
  return sequenceNumber.padStart(SEQUENCE_WIDTH, '0');
}

/** What one stream record counts, with its sequence number (as the stream spells it). */
export interface SequencedIncrements {
  sequenceNumber: string;
  increments: CounterIncrements | InFlightIncrements;
}

/** A counter item whose write failed; its records must be delivered again. */
export interface StatisticsWriteFailure {
  /** Statistics counters: their department and month; in-flight counters: their item version. */
  departmentId?: string;
  month?: string;
  version?: number;
  itemId: string;
  /** The earliest record (stream spelling) that counted towards this item in the batch. */
  firstSequenceNumber: string;
  error: unknown;
}

export interface StatisticsApplyResult {
  /** Counter items written. */
  applied: number;
  /** Counter items that had seen every record of the batch already (a redelivery). */
  skipped: number;
  failures: StatisticsWriteFailure[];
}

interface Contribution {
  seq: string; // padded
  sequenceNumber: string; // as delivered
  increments: CounterIncrements | InFlightIncrements;
}

const isInFlight = (inc: CounterIncrements | InFlightIncrements): inc is InFlightIncrements => 'version' in inc;

/** The attributes that name a counter item besides its key (kept on it for reading). */
const namesOf = (inc: CounterIncrements | InFlightIncrements): Record<string, string | number> =>
  isInFlight(inc) ? { itemId: inc.itemId, version: inc.version } : { departmentId: inc.departmentId, month: inc.month, itemId: inc.itemId };

/** The sum of the contributions' counters. */
function sumCounters(contributions: Contribution[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const { increments } of contributions) {
    for (const [name, value] of Object.entries(increments.counters) as [string, number][]) sum[name] = (sum[name] ?? 0) + value;
  }
  return sum;
}

const MAX_ATTEMPTS = 5;

/**
 * How old a shard's watermark must be before it is pruned. DynamoDB Streams keeps a record 24 hours
 * and Lambda retries a batch no longer than its records live, so a shard that has written nothing
 * to an item for longer can never redeliver to it; the other day is a margin for clocks.
 */
export const WATERMARK_RETENTION_MS = 48 * 3_600_000;

/**
 * A watermark as stored: `<padded sequence number>@<epoch ms of the write>`. The sequence number
 * has a fixed width and comes first, so the stored string compares with a bare padded sequence
 * number as the number alone would (`S@t` < `F` exactly when S < F; equal numbers compare greater),
 * which the write conditions rely on. Watermarks written before the time was added are the bare
 * number: they compare the same and are never pruned.
 */
const watermarkOf = (seq: string, atMs: number) => `${seq}@${atMs}`;
const sequenceOf = (watermark: string) => watermark.split('@')[0];
const writtenAt = (watermark: unknown): number | undefined => {
  const at = typeof watermark === 'string' ? Number(watermark.split('@')[1]) : Number.NaN;
  return Number.isFinite(at) ? at : undefined;
};

export interface StatisticsWriterOptions {
  /** The clock of watermark times, in epoch ms (default `Date.now`). */
  now?: () => number;
}

/**
 * The statistics writer.
 *
 * At-least-once delivery, exactly-once counting. DynamoDB Streams (and Lambda's event source
 * mapping, or the local poller) deliver each record at least once: a batch is delivered again
 * when its handler failed, timed out or reported a partial failure — and the batch delivered
 * again need not be the same batch (after a partial failure it starts at the failed record and may
 * run further). Within one shard, records come in sequence-number order and one batch at a time.
 * So, per counter item, the writer keeps `seen[<shardId>]` = the highest (padded) sequence number
 * of that shard already applied to it, and writes with the condition that the batch's first record
 * for the item is greater than it:
 * - condition holds → none of these records was applied before: ADD all of them, set `seen` to
 *   the last one — counters and watermark change in one atomic item write;
 * - ConditionalCheckFailed → some were applied: read the watermark (strongly consistent) and apply
 *   only the records after it (conditional on the watermark read); when none is left the whole
 *   batch had been applied → skip.
 * A counter item is therefore never counted twice for a record, and no record is lost as long
 * as each shard's batches are handed over in order, one at a time (Lambda: ParallelizationFactor 1,
 * the default). Different shards keep separate watermarks because their sequence numbers
 * interleave. On AWS shards roll over every few hours, so `seen` would gain an entry per shard
 * for ever (an in-flight counter lives as long as its item version): each entry therefore carries
 * the time of its write, and after a write the entries of other shards older than
 * {@link WATERMARK_RETENTION_MS} — which can never be redelivered — are removed in one more
 * conditional write (best effort: it is tried again after the next batch).
 *
 * @example
 * const writer = createStatisticsWriter(createDocumentClient(), 'banshi');
 * const result = await writer.apply('shardId-0001', [{ sequenceNumber: '100', increments }]);
 */
export function createStatisticsWriter(client: DynamoDBDocumentClient, tableName: string, options: StatisticsWriterOptions = {}) {
  const now = options.now ?? Date.now;
  const keyOf = (inc: CounterIncrements | InFlightIncrements) =>
    isInFlight(inc)
      ? { PK: keys.item(inc.itemId), SK: keys.inFlight(inc.version) }
      : { PK: keys.statistics(inc.departmentId, inc.month), SK: keys.item(inc.itemId) };
  const counterKey = (inc: CounterIncrements | InFlightIncrements) => {
    const { PK, SK } = keyOf(inc);
    return `${PK}|${SK}`;
  };

  async function readWatermark(inc: CounterIncrements | InFlightIncrements, shardId: string): Promise<{ hasSeen: boolean; stored?: string }> {
    const out = await client.send(
      new GetCommand({ TableName: tableName, Key: keyOf(inc), ProjectionExpression: '#seen', ExpressionAttributeNames: { '#seen': SEEN_ATTRIBUTE }, ConsistentRead: true }),
    );
    const seen = out.Item?.[SEEN_ATTRIBUTE] as Record<string, unknown> | undefined;
    if (!seen || typeof seen !== 'object') return { hasSeen: false };
    const stored = seen[shardId];
    return { hasSeen: true, stored: typeof stored === 'string' ? stored : undefined };
  }

  /**
   * Removes the watermarks of shards other than `shardId` written longer than the retention ago,
   * on condition that each is still the value just read. Never throws: a watermark left behind
   * costs bytes, not correctness, and the next write tries again.
   */
  async function pruneWatermarks(inc: CounterIncrements | InFlightIncrements, shardId: string, seen: unknown): Promise<void> {
    if (!seen || typeof seen !== 'object') return;
    const cutoff = now() - WATERMARK_RETENTION_MS;
    const stale = Object.entries(seen as Record<string, unknown>).filter(([shard, value]) => shard !== shardId && (writtenAt(value) ?? Infinity) < cutoff);
    if (stale.length === 0) return;
    const names: Record<string, string> = { '#seen': SEEN_ATTRIBUTE };
    const values: Record<string, unknown> = {};
    stale.forEach(([shard, value], i) => {
      names[`#s${i}`] = shard;
      values[`:s${i}`] = value;
    });
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keyOf(inc),
          UpdateExpression: `REMOVE ${stale.map((_, i) => `#seen.#s${i}`).join(', ')}`,
          ConditionExpression: stale.map((_, i) => `#seen.#s${i} = :s${i}`).join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    } catch {
      // Another writer changed the item in between (or the write failed): tried again next time.
    }
  }

  /** Writes one counter item's contributions; resolves 'applied' or 'skipped'. */
  async function applyOne(shardId: string, all: Contribution[]): Promise<'applied' | 'skipped'> {
    // undefined = not read yet (the optimistic first attempt).
    let watermark: { hasSeen: boolean; stored?: string } | undefined;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const stored = watermark?.stored === undefined ? undefined : sequenceOf(watermark.stored);
      const pending = stored ? all.filter((c) => c.seq > stored) : all;
      if (pending.length === 0) return 'skipped';
      const target = pending[0].increments;
      const counters = sumCounters(pending);
      const first = pending[0].seq;
      const last = watermarkOf(pending.reduce((max, c) => (c.seq > max ? c.seq : max), first), now());

      const names: Record<string, string> = { '#seen': SEEN_ATTRIBUTE };
      const values: Record<string, unknown> = {};
      const labels = Object.entries(namesOf(target)).map(([name, value], i) => {
        names[`#n${i}`] = name;
        values[`:n${i}`] = value;
        return `#n${i} = :n${i}`;
      });
      const adds = Object.entries(counters).map(([name, value], i) => {
        names[`#c${i}`] = name;
        values[`:c${i}`] = value;
        return `#c${i} :c${i}`;
      });
      let set: string;
      let condition: string;
      if (watermark && !watermark.hasSeen) {
        // First write by the stream to this item (or an item from before the stream): create the map.
        set = '#seen = :seen';
        values[':seen'] = { [shardId]: last };
        condition = 'attribute_not_exists(#seen)';
      } else {
        names['#shard'] = shardId;
        set = '#seen.#shard = :last';
        values[':last'] = last;
        if (!watermark) {
          condition = 'attribute_exists(#seen) AND (attribute_not_exists(#seen.#shard) OR #seen.#shard < :first)';
          values[':first'] = first;
        } else if (watermark.stored === undefined) {
          condition = 'attribute_exists(#seen) AND attribute_not_exists(#seen.#shard)';
        } else {
          condition = '#seen.#shard = :stored';
          values[':stored'] = watermark.stored;
        }
      }
      let written: Record<string, unknown> | undefined;
      try {
        const out = await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keyOf(target),
            UpdateExpression: `SET ${[set, ...labels].join(', ')} ADD ${adds.join(', ')}`,
            ConditionExpression: condition,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        );
        written = out.Attributes;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        watermark = await readWatermark(target, shardId);
        continue;
      }
      await pruneWatermarks(target, shardId, written?.[SEEN_ATTRIBUTE]);
      return 'applied';
    }
    throw new Error(`statistics item ${counterKey(all[0].increments)} kept changing under the writer`);
  }

  return {
    /**
     * Applies one stream batch of one shard: the records' increments grouped per counter item,
     * one conditional UpdateItem ADD per item (in parallel). Idempotent: applying a batch again,
     * or a later batch that overlaps it, counts each record once (see the TSDoc of the writer).
     * A failed item does not stop the others; it is reported with its earliest record.
     *
     * @param shardId the stream shard the records come from
     * @param records the batch's counted records, in stream order
     */
    async apply(shardId: string, records: SequencedIncrements[]): Promise<StatisticsApplyResult> {
      if (!shardId) throw new Error('a shard id is required');
      const byKey = new Map<string, Contribution[]>();
      for (const record of records) {
        const key = counterKey(record.increments);
        const list = byKey.get(key) ?? [];
        list.push({ seq: padSequenceNumber(record.sequenceNumber), sequenceNumber: record.sequenceNumber, increments: record.increments });
        byKey.set(key, list);
      }
      const groups = [...byKey.values()].map((list) => list.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0)));
      const outcomes = await Promise.allSettled(groups.map((list) => applyOne(shardId, list)));
      const result: StatisticsApplyResult = { applied: 0, skipped: 0, failures: [] };
      outcomes.forEach((outcome, i) => {
        if (outcome.status === 'fulfilled') {
          result[outcome.value] += 1;
          return;
        }
        const { increments } = groups[i][0];
        const named = isInFlight(increments)
          ? { itemId: increments.itemId, version: increments.version }
          : { departmentId: increments.departmentId, month: increments.month, itemId: increments.itemId };
        result.failures.push({ ...named, firstSequenceNumber: groups[i][0].sequenceNumber, error: outcome.reason });
      });
      return result;
    },
  };
}

/** The statistics writer's interface. */
export type StatisticsWriter = ReturnType<typeof createStatisticsWriter>;
