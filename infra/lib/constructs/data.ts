/**
 * What Banshi keeps: the customer-managed key, the DynamoDB table (the store's own definition,
 * PITR, stream), the attachments bucket (presigned uploads, lifecycle) and the bucket every
 * access log lands in — and the one place functions are granted access to them.
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { INDEXES, STREAM_SPECIFICATION, TTL_ATTRIBUTE, tableDefinition } from '@banshi/functions/adapters/dynamo/table';
import { writesTable, type Access, type TableAction } from '../route-access.js';
import type { StageSettings } from '../stages.js';
import { StackPart } from './stack-part.js';

export interface DataProps {
  settings: StageSettings;
}

export class Data extends StackPart {
  /** Encrypts the table, its stream, the dead-letter queues and the alarm topic. */
  readonly key: kms.Key;
  readonly table: dynamodb.Table;
  readonly attachments: s3.Bucket;
  /** The attachments bucket's origin, for the web app's CSP (named without a reference to the bucket). */
  readonly attachmentsOrigin: string;
  /** Where the buckets and CloudFront write their access logs. */
  readonly accessLogs: s3.Bucket;
  private readonly indexArns: string[];

  constructor(scope: Construct, id: string, { settings }: DataProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const dataRemoval = settings.dataRemovalPolicy;

    this.key = new kms.Key(this, 'DataKey', {
      description: 'Banshi data: the table, its stream, the dead-letter queues and the alarm topic',
      enableKeyRotation: true,
      removalPolicy: dataRemoval,
    });
    // CloudWatch publishes alarms to the encrypted topic.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );

    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(settings.logRetentionDays) }],
      removalPolicy: dataRemoval,
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'AccessLogs is the destination of the other buckets\' and CloudFront\'s access logs; logging it into itself would loop.',
    });

    // The table is the store's own CreateTable definition (functions/src/adapters/dynamo/table.ts):
    // keys, indexes and projections cannot drift from what the code queries.
    const definition = tableDefinition('banshi');
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'SK', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
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
    this.indexArns = Object.values(INDEXES).map((index) => `${this.table.tableArn}/index/${index.name}`);

    // Named from pseudo parameters only, so the web app's CSP can name the bucket's domain while
    // the bucket's CORS rule names the distribution (no circular reference).
    const attachmentsBucketName = `banshi-${settings.stage}-attachments-${stack.account}-${stack.region}`;
    this.attachmentsOrigin = `https://${attachmentsBucketName}.s3.${stack.region}.${stack.urlSuffix}`;
    this.attachments = new s3.Bucket(this, 'Attachments', {
      bucketName: attachmentsBucketName,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
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
  }

  /** Lets the web app at `origin` upload attachments to, and read them from, presigned URLs. */
  allowWebOrigin(origin: string): void {
    this.attachments.addCorsRule({
      allowedOrigins: [origin],
      allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET],
      allowedHeaders: ['content-type', 'if-none-match'],
      exposedHeaders: ['etag'],
      maxAge: 3600,
    });
  }

  /** Grants exactly the table, key and bucket actions of `access`, with no wildcard. */
  grant(role: iam.Role, access: Access): void {
    const stack = Stack.of(this);
    const itemActions = access.table;
    if (itemActions.length > 0) {
      role.addToPolicy(new iam.PolicyStatement({ sid: 'TableItems', actions: [...itemActions], resources: [this.table.tableArn] }));
      if (itemActions.includes('dynamodb:Query' satisfies TableAction)) {
        role.addToPolicy(new iam.PolicyStatement({ sid: 'TableIndexes', actions: ['dynamodb:Query'], resources: this.indexArns }));
      }
      // DynamoDB decrypts the table key with the caller's permission; writers also encrypt.
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'TableKey',
          actions: writesTable(access) ? ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt', 'kms:DescribeKey'],
          resources: [this.key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${stack.region}.${stack.urlSuffix}` } },
        }),
      );
    }
    if (access.blobs.length > 0) {
      role.addToPolicy(new iam.PolicyStatement({ sid: 'Attachments', actions: [...access.blobs], resources: [this.attachments.arnForObjects('*')] }));
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.attachments.node.defaultChild as s3.CfnBucket)}.Arn>/*]`,
        reason: `${role.node.id}: attachment objects are named by random blob ids (b-<32 hex>) created per upload; the function reaches them only through ids its DynamoDB record holds, so the grant covers the attachments bucket's objects and no other bucket.`,
      });
    }
  }
}
