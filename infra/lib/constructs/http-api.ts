/**
 * The HTTP API: one Lambda per deployed route of routes.ts, behind the Cognito JWT authorizer
 * where the route needs sign-in, with a stage that throttles and logs no personal data.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { ApiFunctionSpec } from '../api-functions.js';
import type { StageSettings } from '../stages.js';
import type { Functions } from './functions.js';
import type { SignIn } from './sign-in.js';
import { StackPart } from './stack-part.js';
import { ROUTE_CONTRACT_ENV, routeContractJson } from '@banshi/functions/handlers/route-handler';

export interface BanshiHttpApiProps {
  settings: StageSettings;
  signIn: SignIn;
  functions: Functions;
  /** The API's functions, one per deployed route. */
  apiFunctions: ApiFunctionSpec[];
}

export class BanshiHttpApi extends StackPart {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, { settings, signIn, functions, apiFunctions }: BanshiHttpApiProps) {
    super(scope, id);
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
    const authorizer = new HttpUserPoolAuthorizer('Cognito', signIn.userPool, {
      userPoolClients: [signIn.webClient],
      identitySource: ['$request.header.Authorization'],
    });
    for (const spec of apiFunctions) {
      const fn = functions.add(spec.id, {
        entry: spec.entry,
        handler: spec.handler,
        description: `${spec.route.key}: ${spec.route.summary.en}`,
        memorySize: 512,
        timeout: Duration.seconds(10),
        access: spec.access,
        // How the handler kit checks this route's requests, from the route table.
        environment: { [ROUTE_CONTRACT_ENV]: routeContractJson(spec.route) },
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
  }
}
