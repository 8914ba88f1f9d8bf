/**
 * A local stand-in for Lambda's DynamoDB stream event source: polls the table's stream on
 * DynamoDB Local and hands each batch of records to a handler, shard by shard, in order, one
 * batch at a time — like an event source mapping with ParallelizationFactor 1 and
 * ReportBatchItemFailures. Used by `npm start` and the API test harness.
 *
 * While DynamoDB Local does not answer (it died and is being restarted), the poller waits longer
 * after each failed poll (doubling, capped) and logs one JSON line when it loses the stream and one
 * when it has it again; it then goes on after the last record it handed over, on the same stream,
 * or from the start of a new one if the table's stream was re-created meanwhile.
 */
import { DescribeTableCommand, DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ResourceNotFoundException as StreamsResourceNotFoundException,
  TrimmedDataAccessException,
  type _Record as StreamsRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import type { ShardedStreamEvent } from '../handlers/statistics-stream.js';
import { logger as processLogger, type Logger } from '../http/logger.js';
import { backoffDelay } from './backoff.js';

export interface StreamPollerOptions {
  /** The DynamoDB Local endpoint (http://127.0.0.1:<port>), or a full client configuration. */
  endpoint?: string;
  clientConfig?: DynamoDBClientConfig;
  tableName: string;
  handler: (event: ShardedStreamEvent) => Promise<DynamoDBBatchResponse | void>;
  /** Pause between polls when the stream has nothing new (default 500 ms). */
  intervalMs?: number;
  /** The longest pause between polls while DynamoDB does not answer (default 30 000 ms). */
  maxBackoffMs?: number;
  /** Where handler errors are reported (default: one error line through `logger`). */
  onError?: (error: unknown) => void;
  /** Where state changes (stream lost, stream back) go as JSON lines (default: the process logger). */
  logger?: Logger;
}

export interface StreamPoller {
  /** Resolves when every record in the stream at the time of the call has been handed to the handler. */
  drain(): Promise<void>;
  /** Stops polling (waits for a poll in progress) and closes the clients. */
  stop(): Promise<void>;
}

interface ShardState {
  iterator?: string;
  closed: boolean;
  /** Sequence number to restart from after a failed batch. */
  retryFrom?: string;
  /** Sequence number of the last record handed over, to go on after it with a fresh iterator. */
  after?: string;
}

const MAX_DRAIN_PASSES = 1_000;

function toLambdaRecord(record: StreamsRecord, streamArn: string): DynamoDBRecord {
  const d = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion,
    eventSource: record.eventSource ?? 'aws:dynamodb',
    awsRegion: record.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      ApproximateCreationDateTime: d.ApproximateCreationDateTime ? Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) : undefined,
      Keys: d.Keys as never,
      NewImage: d.NewImage as never,
      OldImage: d.OldImage as never,
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType,
    },
  };
}

/**
 * Starts polling the table's stream (it must have one: `ensureTable` enables it). New shards are
 * read from TRIM_HORIZON, then by following NextShardIterator. When the handler throws or reports
 * batch item failures, the shard is read again from the earliest failed record on the next poll.
 *
 * @example
 * const poller = startStreamPoller({ endpoint, tableName, handler: createStatisticsStreamHandler({ writer }) });
 * await poller.drain(); // every change so far has been counted
 * await poller.stop();
 */
export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const config: DynamoDBClientConfig = options.clientConfig ?? {
    endpoint: options.endpoint,
    region: process.env.AWS_REGION ?? 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
  const dynamo = new DynamoDBClient(config);
  const streams = new DynamoDBStreamsClient(config);
  const intervalMs = options.intervalMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const log = (options.logger ?? processLogger).child({ component: 'stream-poller', table: options.tableName });
  const onError = options.onError ?? ((error: unknown) => log.error('统计处理失败，稍后重试 / the stream handler failed; the batch is retried', { error }));

  let streamArn: string | undefined;
  /** Polls that failed in a row (0 while the stream answers). */
  let failures = 0;
  const shards = new Map<string, ShardState>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // Polls run one after another on this chain; drain() and the timer append to it.
  let chain: Promise<unknown> = Promise.resolve();

  async function listShards(arn: string): Promise<Shard[]> {
    const all: Shard[] = [];
    let start: string | undefined;
    do {
      const out = await streams.send(new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: start }));
      all.push(...(out.StreamDescription?.Shards ?? []));
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return all;
  }

  async function iteratorFor(arn: string, shardId: string, state: ShardState): Promise<string | undefined> {
    const out = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: arn,
        ShardId: shardId,
        ...(state.retryFrom
          ? { ShardIteratorType: 'AT_SEQUENCE_NUMBER' as const, SequenceNumber: state.retryFrom }
          : state.after
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const, SequenceNumber: state.after }
            : { ShardIteratorType: 'TRIM_HORIZON' as const }),
      }),
    );
    return out.ShardIterator;
  }

  /**
   * After polls failed (DynamoDB Local restarted): iterators of the old process are dropped (each
   * shard goes on after its last record), and the stream is looked up again — a new ARN means the
   * stream was re-created, and its shards are read from the start. Returns whether it changed.
   */
  async function rediscover(): Promise<boolean> {
    const table = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
    const latest = table.Table?.LatestStreamArn;
    for (const state of shards.values()) state.iterator = undefined;
    if (latest === streamArn) return false;
    streamArn = latest;
    shards.clear();
    return true;
  }

  /** Reads every shard until it has nothing more; returns how many records were handed over. */
  async function poll(): Promise<number> {
    // The stream's ARN only changes when the stream is re-created: look it up once.
    if (!streamArn) {
      const table = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
      streamArn = table.Table?.LatestStreamArn;
      shards.clear();
      if (!streamArn) return 0;
    }
    const arn = streamArn;
    let listed: Shard[];
    try {
      listed = await listShards(arn);
    } catch (error) {
      if (error instanceof StreamsResourceNotFoundException) streamArn = undefined; // re-created: look again
      throw error;
    }
    // Parents before children, so one partition's records stay in order across a shard split.
    const ids = new Set(listed.map((s) => s.ShardId!));
    const ordered = [...listed].sort((a, b) => {
      const depth = (s: Shard): number => {
        let d = 0;
        let parent = s.ParentShardId;
        while (parent && ids.has(parent) && d < 100) {
          d += 1;
          parent = listed.find((x) => x.ShardId === parent)?.ParentShardId;
        }
        return d;
      };
      return depth(a) - depth(b);
    });
    let handed = 0;
    for (const shard of ordered) {
      const shardId = shard.ShardId!;
      let state = shards.get(shardId);
      if (!state) {
        state = { closed: false };
        shards.set(shardId, state);
      }
      if (state.closed) continue;
      try {
        state.iterator ??= await iteratorFor(arn, shardId, state);
        while (state.iterator && !stopped) {
          const out = await streams.send(new GetRecordsCommand({ ShardIterator: state.iterator }));
          const records = out.Records ?? [];
          if (records.length === 0) {
            state.iterator = out.NextShardIterator;
            if (!out.NextShardIterator) state.closed = true;
            break;
          }
          const event: ShardedStreamEvent = { Records: records.map((r) => toLambdaRecord(r, arn)), shardId };
          let failedFrom: string | undefined;
          try {
            const response = await options.handler(event);
            const failures = response?.batchItemFailures ?? [];
            if (failures.length > 0) {
              failedFrom = failures
                .map((f) => f.itemIdentifier)
                .reduce((min, s) => (s.padStart(40, '0') < min.padStart(40, '0') ? s : min));
            }
          } catch (error) {
            onError(error);
            failedFrom = records[0].dynamodb?.SequenceNumber;
          }
          handed += records.length;
          if (failedFrom) {
            // Deliver again from the failed record on the next poll.
            state.retryFrom = failedFrom;
            state.iterator = undefined;
            break;
          }
          state.retryFrom = undefined;
          state.after = records.at(-1)?.dynamodb?.SequenceNumber ?? state.after;
          state.iterator = out.NextShardIterator;
          if (!out.NextShardIterator) state.closed = true;
        }
      } catch (error) {
        if (error instanceof ExpiredIteratorException) {
          state.iterator = undefined;
          continue;
        }
        if (error instanceof TrimmedDataAccessException) {
          // The records after our position are gone: go on from the oldest one still there.
          Object.assign(state, { iterator: undefined, retryFrom: undefined, after: undefined });
          continue;
        }
        throw error;
      }
    }
    return handed;
  }

  /** One poll, tracking whether the stream answers: one log line when it stops, one when it is back. */
  async function pollAndTrack(): Promise<number> {
    try {
      const changed = failures > 0 ? await rediscover() : false;
      const handed = await poll();
      if (failures > 0) log.info('已重新连接表的数据流 / reading the stream again', { state: 'up', failedPolls: failures, streamChanged: changed });
      failures = 0;
      return handed;
    } catch (error) {
      failures += 1;
      if (failures === 1 && !stopped) {
        const { name, code, message } = error as { name?: string; code?: string; message?: string };
        log.warn('无法读取表的数据流，稍后重试 / cannot read the stream; retrying with backoff', {
          state: 'down',
          error: code ?? name,
          reason: String(message ?? error).split('\n')[0],
        });
      }
      throw error;
    }
  }

  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };

  const schedule = () => {
    if (stopped) return;
    const delay = failures === 0 ? intervalMs : backoffDelay(failures, intervalMs, maxBackoffMs);
    timer = setTimeout(() => {
      enqueue(pollAndTrack)
        .catch(() => undefined) // logged once by pollAndTrack; the next poll waits longer
        .finally(schedule);
    }, delay);
  };
  schedule();

  return {
    async drain() {
      // Each pass reads every shard to its current end; a pass that hands nothing over (and has
      // no batch waiting for a retry) means everything written before this call was delivered.
      for (let pass = 0; pass < MAX_DRAIN_PASSES; pass += 1) {
        if (stopped) throw new Error('the stream poller was stopped');
        const handed = await enqueue(pollAndTrack);
        const retrying = [...shards.values()].some((s) => s.retryFrom !== undefined);
        if (handed === 0 && !retrying) return;
        if (retrying) await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, 100)));
      }
      throw new Error('the stream did not drain: the handler keeps failing or records keep coming');
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await chain;
      dynamo.destroy();
      streams.destroy();
    },
  };
}
