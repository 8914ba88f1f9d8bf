import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { App } from 'aws-cdk-lib';
import { CachePolicy } from 'aws-cdk-lib/aws-cloudfront';
import { beforeAll, describe, expect, it } from 'vitest';
import { INDEXES, TTL_ATTRIBUTE, tableDefinition } from '@banshi/functions/adapters/dynamo/table';
import { BLOB_BUCKET_ENV } from '@banshi/functions/adapters/blobs/s3-blob-store';
import { PRINCIPAL_ROLES } from '@banshi/functions/domain/permissions/principal';
import { routes } from '@banshi/functions/handlers/routes';
import { deployedRoutes, loadApiFunctionSpecs } from '../lib/api-functions.js';
import { AUTH_REDIRECT_PATH, BanshiStack, CUSTOM_ATTRIBUTES, defaultAuthDomainPrefix, LOCAL_WEB_ORIGIN } from '../lib/banshi-stack.js';
import { isLocalOnly } from '../lib/route-access.js';
import { stageSettings } from '../lib/stages.js';
import { synthBanshi, type SynthesizedBanshi } from './synth-app.js';
import { ROUTE_CONTRACT_ENV, routeContractJson } from '@banshi/functions/handlers/route-handler';

type Resources = Record<string, { Type: string; Properties: Record<string, any>; DeletionPolicy?: string }>;

let dev: SynthesizedBanshi;
let resources: Resources;

beforeAll(async () => {
  dev = await synthBanshi({ webOrigin: 'https://banshi.example.gov.cn' });
  resources = dev.template.toJSON().Resources as Resources;
}, 240_000);

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) => dev.stack.getLogicalId(construct.node.defaultChild as never);

/** The actions of every statement of the role's inline policies, with their resources. */
function statementsOf(roleLogicalId: string): { actions: string[]; resources: unknown[] }[] {
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleLogicalId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
    .map((s) => ({ actions: [s.Action].flat(), resources: [s.Resource].flat() }));
}

describe('the table', () => {
  it('has the store\'s keys, on-demand billing, the stream and TTL', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
    });
  });

  it('has exactly the indexes the store defines, with their keys and projections', () => {
    const [, table] = ofType('AWS::DynamoDB::Table')[0];
    const expected = tableDefinition('any').GlobalSecondaryIndexes!.map((i) => ({ IndexName: i.IndexName, KeySchema: i.KeySchema, Projection: i.Projection }));
    const actual = (table.Properties.GlobalSecondaryIndexes as Record<string, unknown>[]).map((i) => ({ IndexName: i.IndexName, KeySchema: i.KeySchema, Projection: i.Projection }));
    expect(actual.sort((a, b) => String(a.IndexName).localeCompare(String(b.IndexName)))).toEqual(
      expected.sort((a, b) => String(a.IndexName).localeCompare(String(b.IndexName))),
    );
    expect(actual.map((i) => i.IndexName).sort()).toEqual(Object.values(INDEXES).map((i) => i.name).sort());
  });

  it('is encrypted with a customer-managed key that rotates', () => {
    const [, table] = ofType('AWS::DynamoDB::Table')[0];
    const keyId = table.Properties.SSESpecification.KMSMasterKeyId['Fn::GetAtt'][0];
    expect(resources[keyId]).toMatchObject({ Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } });
  });

  it('is deleted with a dev stack and kept, with deletion protection, in prod', async () => {
    const [, devTable] = ofType('AWS::DynamoDB::Table')[0];
    expect(devTable.DeletionPolicy).toBe('Delete');
    expect(devTable.Properties.DeletionProtectionEnabled).toBe(false);

    const app = new App({ context: { stage: 'prod' } });
    const prod = new BanshiStack(app, 'Banshi-prod', { settings: stageSettings(app.node), apiFunctions: await loadApiFunctionSpecs(), webDistDir: undefined });
    const prodTemplate = Template.fromStack(prod);
    prodTemplate.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: { DeletionProtectionEnabled: true } });
    prodTemplate.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
    prodTemplate.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain', Properties: { BucketName: Match.anyValue() } });
    prodTemplate.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
    // The Vite dev server may sign in against the dev stage only.
    const [prodClient] = Object.values(prodTemplate.findResources('AWS::Cognito::UserPoolClient'));
    expect(JSON.stringify(prodClient.Properties.CallbackURLs)).not.toContain('localhost');
    expect(JSON.stringify(prodClient.Properties.LogoutURLs)).not.toContain('localhost');
    prodTemplate.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: { 'Fn::Join': ['', ['banshi-prod-', { Ref: 'AWS::AccountId' }]] } });
  }, 240_000);
});

describe('the functions', () => {
  it('are one per deployed route of the route table, plus the stream consumer and the sweep', () => {
    expect(deployedRoutes().length).toBe(routes.filter((r) => !isLocalOnly(r)).length);
    expect([...dev.stack.functions.keys()].sort()).toEqual([...dev.apiFunctions.map((f) => f.id), 'StatisticsStream', 'DeadlineSweep'].sort());
  });

  it('run Node.js 22 or newer on arm64 with the memory, timeout and environment they need', () => {
    for (const [id, fn] of dev.stack.functions) {
      const props = resources[logicalIdOf(fn)].Properties;
      expect(Number(/^nodejs(\d+)\.x$/.exec(props.Runtime)?.[1]), id).toBeGreaterThanOrEqual(22);
      expect(props.Architectures, id).toEqual(['arm64']);
      expect(props.MemorySize, id).toBe(id === 'StatisticsStream' || id === 'DeadlineSweep' ? 256 : 512);
      expect(props.Handler, id).toMatch(/^index\.[A-Za-z]+$/);
      const env = props.Environment.Variables as Record<string, unknown>;
      expect(env.TABLE_NAME, id).toEqual({ Ref: logicalIdOf(dev.stack.table) });
      expect(env, id).toMatchObject({ LOG_LEVEL: 'debug', POWERTOOLS_SERVICE_NAME: 'banshi', NODE_OPTIONS: '--enable-source-maps', BANSHI_STAGE: 'dev' });
      const spec = dev.apiFunctions.find((f) => f.id === id);
      expect(BLOB_BUCKET_ENV in env, id).toBe((spec?.access.blobs.length ?? 0) > 0);
      // A route's function checks requests by its contract from the route table; the jobs have none.
      expect(env[ROUTE_CONTRACT_ENV], id).toEqual(spec ? routeContractJson(spec.route) : undefined);
      expect(props.LoggingConfig, id).toMatchObject({ LogFormat: 'JSON', ApplicationLogLevel: 'DEBUG', SystemLogLevel: 'WARN' });
    }
  });

  it('are granted exactly the actions of their route, on the table, its indexes, the key and the bucket', () => {
    for (const spec of dev.apiFunctions) {
      const fn = dev.stack.functions.get(spec.id)!;
      const roleId = logicalIdOf(fn.role as never);
      const statements = statementsOf(roleId);
      const granted = new Set(statements.flatMap((s) => s.actions));
      const expected = new Set<string>(['logs:CreateLogStream', 'logs:PutLogEvents', ...spec.access.table, ...spec.access.blobs]);
      if (spec.access.table.length > 0) {
        expected.add('kms:Decrypt');
        expected.add('kms:DescribeKey');
        if (spec.access.table.some((a) => /Put|Update|Delete/.test(a))) {
          expected.add('kms:Encrypt');
          expected.add('kms:GenerateDataKey');
        }
      }
      expect([...granted].sort(), spec.route.key).toEqual([...expected].sort());
      expect([...granted].some((a) => a.includes('*')), spec.route.key).toBe(false);
      const indexStatement = statements.find((s) => s.actions.length === 1 && s.actions[0] === 'dynamodb:Query' && s.resources.length === Object.keys(INDEXES).length);
      expect(Boolean(indexStatement), spec.route.key).toBe(spec.access.table.includes('dynamodb:Query'));
    }
  });

  it('gives GET /api/me no data access at all, and the catalog only reads', () => {
    const me = dev.apiFunctions.find((f) => f.route.key === 'GET /api/me')!;
    expect(me.access).toEqual({ table: [], blobs: [] });
    for (const spec of dev.apiFunctions.filter((f) => f.route.tag === 'catalog')) {
      expect(spec.access.table, spec.route.key).toEqual(['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query']);
    }
  });

  it('give the jobs their own narrow grants', () => {
    const actionsOf = (id: string) => new Set(statementsOf(logicalIdOf(dev.stack.functions.get(id)!.role as never)).flatMap((s) => s.actions));
    expect([...actionsOf('DeadlineSweep')].sort()).toEqual(
      ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey', 'logs:CreateLogStream', 'logs:PutLogEvents'].sort(),
    );
    const stream = actionsOf('StatisticsStream');
    for (const action of ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'sqs:SendMessage']) {
      expect(stream.has(action), action).toBe(true);
    }
    expect(stream.has('dynamodb:PutItem') || stream.has('dynamodb:DeleteItem') || stream.has('dynamodb:Query')).toBe(false);
  });

  it('each have an error alarm and a throttle alarm', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    for (const [id, fn] of dev.stack.functions) {
      const name = logicalIdOf(fn);
      for (const metric of ['Errors', 'Throttles']) {
        const found = alarms.some((a) => a.MetricName === metric && a.Dimensions?.some((d: { Value: { Ref?: string } }) => d.Value.Ref === name) && a.AlarmActions?.length === 1);
        expect(found, `${id} ${metric}`).toBe(true);
      }
    }
  });
});

describe('the API', () => {
  it('has a route for every deployed route and none for the development sign-in', () => {
    const keys = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey as string);
    expect(keys.sort()).toEqual(deployedRoutes().map((r) => r.key).sort());
    expect(keys).not.toContain('POST /api/auth/dev-sign-in');
  });

  it('puts the Cognito JWT authorizer on every route except the public catalog, guide and health check', () => {
    const [authorizerId] = ofType('AWS::ApiGatewayV2::Authorizer')[0];
    for (const [, route] of ofType('AWS::ApiGatewayV2::Route')) {
      const spec = routes.find((r) => r.key === route.Properties.RouteKey)!;
      if (spec.auth) {
        expect(route.Properties, spec.key).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
      } else {
        expect(['catalog', 'health'], spec.key).toContain(spec.tag);
        expect(route.Properties.AuthorizationType ?? 'NONE', spec.key).toBe('NONE');
      }
    }
  });

  it('checks ID tokens of the web client: the audience is the app client, the issuer the user pool', () => {
    const [, authorizer] = ofType('AWS::ApiGatewayV2::Authorizer')[0];
    const [clientId] = ofType('AWS::Cognito::UserPoolClient')[0];
    const [poolId] = ofType('AWS::Cognito::UserPool')[0];
    expect(authorizer.Properties).toMatchObject({ AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'], JwtConfiguration: { Audience: [{ Ref: clientId }] } });
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toContain(poolId);
  });

  it('defines the custom attributes the functions read as claims, and one group per role', () => {
    const [, pool] = ofType('AWS::Cognito::UserPool')[0];
    const custom = (pool.Properties.Schema as { Name: string; AttributeDataType: string; Mutable: boolean }[]).filter((a) => CUSTOM_ATTRIBUTES.includes(a.Name as never));
    expect(custom.map((a) => a.Name).sort()).toEqual([...CUSTOM_ATTRIBUTES].sort());
    expect(ofType('AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName).sort()).toEqual([...PRINCIPAL_ROLES].sort());
    const [, client] = ofType('AWS::Cognito::UserPoolClient')[0];
    expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining(CUSTOM_ATTRIBUTES.map((a) => `custom:${a}`)));
    expect((client.Properties.WriteAttributes as string[]).some((a) => a.startsWith('custom:'))).toBe(false);
  });

  it('throttles, writes access logs without personal data, and allows CORS from the web origin only', () => {
    const [, stage] = ofType('AWS::ApiGatewayV2::Stage')[0];
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format as string) as Record<string, string>;
    expect(Object.values(format)).not.toContain('$context.identity.sourceIp');
    expect(Object.values(format)).not.toContain('$context.path');
    expect(format.routeKey).toBe('$context.routeKey');
    dev.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: { AllowOrigins: ['https://banshi.example.gov.cn'] } });
  });
});

describe('signing in through the hosted UI', () => {
  const cognitoOf = (type: string) => ofType(type)[0];
  const distributionDomain = () => ({ 'Fn::GetAtt': [ofType('AWS::CloudFront::Distribution')[0][0], 'DomainName'] });

  it('gives the user pool a hosted UI domain named from the stack, the stage and the account', () => {
    const [, domain] = cognitoOf('AWS::Cognito::UserPoolDomain');
    expect(domain.Properties).toEqual({ Domain: { 'Fn::Join': ['', ['banshi-dev-', { Ref: 'AWS::AccountId' }]] }, UserPoolId: { Ref: cognitoOf('AWS::Cognito::UserPool')[0] } });
    expect(defaultAuthDomainPrefix('Banshi-dev', 'dev', '123456789012')).toBe('banshi-dev-123456789012');
    expect(defaultAuthDomainPrefix('Province-Portal', 'prod', '123456789012')).toBe('province-portal-prod-123456789012');
  });

  it('takes the domain prefix from context, and refuses one Cognito would refuse', () => {
    const settings = (prefix: string) => stageSettings(new App({ context: { stage: 'prod', authDomainPrefix: prefix } }).node);
    expect(settings('nmg-banshi').authDomainPrefix).toBe('nmg-banshi');
    for (const bad of ['Banshi', 'banshi_prod', '-banshi', 'banshi-aws', 'my-cognito', 'x'.repeat(64)]) expect(() => settings(bad), bad).toThrow(/authDomainPrefix/);
  });

  it('lets the web client use the code grant (PKCE, no secret) with openid, profile and email, back to the web origins only', () => {
    const [, client] = cognitoOf('AWS::Cognito::UserPoolClient');
    expect(client.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      SupportedIdentityProviders: ['COGNITO'],
    });
    expect([...client.Properties.AllowedOAuthScopes].sort()).toEqual(['email', 'openid', 'profile']);
    const cloudFront = (path: string) => ({ 'Fn::Join': ['', ['https://', distributionDomain(), path]] });
    expect(client.Properties.CallbackURLs).toEqual([cloudFront(AUTH_REDIRECT_PATH), `https://banshi.example.gov.cn${AUTH_REDIRECT_PATH}`, `${LOCAL_WEB_ORIGIN}${AUTH_REDIRECT_PATH}`]);
    expect(client.Properties.LogoutURLs).toEqual([cloudFront('/'), 'https://banshi.example.gov.cn/', `${LOCAL_WEB_ORIGIN}/`]);
  });

  it('deploys config.json with the pool, the client and the hosted UI domain, resolved at deploy time', () => {
    const [, deployment] = ofType('Custom::CDKBucketDeployment')[0];
    const keys = deployment.Properties.SourceObjectKeys as string[];
    const markers = deployment.Properties.SourceMarkers as Record<string, unknown>[];
    const index = markers.findIndex((m) => Object.keys(m).length > 0);
    expect(deployment.Properties.SourceMarkersConfig[index]).toEqual({ jsonEscape: true });
    // The staged file: markers where the stack's values go in at deploy time.
    const file = JSON.parse(readFileSync(join(dev.app.outdir, `asset.${keys[index].replace(/\.zip$/, '')}`, 'config.json'), 'utf8')) as { auth: Record<string, string> };
    const valueOf = (field: string) => markers[index][file.auth[field]] ?? file.auth[field];
    expect(file.auth.kind).toBe('cognito');
    expect(valueOf('region')).toEqual({ Ref: 'AWS::Region' });
    expect(valueOf('userPoolId')).toEqual({ Ref: cognitoOf('AWS::Cognito::UserPool')[0] });
    expect(valueOf('clientId')).toEqual({ Ref: cognitoOf('AWS::Cognito::UserPoolClient')[0] });
    expect(file.auth.domain).toMatch(/^https:\/\/<<marker:[^>]+>>\.auth\.<<marker:[^>]+>>\.amazoncognito\.com$/);
    expect(Object.values(markers[index])).toContainEqual({ Ref: cognitoOf('AWS::Cognito::UserPoolDomain')[0] });
    expect(file.auth).toMatchObject({ redirectPath: AUTH_REDIRECT_PATH, signOutPath: '/' });
  });

  it('serves config.json uncached, and lets the page reach the hosted UI\'s token endpoint', () => {
    const [, distribution] = ofType('AWS::CloudFront::Distribution')[0];
    const behavior = (distribution.Properties.DistributionConfig.CacheBehaviors as { PathPattern: string; CachePolicyId: string }[]).find((b) => b.PathPattern === '/config.json');
    expect(behavior?.CachePolicyId).toBe(CachePolicy.CACHING_DISABLED.cachePolicyId);
    const [, policy] = ofType('AWS::CloudFront::ResponseHeadersPolicy')[0];
    const csp = JSON.stringify(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy);
    expect(csp).toContain(`{"Ref":"${cognitoOf('AWS::Cognito::UserPoolDomain')[0]}"}`);
    expect(csp).toContain('amazoncognito.com');
  });
});

describe('buckets, web and jobs', () => {
  it('block every kind of public access on every bucket and refuse plain HTTP', () => {
    const buckets = ofType('AWS::S3::Bucket');
    expect(buckets.length).toBe(3);
    for (const [id, bucket] of buckets) {
      expect(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(bucket.Properties.BucketEncryption, id).toBeDefined();
    }
    const sslOnly = ofType('AWS::S3::BucketPolicy').filter(([, p]) => JSON.stringify(p.Properties.PolicyDocument).includes('"aws:SecureTransport":"false"'));
    expect(sslOnly.length).toBe(3);
  });

  it('lets browsers upload attachments from the web origin only, and ages them out by rule', () => {
    dev.template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['https://banshi.example.gov.cn'], AllowedMethods: ['PUT', 'GET'] })] },
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } })]) },
    });
  });

  it('serves the web app through CloudFront with origin access control, security headers and SPA routing', () => {
    dev.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    dev.template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: Match.anyValue(), Override: true },
          StrictTransportSecurity: { AccessControlMaxAgeSec: 31_536_000, IncludeSubdomains: true },
          FrameOptions: { FrameOption: 'DENY' },
          ContentTypeOptions: { Override: true },
        },
      },
    });
    const [, policy] = ofType('AWS::CloudFront::ResponseHeadersPolicy')[0];
    const csp = JSON.stringify(policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy);
    for (const directive of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'", 'connect-src']) expect(csp).toContain(directive);
    const [, distribution] = ofType('AWS::CloudFront::Distribution')[0];
    const config = distribution.Properties.DistributionConfig;
    expect(config.DefaultCacheBehavior.FunctionAssociations[0].EventType).toBe('viewer-request');
    expect(config.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern).sort()).toEqual(['/api/*', '/config.json']);
    dev.template.hasResourceProperties('AWS::CloudFront::Function', { FunctionCode: Match.stringLikeRegexp('index.html') });
    dev.template.resourceCountIs('Custom::CDKBucketDeployment', 1);
  });

  it('skips the web files with a warning when the web app is not built', async () => {
    const app = new App({ context: { stage: 'dev' } });
    const stack = new BanshiStack(app, 'Banshi-noweb', { settings: stageSettings(app.node), apiFunctions: dev.apiFunctions, webDistDir: '/nonexistent/web/dist' });
    Template.fromStack(stack).resourceCountIs('Custom::CDKBucketDeployment', 0);
    Annotations.fromStack(stack).hasWarning('/Banshi-noweb', Match.stringLikeRegexp('npm run build:web'));
  }, 240_000);

  it('runs the deadline sweep from EventBridge Scheduler, in China Standard Time, with a dead-letter queue', () => {
    const sweep = logicalIdOf(dev.stack.functions.get('DeadlineSweep')!);
    const [, schedule] = ofType('AWS::Scheduler::Schedule')[0];
    expect(schedule.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 7,12 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      State: 'ENABLED',
      Target: { Arn: { 'Fn::GetAtt': [sweep, 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 2 }, DeadLetterConfig: { Arn: expect.anything() } },
    });
  });

  it('feeds the statistics consumer one ordered batch per shard, with the shard id, partial failures and a DLQ', () => {
    dev.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalIdOf(dev.stack.functions.get('StatisticsStream')!) },
      ParallelizationFactor: 1,
      TumblingWindowInSeconds: 60,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      StartingPosition: 'TRIM_HORIZON',
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: { Filters: [{ Pattern: Match.stringLikeRegexp('CASE#') }] },
    });
  });
});

describe('the parts of the stack', () => {
  it('leave the logical IDs of what holds data or state as a flat stack names them, so a deployment never replaces it', () => {
    const logicalIds = (type: string) => ofType(type).map(([id]) => id).sort();

    expect(logicalIds('AWS::DynamoDB::Table')).toEqual(['TableCD117FA1']);
    expect(logicalIds('AWS::KMS::Key')).toEqual(['DataKey17AFBB84']);
    expect(logicalIds('AWS::S3::Bucket')).toEqual(['AccessLogs8B620ECA', 'Attachments87B238D3', 'WebBucket12880F5B']);
    expect(logicalIds('AWS::Cognito::UserPool')).toEqual(['Users0A0EEA89']);
    expect(logicalIds('AWS::Cognito::UserPoolDomain')).toEqual(['UsersSignIn9CB6F01C']);
    expect(logicalIds('AWS::Cognito::UserPoolClient')).toEqual(['UsersWebClient8EE36D42']);
    expect(logicalIds('AWS::CloudFront::Distribution')).toEqual(['Web3C8945DB']);
    expect(logicalIds('AWS::SQS::Queue')).toEqual(['StatisticsDlqDF5B8D3E', 'SweepDlq9A5FCCF5']);
    expect(logicalIds('AWS::Lambda::EventSourceMapping')).toEqual(['StatisticsStreamDynamoDBEventSourceBanshidevTable63E213E91C293F55']);
  });
});
