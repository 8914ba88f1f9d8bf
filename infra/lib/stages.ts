/**
 * Deployment stages. `dev` and `prod` differ in what happens to data when the stack goes away and
 * in how hard the API may be driven; everything else is the same code. Chosen with
 * `-c stage=prod`; the web origin, account and region come from context too (see infra/README.md).
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import type { Node } from 'constructs';

export type StageName = 'dev' | 'prod';

export interface StageSettings {
  stage: StageName;
  /** Where the web app is served (CORS origin of the API and the attachments bucket). Default: the CloudFront domain. */
  webOrigin?: string;
  /** Data (table, key, attachments): RETAIN in prod, DESTROY in dev. */
  dataRemovalPolicy: RemovalPolicy;
  /** DynamoDB deletion protection. */
  deletionProtection: boolean;
  /** HTTP API stage throttling (requests per second, burst). */
  throttle: { rateLimit: number; burstLimit: number };
  /** CloudWatch log retention of functions and access logs, in days. */
  logRetentionDays: number;
  /** Log level of the functions. */
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Where alarms are e-mailed (optional). */
  alarmEmail?: string;
  /** Lambda reserved concurrency of the stream consumer and sweep (bounded writers). */
  jobConcurrency: number;
  /**
   * The prefix of the Cognito hosted UI domain (`<prefix>.auth.<region>.amazoncognito.com`),
   * unique per region across all accounts. Default: from the stack name, stage and account.
   */
  authDomainPrefix?: string;
}

const DEFAULTS: Record<StageName, Omit<StageSettings, 'stage'>> = {
  dev: {
    dataRemovalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    throttle: { rateLimit: 50, burstLimit: 100 },
    logRetentionDays: 14,
    logLevel: 'DEBUG',
    jobConcurrency: 2,
  },
  prod: {
    dataRemovalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    throttle: { rateLimit: 500, burstLimit: 1000 },
    logRetentionDays: 365,
    logLevel: 'INFO',
    jobConcurrency: 5,
  },
};

function text(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** What Cognito accepts as a domain prefix: lowercase letters, digits, inner hyphens; no AWS names. */
export function checkAuthDomainPrefix(prefix: string): string {
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix) || /aws|amazon|cognito/.test(prefix)) {
    throw new Error(`context "authDomainPrefix" must be 1-63 lowercase letters, digits and inner hyphens without "aws", "amazon" or "cognito", not "${prefix}"`);
  }
  return prefix;
}

/**
 * The stage settings from context: `stage` (dev | prod, default dev), `webOrigin`, `alarmEmail`,
 * `authDomainPrefix`.
 */
export function stageSettings(node: Node): StageSettings {
  const stage = text(node, 'stage') ?? 'dev';
  if (stage !== 'dev' && stage !== 'prod') throw new Error(`context "stage" must be dev or prod, not "${stage}"`);
  const webOrigin = text(node, 'webOrigin');
  if (webOrigin !== undefined && !/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(webOrigin)) {
    throw new Error(`context "webOrigin" must be an https origin such as https://banshi.example.gov.cn, not "${webOrigin}"`);
  }
  const authDomainPrefix = text(node, 'authDomainPrefix');
  return {
    stage,
    ...DEFAULTS[stage],
    ...(webOrigin ? { webOrigin } : {}),
    ...(text(node, 'alarmEmail') ? { alarmEmail: text(node, 'alarmEmail') } : {}),
    ...(authDomainPrefix ? { authDomainPrefix: checkAuthDomainPrefix(authDomainPrefix) } : {}),
  };
}
