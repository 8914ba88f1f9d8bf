/**
 * The statistics consumer of the table's stream: counts the changes of case items (old and new
 * images) and adds them to the statistics counters and to the in-flight counter of each item
 * version (cases not finished yet), one write per counter item and batch.
 * Runs as a Lambda on the stream (ReportBatchItemFailures) and locally under the stream poller.
 *
 * Which shard a batch comes from: the writer keeps one watermark per shard (sequence numbers are
 * ordered only within a shard), but a plain Lambda stream event names no shard — its records'
 * `eventSourceARN` is the stream's. With a tumbling window on the event source mapping Lambda adds
 * the batch's `shardId` (with `window` and `state`) to every event and expects `state` back; the
 * CDK app configures one (infra/lib/banshi-stack.ts), with ParallelizationFactor 1 so a shard's
 * batches arrive one at a time and in order. The local poller reads shards itself and sets `shardId`.
 * A batch without a shard id is refused as a whole (nothing is written; the stream retries it).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { CaseStatus } from '@banshi/schemas';
import {
  padSequenceNumber,
  type SequencedIncrements,
  type StatisticsWriter,
} from '../adapters/dynamo/statistics-writer.js';
import { keys } from '../adapters/dynamo/table.js';
import { countChange, countInFlight, type CaseImage, type VersionedCaseImage } from '../domain/statistics/count-changes.js';
import { logger as processLogger, type Logger } from '../http/logger.js';
import { servicesFromEnvironment } from './app-services.js';

/**
 * A stream event that names the shard its records come from. The local poller sets `shardId`;
 * Lambda's DynamoDB event carries no shard id (see `shardIdOf`).
 */
export type ShardedStreamEvent = DynamoDBStreamEvent & {
  shardId?: string;
  /** Present on tumbling-window invocations (which also carry `shardId`). */
  window?: { start: string; end: string };
  state?: Record<string, string>;
  isFinalInvokeForWindow?: boolean;
};

/** The answer to Lambda: the failed record to resume from, and on window events the (unused) window state. */
export type StatisticsStreamResponse = DynamoDBBatchResponse & { state?: Record<string, string> };

export interface StatisticsStreamOptions {
  writer: StatisticsWriter;
  /** The shard of a batch (default: `event.shardId`). Every record of one batch comes from one shard. */
  shardIdOf?: (event: ShardedStreamEvent) => string | undefined;
  logger?: Logger;
}

type Image = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;

const toItem = (image: Image | undefined): Record<string, unknown> | undefined =>
  image ? unmarshall(image as unknown as Record<string, AttributeValue>) : undefined;

function asCaseImage(item: Record<string, unknown> | undefined): CaseImage | undefined {
  if (!item) return undefined;
  const { departmentId, itemId, status, updatedAt } = item;
  if (typeof departmentId !== 'string' || typeof itemId !== 'string' || typeof status !== 'string' || typeof updatedAt !== 'string') {
    return undefined;
  }
  if (Number.isNaN(Date.parse(updatedAt))) return undefined;
  return { departmentId, itemId, status: status as CaseStatus, updatedAt };
}

function asVersionedImage(item: Record<string, unknown> | undefined): VersionedCaseImage | undefined {
  if (!item) return undefined;
  const { itemId, itemVersion, status } = item;
  if (typeof itemId !== 'string' || typeof itemVersion !== 'number' || typeof status !== 'string') return undefined;
  return { itemId, itemVersion, status: status as CaseStatus };
}

/** The case head a stream record changed, or undefined (not a case head). */
function caseHeadChange(record: DynamoDBRecord) {
  const stream = record.dynamodb;
  const sequenceNumber = stream?.SequenceNumber;
  if (!stream?.Keys || !sequenceNumber) return undefined;
  const { PK, SK } = unmarshall(stream.Keys as unknown as Record<string, AttributeValue>);
  if (typeof PK !== 'string' || !PK.startsWith(keys.case('')) || SK !== keys.META) return undefined;
  return { sequenceNumber, old: toItem(stream.OldImage), new: toItem(stream.NewImage) };
}

/** What a stream record counts in the statistics, or undefined (not a case head, or nothing to count). */
export function countRecord(record: DynamoDBRecord): SequencedIncrements | undefined {
  const change = caseHeadChange(record);
  if (!change) return undefined;
  const increments = countChange(asCaseImage(change.old), asCaseImage(change.new));
  return increments ? { sequenceNumber: change.sequenceNumber, increments } : undefined;
}

/** What a stream record does to its item version's in-flight counter, or undefined. */
export function countInFlightRecord(record: DynamoDBRecord): SequencedIncrements | undefined {
  const change = caseHeadChange(record);
  if (!change) return undefined;
  const increments = countInFlight(asVersionedImage(change.old), asVersionedImage(change.new));
  return increments ? { sequenceNumber: change.sequenceNumber, increments } : undefined;
}

/**
 * Builds the stream handler: counts the case heads' changes of the batch, writes them
 * (statistics-writer.ts: idempotent, so a redelivered batch is harmless) and reports the earliest
 * record of any counter item whose write failed as the batch item failure — the stream then
 * delivers again from there, and the items already written skip what they have seen.
 *
 * @throws Error when the batch's shard is unknown (the whole batch is retried; nothing written)
 */
export function createStatisticsStreamHandler(options: StatisticsStreamOptions) {
  const shardIdOf = options.shardIdOf ?? ((event: ShardedStreamEvent) => event.shardId);
  const log = options.logger ?? processLogger;
  return async (event: ShardedStreamEvent): Promise<StatisticsStreamResponse> => {
    // Tumbling-window invocations must answer with a `state` (or count as failed); the counters
    // live in the table, so the window's state stays empty.
    const answer = (batchItemFailures: DynamoDBBatchResponse['batchItemFailures']): StatisticsStreamResponse =>
      event.window !== undefined ? { state: {}, batchItemFailures } : { batchItemFailures };
    const counted = (event.Records ?? []).flatMap((record) => [countRecord(record), countInFlightRecord(record)].filter((c) => c !== undefined));
    if (counted.length === 0) return answer([]);
    const shardId = shardIdOf(event);
    if (!shardId) {
      throw new Error('statistics stream: the batch names no shard; counters need one watermark per shard');
    }
    const result = await options.writer.apply(shardId, counted);
    if (result.failures.length === 0) return answer([]);
    for (const failure of result.failures) {
      log.error('statistics write failed', {
        departmentId: failure.departmentId?.slice(0, 64),
        month: failure.month,
        version: failure.version,
        itemId: failure.itemId,
        error: failure.error instanceof Error ? failure.error.name : 'unknown',
      });
    }
    // The stream resumes from the lowest reported record; report exactly that one.
    const earliest = result.failures
      .map((f) => f.firstSequenceNumber)
      .reduce((min, s) => (padSequenceNumber(s) < padSequenceNumber(min) ? s : min));
    return answer([{ itemIdentifier: earliest }]);
  };
}

let handler: ReturnType<typeof createStatisticsStreamHandler> | undefined;

/** The Lambda handler (DynamoDB stream event source with ReportBatchItemFailures). */
export async function statisticsStream(event: ShardedStreamEvent): Promise<StatisticsStreamResponse> {
  handler ??= createStatisticsStreamHandler({ writer: servicesFromEnvironment().statisticsWriter });
  return handler(event);
}
