/**
 * The statistics consumer of the table's stream: counts the changes of case items (old and new
 * images) and adds them to the statistics counters, one write per counter item and batch.
 * Runs as a Lambda on the stream (ReportBatchItemFailures) and locally under the stream poller.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { CaseStatus } from '../../../schemas/src/generated/case.generated.js';
import { documentClient, tableName } from '../adapters/dynamo/client.js';
import {
  createStatisticsWriter,
  padSequenceNumber,
  type SequencedIncrements,
  type StatisticsWriter,
} from '../adapters/dynamo/statistics-writer.js';
import { keys } from '../adapters/dynamo/table.js';
import { countChange, type CaseImage } from '../domain/statistics/count-changes.js';

/**
 * A stream event that names the shard its records come from. The local poller sets `shardId`;
 * Lambda's DynamoDB event carries no shard id (see `shardIdOf`).
 */
export type ShardedStreamEvent = DynamoDBStreamEvent & { shardId?: string };

export interface StatisticsStreamOptions {
  writer: StatisticsWriter;
  /** The shard of a batch (default: `event.shardId`). Every record of one batch comes from one shard. */
  shardIdOf?: (event: ShardedStreamEvent) => string | undefined;
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

/** What a stream record counts, or undefined (not a case head, or nothing to count). */
export function countRecord(record: DynamoDBRecord): SequencedIncrements | undefined {
  const stream = record.dynamodb;
  const sequenceNumber = stream?.SequenceNumber;
  if (!stream?.Keys || !sequenceNumber) return undefined;
  const { PK, SK } = unmarshall(stream.Keys as unknown as Record<string, AttributeValue>);
  if (typeof PK !== 'string' || !PK.startsWith(keys.case('')) || SK !== keys.META) return undefined;
  const increments = countChange(asCaseImage(toItem(stream.OldImage)), asCaseImage(toItem(stream.NewImage)));
  return increments ? { sequenceNumber, increments } : undefined;
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
  return async (event: ShardedStreamEvent): Promise<DynamoDBBatchResponse> => {
    const counted = event.Records.flatMap((record) => {
      const c = countRecord(record);
      return c ? [c] : [];
    });
    if (counted.length === 0) return { batchItemFailures: [] };
    const shardId = shardIdOf(event);
    if (!shardId) {
      throw new Error('statistics stream: the batch names no shard; counters need one watermark per shard');
    }
    const result = await options.writer.apply(shardId, counted);
    if (result.failures.length === 0) return { batchItemFailures: [] };
    for (const failure of result.failures) {
      console.error(
        JSON.stringify({
          message: 'statistics write failed',
          departmentId: failure.departmentId.slice(0, 64),
          month: failure.month,
          itemId: failure.itemId,
          error: failure.error instanceof Error ? failure.error.name : 'unknown',
        }),
      );
    }
    // The stream resumes from the lowest reported record; report exactly that one.
    const earliest = result.failures
      .map((f) => f.firstSequenceNumber)
      .reduce((min, s) => (padSequenceNumber(s) < padSequenceNumber(min) ? s : min));
    return { batchItemFailures: [{ itemIdentifier: earliest }] };
  };
}

let handler: ReturnType<typeof createStatisticsStreamHandler> | undefined;

/** The Lambda handler (DynamoDB stream event source with ReportBatchItemFailures). */
export async function statisticsStream(event: ShardedStreamEvent): Promise<DynamoDBBatchResponse> {
  handler ??= createStatisticsStreamHandler({ writer: createStatisticsWriter(documentClient(), tableName()) });
  return handler(event);
}
