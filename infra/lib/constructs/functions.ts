/**
 * Banshi's Lambda functions, each with its own log group, its own role granted exactly its
 * access (route-access.ts), and alarms on errors and throttles.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { BLOB_BUCKET_ENV } from '@banshi/functions/adapters/blobs/s3-blob-store';
import { REPO_ROOT } from '../api-functions.js';
import { LAMBDA_BUNDLING } from '../bundling.js';
import type { Access } from '../route-access.js';
import type { StageSettings } from '../stages.js';
import { ALARM_PERIOD, type Alarms } from './alarms.js';
import type { Data } from './data.js';
import { StackPart } from './stack-part.js';

/** The Lambda runtime: the newest Node.js Lambda offers (Banshi needs nodejs22.x or newer). */
export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_24_X;

export interface FunctionOptions {
  entry: string;
  handler: string;
  description: string;
  memorySize: number;
  timeout: Duration;
  access: Access;
  reservedConcurrency?: number;
  /** More environment variables for this function. */
  environment?: Record<string, string>;
}

export interface FunctionsProps {
  settings: StageSettings;
  data: Data;
  alarms: Alarms;
}

export class Functions extends StackPart {
  /** Every function, by construct id. */
  readonly all = new Map<string, NodejsFunction>();

  constructor(
    scope: Construct,
    id: string,
    private readonly props: FunctionsProps,
  ) {
    super(scope, id);
  }

  /** Adds a function with its logs, role and alarms. */
  add(id: string, options: FunctionOptions): NodejsFunction {
    const { settings, data, alarms } = this.props;
    const logGroup = new logs.LogGroup(this, `${id}Logs`, {
      retention: settings.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(this, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Banshi ${id}: ${options.description}`.slice(0, 1000),
    });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    const environment: Record<string, string> = {
      TABLE_NAME: data.table.tableName,
      LOG_LEVEL: settings.logLevel.toLowerCase(),
      POWERTOOLS_SERVICE_NAME: 'banshi',
      POWERTOOLS_LOG_LEVEL: settings.logLevel,
      NODE_OPTIONS: '--enable-source-maps',
      BANSHI_STAGE: settings.stage,
    };
    if (options.access.blobs.length > 0) environment[BLOB_BUCKET_ENV] = data.attachments.bucketName;
    Object.assign(environment, options.environment);
    const fn = new NodejsFunction(this, id, {
      entry: options.entry,
      handler: options.handler,
      description: options.description.slice(0, 256),
      runtime: LAMBDA_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: options.memorySize,
      timeout: options.timeout,
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}/package-lock.json`,
      bundling: LAMBDA_BUNDLING,
      environment,
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel[settings.logLevel],
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      ...(options.reservedConcurrency ? { reservedConcurrentExecutions: options.reservedConcurrency } : {}),
    });
    data.grant(role, options.access);
    alarms.whenAny(
      this,
      `${id}Errors`,
      fn.metricErrors({ period: ALARM_PERIOD, statistic: 'Sum' }),
      `Banshi ${id}: a function error (a 5xx or a failed job) in 5 minutes`,
    );
    alarms.whenAny(this, `${id}Throttles`, fn.metricThrottles({ period: ALARM_PERIOD, statistic: 'Sum' }), `Banshi ${id}: invocations throttled in 5 minutes`);
    this.all.set(id, fn);
    return fn;
  }
}
