/**
 * The web app: CloudFront in front of the S3 bucket of the built app (origin access control,
 * client-side routes, security headers) and of the API under `/api/*`, with `/config.json`
 * telling the app how to sign in (Cognito's hosted UI), never cached.
 */
import { existsSync } from 'node:fs';
import { Annotations, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { contentSecurityPolicy } from '@banshi/functions/http/headers';
import type { StageSettings } from '../stages.js';
import type { Data } from './data.js';
import { AUTH_REDIRECT_PATH, AUTH_SIGN_OUT_PATH, type SignIn } from './sign-in.js';
import { StackPart } from './stack-part.js';

/** Viewer-request rewrite for client-side routes: any path without a file extension is the app. */
const SPA_ROUTING = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

export interface WebProps {
  settings: StageSettings;
  data: Data;
  signIn: SignIn;
  api: HttpApi;
  /** The built web app to deploy (web/dist); skipped with a warning when missing. */
  webDistDir?: string;
}

export class Web extends StackPart {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** Where people open the web app: the custom domain's origin, else CloudFront's. */
  readonly webOrigin: string;

  constructor(scope: Construct, id: string, { settings, data, signIn, api, webDistDir }: WebProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.bucket = new s3.Bucket(this, 'WebBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: data.accessLogs,
      serverAccessLogsPrefix: 'web-bucket/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });

    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Banshi security headers',
      securityHeadersBehavior: {
        // The same policy as `npm start` serves (functions/src/http/headers.ts). Attachments are uploaded
        // to (and large ones read from) presigned S3 URLs; the sign-in code is exchanged at the hosted
        // UI's token endpoint from the browser.
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy([data.attachmentsOrigin, signIn.signInOrigin]), override: true },
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
    const apiDomain = `${api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
    const webFiles = S3BucketOrigin.withOriginAccessControl(this.bucket);
    this.distribution = new cloudfront.Distribution(this, 'Web', {
      comment: `Banshi web (${settings.stage})`,
      defaultRootObject: 'index.html',
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: data.accessLogs,
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
    this.webOrigin = settings.webOrigin ?? `https://${this.distribution.distributionDomainName}`;
    for (const rule of ['AwsSolutions-CFR1', 'AwsSolutions-CFR2', 'AwsSolutions-CFR4']) {
      Validations.of(this.distribution).acknowledge({
        id: rule,
        reason: {
          'AwsSolutions-CFR1': 'Web (the CloudFront distribution): Banshi serves applicants wherever they are (citizens and enterprises abroad apply too); a geo restriction would lock them out.',
          'AwsSolutions-CFR2': 'Web (the CloudFront distribution): a WAF web ACL for CloudFront lives in us-east-1 and is managed by the province\'s security team per account; infra/README.md says how to attach it (webAclId).',
          'AwsSolutions-CFR4': 'Web (the CloudFront distribution): without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose TLS floor (TLSv1) cannot be raised; infra/README.md says how to add the domain\'s certificate and TLSv1.2_2021.',
        }[rule]!,
      });
    }

    if (webDistDir && existsSync(`${webDistDir}/index.html`)) {
      new BucketDeployment(this, 'WebDeployment', {
        sources: [
          Source.asset(webDistDir),
          // The web app's runtime configuration (web/src/auth/auth-config.ts); the ids resolve at deploy time.
          Source.jsonData('config.json', {
            auth: {
              kind: 'cognito',
              region: stack.region,
              userPoolId: signIn.userPool.userPoolId,
              clientId: signIn.webClient.userPoolClientId,
              domain: signIn.signInOrigin,
              redirectPath: AUTH_REDIRECT_PATH,
              signOutPath: AUTH_SIGN_OUT_PATH,
            },
          }),
        ],
        destinationBucket: this.bucket,
        distribution: this.distribution,
        distributionPaths: ['/*'],
        memoryLimit: 512,
      });
      this.acknowledgeBucketDeployment();
    } else {
      Annotations.of(stack).addWarningV2(
        'banshi:web-not-built',
        `The web app is not built (${webDistDir ?? 'no folder given'} has no index.html): the stack deploys no web files. Run "npm run build:web" first.`,
      );
    }
  }

  /** The BucketDeployment's provider function is CDK's own; its findings are acknowledged here with the reason. */
  private acknowledgeBucketDeployment(): void {
    const stack = Stack.of(this);
    const handler = stack.node.findAll().filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    const webBucketId = stack.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
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
  }
}
