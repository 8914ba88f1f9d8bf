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
 * Each part is a construct of constructs/; the parts add nothing to logical IDs (stack-part.ts).
 * Nothing here looks anything up in an account: the stack synthesizes offline.
 */
import { CfnOutput, Stack, type CfnElement, type StackProps } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import type { ApiFunctionSpec } from './api-functions.js';
import { Alarms } from './constructs/alarms.js';
import { Data } from './constructs/data.js';
import { Functions } from './constructs/functions.js';
import { BanshiHttpApi } from './constructs/http-api.js';
import { Jobs } from './constructs/jobs.js';
import { LOCAL_WEB_ORIGIN, SignIn } from './constructs/sign-in.js';
import { logicalIdOfPath, StackPart } from './constructs/stack-part.js';
import { Web } from './constructs/web.js';
import type { StageSettings } from './stages.js';

export { LAMBDA_RUNTIME } from './constructs/functions.js';
export { AUTH_REDIRECT_PATH, AUTH_SIGN_OUT_PATH, CUSTOM_ATTRIBUTES, defaultAuthDomainPrefix, LOCAL_WEB_ORIGIN } from './constructs/sign-in.js';

export interface BanshiStackProps extends StackProps {
  settings: StageSettings;
  /** The API's functions, one per deployed route (`loadApiFunctionSpecs()`). */
  apiFunctions: ApiFunctionSpec[];
  /** The built web app to deploy (web/dist); skipped with a warning when missing. */
  webDistDir?: string;
}

export class BanshiStack extends Stack {
  readonly table: dynamodb.Table;
  readonly api: HttpApi;
  /** Every function, by construct id: the API's and the jobs'. */
  readonly functions: Map<string, NodejsFunction>;

  constructor(scope: Construct, id: string, props: BanshiStackProps) {
    super(scope, id, props);
    const { settings } = props;

    const data = new Data(this, 'Data', { settings });
    const alarms = new Alarms(this, 'Alarms', { settings, key: data.key });
    const signIn = new SignIn(this, 'SignIn', { settings });
    const functions = new Functions(this, 'Functions', { settings, data, alarms });
    const { api } = new BanshiHttpApi(this, 'HttpApi', { settings, signIn, functions, apiFunctions: props.apiFunctions });
    new Jobs(this, 'Jobs', { settings, data, functions, alarms });
    const web = new Web(this, 'Web', { settings, data, signIn, api, webDistDir: props.webDistDir });

    const cloudFrontOrigin = `https://${web.distribution.distributionDomainName}`;
    signIn.allowWebOrigins(cloudFrontOrigin, ...(settings.webOrigin ? [settings.webOrigin] : []), ...(settings.stage === 'dev' ? [LOCAL_WEB_ORIGIN] : []));
    data.allowWebOrigin(web.webOrigin);

    this.table = data.table;
    this.api = api;
    this.functions = functions.all;

    new CfnOutput(this, 'TableName', { value: data.table.tableName, description: 'The DynamoDB table (seed it with npm run seed:aws)' });
    new CfnOutput(this, 'ApiEndpoint', { value: api.apiEndpoint });
    new CfnOutput(this, 'WebUrl', { value: cloudFrontOrigin });
    new CfnOutput(this, 'UserPoolId', { value: signIn.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: signIn.webClient.userPoolClientId });
    new CfnOutput(this, 'SignInDomain', { value: signIn.signInOrigin, description: 'The Cognito hosted UI the web app signs in through' });
    new CfnOutput(this, 'AttachmentsBucket', { value: data.attachments.bucketName });
    new CfnOutput(this, 'WebBucketName', { value: web.bucket.bucketName });
  }

  /**
   * The logical ID CDK gives the element's path with the stack's parts left out: grouping the
   * stack into parts keeps the IDs, so a deployed table, bucket, user pool, key or distribution is
   * updated in place, never replaced.
   */
  protected override allocateLogicalId(element: CfnElement): string {
    const scopes = element.node.scopes;
    const path = scopes
      .slice(scopes.indexOf(this) + 1)
      .filter((scope) => !(scope instanceof StackPart))
      .map((scope) => scope.node.id);
    return logicalIdOfPath(path);
  }
}
