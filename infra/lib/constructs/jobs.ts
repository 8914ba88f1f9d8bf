/**
 * The jobs beside the API: statistics counted from the table's stream (a tumbling window for the
 * shard id, an SQS dead-letter queue), and the deadline sweep EventBridge Scheduler runs every
 * working morning and noon (sparse `due` index, no scan).
 */
import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { JOB_FUNCTIONS } from '../api-functions.js';
import type { StageSettings } from '../stages.js';
import { ALARM_PERIOD, type Alarms } from './alarms.js';
import type { Data } from './data.js';
import type { Functions } from './functions.js';
import { logicalIdOfPath, StackPart, uniqueIdWithoutParts } from './stack-part.js';

export interface JobsProps {
  settings: StageSettings;
  data: Data;
  functions: Functions;
  alarms: Alarms;
}

export class Jobs extends StackPart {
  readonly statistics: NodejsFunction;
  readonly sweep: NodejsFunction;

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    this.statistics = this.statisticsFromTheStream(props);
    this.sweep = this.deadlineSweep(props);
  }

  private statisticsFromTheStream({ settings, data, functions, alarms }: JobsProps): NodejsFunction {
    // SSE-SQS: the records' keys and sequence numbers only (no personal data), and no KMS grant
    // for the event source mapping to send them.
    const streamDlq = new sqs.Queue(this, 'StatisticsDlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(streamDlq).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'StatisticsDlq is itself the dead-letter destination of the statistics stream consumer; it has no dead-letter queue of its own.',
    });
    const statistics = functions.add('StatisticsStream', {
      ...JOB_FUNCTIONS.statisticsStream,
      description: 'Counts case status changes from the table stream into the statistics items',
      memorySize: 256,
      timeout: Duration.seconds(60),
      access: { table: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], blobs: [] },
      reservedConcurrency: settings.jobConcurrency,
    });
    statistics.addEventSource(
      new DynamoEventSource(data.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        // One batch per shard at a time, in order: the writer's per-shard watermarks rely on it.
        parallelizationFactor: 1,
        // A tumbling window makes Lambda put the batch's `shardId` on the event (plain stream events
        // carry none); the consumer keys its watermarks by it. The handler returns `state` as windows require.
        tumblingWindow: Duration.seconds(60),
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 10,
        maxRecordAge: Duration.hours(24),
        onFailure: new SqsDlq(streamDlq),
        // Only case heads count.
        filters: [lambda.FilterCriteria.filter({ dynamodb: { Keys: { SK: { S: lambda.FilterRule.isEqual('META') }, PK: { S: lambda.FilterRule.beginsWith('CASE#') } } } })],
      }),
    );
    // The event source names its mapping after the table's path; without the stack's parts in it,
    // as in every other logical ID, a deployed mapping keeps its place in the stream.
    const mapping = statistics.node.children.find((child) => child instanceof lambda.EventSourceMapping)!;
    (mapping.node.defaultChild as lambda.CfnEventSourceMapping).overrideLogicalId(
      logicalIdOfPath([statistics.node.id, `DynamoDBEventSource:${uniqueIdWithoutParts(data.table)}`, 'Resource']),
    );
    Validations.of(statistics.role!).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'StatisticsStreamRole: dynamodb:ListStreams (added by the stream event source) has no resource-level permissions; every other stream action is on the table\'s stream ARN.',
    });
    alarms.whenAny(
      this,
      'StatisticsDlqMessages',
      streamDlq.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD }),
      'Banshi: stream records the statistics consumer gave up on (replay them from the DLQ)',
    );
    return statistics;
  }

  private deadlineSweep({ functions }: JobsProps): NodejsFunction {
    const stack = Stack.of(this);
    const sweep = functions.add('DeadlineSweep', {
      ...JOB_FUNCTIONS.deadlineSweep,
      description: 'Records due-soon and overdue notices of open tasks from the sparse due index',
      memorySize: 256,
      timeout: Duration.minutes(5),
      // Query: the due index and the stored calendar; BatchGetItem: the regions of the tasks' cases.
      access: { table: ['dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:PutItem'], blobs: [] },
      reservedConcurrency: 1,
    });
    const sweepDlq = new sqs.Queue(this, 'SweepDlq', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(sweepDlq).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'SweepDlq is itself the dead-letter destination of the sweep schedule; it has no dead-letter queue of its own.',
    });
    const schedulerRole = new iam.Role(this, 'SweepSchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
      description: 'Banshi: EventBridge Scheduler invokes the deadline sweep',
    });
    new Schedule(this, 'SweepSchedule', {
      description: 'Banshi deadline sweep: every working morning and at noon, China Standard Time',
      schedule: ScheduleExpression.cron({ minute: '0', hour: '7,12', timeZone: TimeZone.ASIA_SHANGHAI }),
      target: new LambdaInvoke(sweep, { role: schedulerRole, deadLetterQueue: sweepDlq, retryAttempts: 2, maxEventAge: Duration.hours(1) }),
    });
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(sweep.node.defaultChild as lambda.CfnFunction)}.Arn>:*]`,
      reason: 'SweepSchedulerRole: lambda:InvokeFunction on the deadline sweep and its versions (the ARN:* form grantInvoke adds); no other function.',
    });
    return sweep;
  }
}
