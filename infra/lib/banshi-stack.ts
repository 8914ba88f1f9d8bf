/**
 * Banshi in AWS: everything `npm start` runs locally, as one stack per stage.
 *
 *   CloudFront ─┬─ /*            → S3 (the built web app, origin access control, SPA routing, security headers)
 *               ├─ /config.json  → S3, never cached: how the web app signs in (Cognito's hosted UI)
 *               └─ /api/*        → HTTP API (Cognito JWT authorizer) → one Lambda per route of routes.ts
 *   Cognito user pool + hosted UI domain; the web client signs in with the code grant and PKCE
 *   DynamoDB table (the store's own definition, KMS CMK, PITR, stream)
 *        └─ stream → statistics consumer (tumbling window for the shard id, SQS DLQ)
 *   EventBridge Scheduler → deadline sweep (sparse `due` index, no scan)
 *   S3 attachments bucket (presigned uploads, lifecycle)
 *
 * Nothing here looks anything up in an account: the stack synthesizes offline.
 */
import { existsSync } from 'node:fs';
import {
  Annotations,
  CfnOutput,
  Duration,
  Lazy,
  RemovalPolicy,
  Stack,
  TimeZone,
  Validations,
  type StackProps,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { INDEXES, STREAM_SPECIFICATION, TTL_ATTRIBUTE, tableDefinition } from '@banshi/functions/adapters/dynamo/table';
import { PRINCIPAL_ROLES } from '@banshi/functions/domain/permissions/principal';
import { BLOB_BUCKET_ENV } from '@banshi/functions/adapters/blobs/s3-blob-store';
import { contentSecurityPolicy as webContentSecurityPolicy } from '@banshi/functions/http/headers';
import { JOB_FUNCTIONS, REPO_ROOT, type ApiFunctionSpec } from './api-functions.js';
import { LAMBDA_BUNDLING } from './bundling.js';
import { writesTable, type Access, type TableAction } from './route-access.js';
import type { StageSettings } from './stages.js';

/** The Cognito custom attributes the functions read as `custom:<name>` claims (http/auth.ts). */
export const CUSTOM_ATTRIBUTES = ['department', 'staffRoles', 'level', 'region', 'kind', 'principals', 'idNumber', 'creditCode'] as const;

/** Where the hosted UI sends people back with a code, and after signing out (paths of the web origin; web/src/auth). */
export const AUTH_REDIRECT_PATH = '/auth/callback';
export const AUTH_SIGN_OUT_PATH = '/';
/** The origin of the Vite dev server (`npm run dev` of web/), allowed to sign in against the dev stage only. */
export const LOCAL_WEB_ORIGIN = 'http://localhost:5173';

/**
 * The default hosted UI domain prefix: the stack name (with the stage) and the account, as
 * Cognito prefixes are unique per region across all accounts — `Banshi-dev` → `banshi-dev-<account>`.
 */
export function defaultAuthDomainPrefix(stackName: string, stage: string, account: string): string {
  const base = stackName.toLowerCase().replace(/aws|amazon|cognito/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'banshi';
  const withStage = base.split('-').includes(stage) ? base : `${base}-${stage}`;
  return `${withStage.slice(0, 50).replace(/-+$/, '')}-${account}`;
}

/** The Lambda runtime: the newest Node.js Lambda offers (Banshi needs nodejs22.x or newer). */
export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_24_X;

export interface BanshiStackProps extends StackProps {
  settings: StageSettings;
  /** The API's functions, one per deployed route (`loadApiFunctionSpecs()`). */
  apiFunctions: ApiFunctionSpec[];
  /** The built web app to deploy (web/dist); skipped with a warning when missing. */
  webDistDir?: string;
}

interface FunctionOptions {
  entry: string;
  handler: string;
  description: string;
  memorySize: number;
  timeout: Duration;
  access: Access;
  reservedConcurrency?: number;
}

/** The security headers CloudFront adds to every response of the web app and the API. */
function contentSecurityPolicy(attachmentsOrigin: string, signInOrigin: string): string {
  // The same policy as `npm start` serves (functions/src/http/headers.ts). Attachments are uploaded
  // to (and large ones read from) presigned S3 URLs; the sign-in code is exchanged at the hosted
  // UI's token endpoint from the browser.
  return webContentSecurityPolicy([attachmentsOrigin, signInOrigin]);
}

/** Viewer-request rewrite for client-side routes: any path without a file extension is the app. */
const SPA_ROUTING = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

export class BanshiStack extends Stack {
  readonly table: dynamodb.Table;
  readonly api: HttpApi;
  readonly functions = new Map<string, NodejsFunction>();

  constructor(scope: Construct, id: string, props: BanshiStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const dataRemoval = settings.dataRemovalPolicy;

    // ---------------------------------------------------------------- keys, logs, alarms
    const dataKey = new kms.Key(this, 'DataKey', {
      description: 'Banshi data: the table, its stream, the dead-letter queues and the alarm topic',
      enableKeyRotation: true,
      removalPolicy: dataRemoval,
    });
    // CloudWatch publishes alarms to the encrypted topic.
    dataKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    const alarmTopic = new sns.Topic(this, 'Alarms', { masterKey: dataKey, enforceSSL: true, displayName: 'Banshi alarms' });
    if (settings.alarmEmail) {
      new sns.Subscription(this, 'AlarmMail', { topic: alarmTopic, protocol: sns.SubscriptionProtocol.EMAIL, endpoint: settings.alarmEmail });
    }
    const alarmAction = new SnsAction(alarmTopic);

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(settings.logRetentionDays) }],
      removalPolicy: dataRemoval,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'AccessLogs is the destination of the other buckets\' and CloudFront\'s access logs; logging it into itself would loop.',
    });

    // ---------------------------------------------------------------- data
    // The table is the store's own CreateTable definition (functions/src/adapters/dynamo/table.ts):
    // keys, indexes and projections cannot drift from what the code queries.
    const definition = tableDefinition('banshi');
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'SK', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: dataKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: settings.deletionProtection,
      stream: dynamodb.StreamViewType[STREAM_SPECIFICATION.StreamViewType],
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: dataRemoval,
    });
    for (const index of definition.GlobalSecondaryIndexes ?? []) {
      const [hash, range] = index.KeySchema ?? [];
      const projection = index.Projection?.ProjectionType;
      this.table.addGlobalSecondaryIndex({
        indexName: index.IndexName!,
        partitionKey: { name: hash.AttributeName!, type: dynamodb.AttributeType.STRING },
        ...(range ? { sortKey: { name: range.AttributeName!, type: dynamodb.AttributeType.STRING } } : {}),
        projectionType: projection === 'KEYS_ONLY' ? dynamodb.ProjectionType.KEYS_ONLY : projection === 'INCLUDE' ? dynamodb.ProjectionType.INCLUDE : dynamodb.ProjectionType.ALL,
        ...(index.Projection?.NonKeyAttributes ? { nonKeyAttributes: index.Projection.NonKeyAttributes } : {}),
      });
    }
    const indexArns = Object.values(INDEXES).map((index) => `${this.table.tableArn}/index/${index.name}`);

    // ---------------------------------------------------------------- web hosting (bucket first: CSP and CORS name it)
    const webBucket = new s3.Bucket(this, 'WebBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'web-bucket/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });

    // Named from pseudo parameters only, so the web app's CSP can name the bucket's domain while
    // the bucket's CORS rule names the distribution (no circular reference).
    const attachmentsBucketName = `banshi-${settings.stage}-attachments-${this.account}-${this.region}`;
    const attachmentsOrigin = `https://${attachmentsBucketName}.s3.${this.region}.${this.urlSuffix}`;
    const attachments = new s3.Bucket(this, 'Attachments', {
      bucketName: attachmentsBucketName,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'attachments/',
      removalPolicy: dataRemoval,
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // An attachment is written once; older copies exist only if someone overwrote one.
        { id: 'expire-overwritten', noncurrentVersionExpiration: Duration.days(30) },
        // Case files are read while a case is open, rarely after.
        { id: 'infrequent-after-a-quarter', transitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) }] },
      ],
    });

    // ---------------------------------------------------------------- identity
    const userPool = new cognito.UserPool(this, 'Users', {
      userPoolName: `banshi-${settings.stage}`,
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      standardAttributes: { fullname: { required: true, mutable: true } },
      customAttributes: Object.fromEntries(CUSTOM_ATTRIBUTES.map((name) => [name, new cognito.StringAttribute({ mutable: true, maxLen: 2048 })])),
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true, tempPasswordValidity: Duration.days(3) },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      // Accounts are provisioned and reset by administrators (no self sign-up, no SMS role).
      accountRecovery: cognito.AccountRecovery.NONE,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: settings.deletionProtection,
      removalPolicy: dataRemoval,
    });
    for (const role of PRINCIPAL_ROLES) {
      new cognito.CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: userPool.userPoolId, groupName: role, description: `Banshi principal role ${role}` });
    }
    // The hosted UI: people sign in there and come back to the web app with a code (web/src/auth).
    const signInDomain = userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: settings.authDomainPrefix ?? defaultAuthDomainPrefix(this.stackName, settings.stage, this.account) },
    });
    const signInOrigin = signInDomain.baseUrl();
    // The web origins that may sign in: CloudFront's domain, the custom domain, and in dev the Vite
    // dev server. Filled in once the distribution exists (it is created below, in front of the API
    // whose authorizer needs this client), hence the lazy lists.
    const signInOrigins: string[] = [];
    const standardRead = new cognito.ClientAttributes().withStandardAttributes({ fullname: true, email: true, emailVerified: true, phoneNumber: true, phoneNumberVerified: true });
    const webClient = userPool.addClient('WebClient', {
      // A public client (the browser): no secret; the code grant with PKCE (S256) instead.
      generateSecret: false,
      authFlows: { userSrp: true },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        // `profile` puts every attribute the client may read into the ID token (the custom ones included).
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.PROFILE, cognito.OAuthScope.EMAIL],
        callbackUrls: Lazy.list({ produce: () => signInOrigins.map((origin) => `${origin}${AUTH_REDIRECT_PATH}`) }),
        logoutUrls: Lazy.list({ produce: () => signInOrigins.map((origin) => `${origin}${AUTH_SIGN_OUT_PATH}`) }),
      },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(8),
      accessTokenValidity: Duration.hours(8),
      refreshTokenValidity: Duration.days(7),
      // Users may read their department, roles and region, but only administrators (through the
      // admin API) may set them: a user who could write custom:department could act for any office.
      readAttributes: standardRead.withCustomAttributes(...CUSTOM_ATTRIBUTES),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true, phoneNumber: true }),
    });

    // ---------------------------------------------------------------- functions
    const createFunction = (id: string, options: FunctionOptions): NodejsFunction => {
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
        TABLE_NAME: this.table.tableName,
        LOG_LEVEL: settings.logLevel.toLowerCase(),
        POWERTOOLS_SERVICE_NAME: 'banshi',
        POWERTOOLS_LOG_LEVEL: settings.logLevel,
        NODE_OPTIONS: '--enable-source-maps',
        BANSHI_STAGE: settings.stage,
      };
      if (options.access.blobs.length > 0) environment[BLOB_BUCKET_ENV] = attachments.bucketName;
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
      this.grantData(role, options.access, dataKey, indexArns, attachments);
      fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' })
        .createAlarm(this, `${id}Errors`, {
          alarmDescription: `Banshi ${id}: a function error (a 5xx or a failed job) in 5 minutes`,
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        })
        .addAlarmAction(alarmAction);
      fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' })
        .createAlarm(this, `${id}Throttles`, {
          alarmDescription: `Banshi ${id}: invocations throttled in 5 minutes`,
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        })
        .addAlarmAction(alarmAction);
      this.functions.set(id, fn);
      return fn;
    };

    // ---------------------------------------------------------------- API
    const accessLog = new logs.LogGroup(this, 'ApiAccessLogs', { retention: settings.logRetentionDays as logs.RetentionDays, removalPolicy: RemovalPolicy.DESTROY });
    this.api = new HttpApi(this, 'Api', {
      apiName: `banshi-${settings.stage}`,
      description: 'Banshi API: one Lambda per route of functions/src/handlers/routes.ts',
      createDefaultStage: false,
      ...(settings.webOrigin
        ? {
            corsPreflight: {
              allowOrigins: [settings.webOrigin],
              allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.DELETE],
              allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'accept-language'],
              exposeHeaders: ['location', 'x-request-id', 'idempotent-replayed'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });
    new HttpStage(this, 'ApiStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: settings.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLog),
        // No caller IP, no path (receipt numbers), no user: the route key says what was called.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTimeEpoch',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });
    const authorizer = new HttpUserPoolAuthorizer('Cognito', userPool, {
      userPoolClients: [webClient],
      identitySource: ['$request.header.Authorization'],
    });
    for (const spec of props.apiFunctions) {
      const fn = createFunction(spec.id, {
        entry: spec.entry,
        handler: spec.handler,
        description: `${spec.route.key}: ${spec.route.summary.en}`,
        memorySize: 512,
        timeout: Duration.seconds(10),
        access: spec.access,
      });
      const [method, path] = spec.route.key.split(' ');
      const [route] = this.api.addRoutes({
        path,
        methods: [method as HttpMethod],
        integration: new HttpLambdaIntegration(`${spec.id}Integration`, fn),
        ...(spec.route.auth ? { authorizer } : {}),
      });
      if (!spec.route.auth) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            spec.route.tag === 'health'
              ? `${spec.route.key} is the health check (for uptime monitors, before anyone signs in); it reads one unused key and answers only ok or 503.`
              : `${spec.route.key} is the public catalog and service guide (政务公开: anyone may read what an item needs before signing in); it reads published data only.`,
        });
      }
    }

    // ---------------------------------------------------------------- jobs: statistics from the stream
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
    const statistics = createFunction('StatisticsStream', {
      ...JOB_FUNCTIONS.statisticsStream,
      description: 'Counts case status changes from the table stream into the statistics items',
      memorySize: 256,
      timeout: Duration.seconds(60),
      access: { table: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], blobs: [] },
      reservedConcurrency: settings.jobConcurrency,
    });
    statistics.addEventSource(
      new DynamoEventSource(this.table, {
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
    Validations.of(statistics.role!).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'StatisticsStreamRole: dynamodb:ListStreams (added by the stream event source) has no resource-level permissions; every other stream action is on the table\'s stream ARN.',
    });
    new cloudwatch.Alarm(this, 'StatisticsDlqMessages', {
      alarmDescription: 'Banshi: stream records the statistics consumer gave up on (replay them from the DLQ)',
      metric: streamDlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(alarmAction);

    // ---------------------------------------------------------------- jobs: the deadline sweep
    const sweep = createFunction('DeadlineSweep', {
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
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': this.account } } }),
      description: 'Banshi: EventBridge Scheduler invokes the deadline sweep',
    });
    new Schedule(this, 'SweepSchedule', {
      description: 'Banshi deadline sweep: every working morning and at noon, China Standard Time',
      schedule: ScheduleExpression.cron({ minute: '0', hour: '7,12', timeZone: TimeZone.ASIA_SHANGHAI }),
      target: new LambdaInvoke(sweep, { role: schedulerRole, deadLetterQueue: sweepDlq, retryAttempts: 2, maxEventAge: Duration.hours(1) }),
    });
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(sweep.node.defaultChild as lambda.CfnFunction)}.Arn>:*]`,
      reason: 'SweepSchedulerRole: lambda:InvokeFunction on the deadline sweep and its versions (the ARN:* form grantInvoke adds); no other function.',
    });

    // ---------------------------------------------------------------- web: CloudFront in front of S3 and the API
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Banshi security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(attachmentsOrigin, signInOrigin), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, preload: true, override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });
    const spaRouting = new cloudfront.Function(this, 'SpaRouting', {
      code: cloudfront.FunctionCode.fromInline(SPA_ROUTING),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Banshi: client-side routes load index.html',
    });
    const apiDomain = `${this.api.apiId}.execute-api.${this.region}.${this.urlSuffix}`;
    const webFiles = S3BucketOrigin.withOriginAccessControl(webBucket);
    const distribution = new cloudfront.Distribution(this, 'Web', {
      comment: `Banshi web (${settings.stage})`,
      defaultRootObject: 'index.html',
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: accessLogs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: webFiles,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: spaRouting, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // How the web app signs in: read at every start-up, never from a cache, so a redeployed
        // stack's user pool and client count at once.
        '/config.json': {
          origin: webFiles,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          responseHeadersPolicy: headers,
        },
        '/api/*': {
          origin: new HttpOrigin(apiDomain, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });
    const webOrigin = settings.webOrigin ?? `https://${distribution.distributionDomainName}`;
    signInOrigins.push(`https://${distribution.distributionDomainName}`, ...(settings.webOrigin ? [settings.webOrigin] : []), ...(settings.stage === 'dev' ? [LOCAL_WEB_ORIGIN] : []));
    attachments.addCorsRule({
      allowedOrigins: [webOrigin],
      allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET],
      allowedHeaders: ['content-type', 'if-none-match'],
      exposedHeaders: ['etag'],
      maxAge: 3600,
    });
    for (const rule of ['AwsSolutions-CFR1', 'AwsSolutions-CFR2', 'AwsSolutions-CFR4']) {
      Validations.of(distribution).acknowledge({
        id: rule,
        reason: {
          'AwsSolutions-CFR1': 'Web (the CloudFront distribution): Banshi serves applicants wherever they are (citizens and enterprises abroad apply too); a geo restriction would lock them out.',
          'AwsSolutions-CFR2': 'Web (the CloudFront distribution): a WAF web ACL for CloudFront lives in us-east-1 and is managed by the province\'s security team per account; infra/README.md says how to attach it (webAclId).',
          'AwsSolutions-CFR4': 'Web (the CloudFront distribution): without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose TLS floor (TLSv1) cannot be raised; infra/README.md says how to add the domain\'s certificate and TLSv1.2_2021.',
        }[rule]!,
      });
    }

    if (props.webDistDir && existsSync(`${props.webDistDir}/index.html`)) {
      const deployment = new BucketDeployment(this, 'WebDeployment', {
        sources: [
          Source.asset(props.webDistDir),
          // The web app's runtime configuration (web/src/auth/auth-config.ts); the ids resolve at deploy time.
          Source.jsonData('config.json', {
            auth: {
              kind: 'cognito',
              region: this.region,
              userPoolId: userPool.userPoolId,
              clientId: webClient.userPoolClientId,
              domain: signInOrigin,
              redirectPath: AUTH_REDIRECT_PATH,
              signOutPath: AUTH_SIGN_OUT_PATH,
            },
          }),
        ],
        destinationBucket: webBucket,
        distribution,
        distributionPaths: ['/*'],
        memoryLimit: 512,
      });
      this.acknowledgeBucketDeployment(deployment, webBucket);
    } else {
      Annotations.of(this).addWarningV2(
        'banshi:web-not-built',
        `The web app is not built (${props.webDistDir ?? 'no folder given'} has no index.html): the stack deploys no web files. Run "npm run build:web" first.`,
      );
    }

    // ---------------------------------------------------------------- acknowledgements that concern the stack as a whole
    Validations.of(userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason: 'Users: MFA is optional (TOTP offered) because applicants sign in from phones with SMS-free accounts; staff accounts are enrolled in TOTP by the administrators.',
    });

    // ---------------------------------------------------------------- outputs
    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'The DynamoDB table (seed it with npm run seed:aws)' });
    new CfnOutput(this, 'ApiEndpoint', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'WebUrl', { value: `https://${distribution.distributionDomainName}` });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: webClient.userPoolClientId });
    new CfnOutput(this, 'SignInDomain', { value: signInOrigin, description: 'The Cognito hosted UI the web app signs in through' });
    new CfnOutput(this, 'AttachmentsBucket', { value: attachments.bucketName });
    new CfnOutput(this, 'WebBucketName', { value: webBucket.bucketName });
  }

  /** Grants exactly the table, key and bucket actions of `access`, with no wildcard. */
  private grantData(role: iam.Role, access: Access, key: kms.IKey, indexArns: string[], attachments: s3.IBucket): void {
    const itemActions = access.table;
    if (itemActions.length > 0) {
      role.addToPolicy(new iam.PolicyStatement({ sid: 'TableItems', actions: [...itemActions], resources: [this.table.tableArn] }));
      if (itemActions.includes('dynamodb:Query' satisfies TableAction)) {
        role.addToPolicy(new iam.PolicyStatement({ sid: 'TableIndexes', actions: ['dynamodb:Query'], resources: indexArns }));
      }
      // DynamoDB decrypts the table key with the caller's permission; writers also encrypt.
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'TableKey',
          actions: writesTable(access) ? ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt', 'kms:DescribeKey'],
          resources: [key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${this.region}.${this.urlSuffix}` } },
        }),
      );
    }
    if (access.blobs.length > 0) {
      role.addToPolicy(new iam.PolicyStatement({ sid: 'Attachments', actions: [...access.blobs], resources: [attachments.arnForObjects('*')] }));
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(attachments.node.defaultChild as s3.CfnBucket)}.Arn>/*]`,
        reason: `${role.node.id}: attachment objects are named by random blob ids (b-<32 hex>) created per upload; the function reaches them only through ids its DynamoDB record holds, so the grant covers the attachments bucket's objects and no other bucket.`,
      });
    }
  }

  /** The BucketDeployment's provider function is CDK's own; its findings are acknowledged here with the reason. */
  private acknowledgeBucketDeployment(deployment: BucketDeployment, webBucket: s3.Bucket): void {
    const handler = this.node.findAll().filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    const webBucketId = this.getLogicalId(webBucket.node.defaultChild as s3.CfnBucket);
    const wildcards = [
      'Resource::*',
      'Action::s3:GetObject*',
      'Action::s3:GetBucket*',
      'Action::s3:List*',
      'Action::s3:DeleteObject*',
      'Action::s3:Abort*',
      'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
      `Resource::<${webBucketId}.Arn>/*`,
    ];
    for (const construct of handler) {
      for (const finding of wildcards) {
        Validations.of(construct).acknowledge({
          id: `AwsSolutions-IAM5[${finding}]`,
          reason: `CDK's BucketDeployment provider copies the web app from the CDK asset bucket into the web bucket and invalidates CloudFront at deploy time; its role is CDK's own (${finding.split('::')[1]}), limited to those two buckets and the distribution.`,
        });
      }
      Validations.of(construct).acknowledge({ id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: 'CDK\'s BucketDeployment provider (copies web/dist into the web bucket at deploy time) uses the AWS basic execution role for its own logs.' });
      Validations.of(construct).acknowledge({ id: 'AwsSolutions-L1', reason: 'CDK\'s BucketDeployment provider pins its own runtime; it runs only during deployments.' });
    }
    void deployment;
  }
}
