/**
 * Sign-in: the Cognito user pool (one group per principal role), its hosted UI domain, and the
 * web client that signs in there with the code grant and PKCE.
 */
import { Duration, Lazy, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { PRINCIPAL_ROLES } from '@banshi/functions/domain/permissions/principal';
import type { StageSettings } from '../stages.js';
import { StackPart } from './stack-part.js';

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

export interface SignInProps {
  settings: StageSettings;
}

export class SignIn extends StackPart {
  readonly userPool: cognito.UserPool;
  readonly webClient: cognito.UserPoolClient;
  /** The hosted UI's origin. */
  readonly signInOrigin: string;
  private readonly webOrigins: string[] = [];

  constructor(scope: Construct, id: string, { settings }: SignInProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.userPool = new cognito.UserPool(this, 'Users', {
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
      removalPolicy: settings.dataRemovalPolicy,
    });
    for (const role of PRINCIPAL_ROLES) {
      new cognito.CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: this.userPool.userPoolId, groupName: role, description: `Banshi principal role ${role}` });
    }
    // The hosted UI: people sign in there and come back to the web app with a code (web/src/auth).
    const signInDomain = this.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: settings.authDomainPrefix ?? defaultAuthDomainPrefix(stack.stackName, settings.stage, stack.account) },
    });
    this.signInOrigin = signInDomain.baseUrl();
    // The web origins that may sign in are known once the distribution exists (it is created
    // after the API, whose authorizer needs this client), hence the lazy lists.
    const standardRead = new cognito.ClientAttributes().withStandardAttributes({ fullname: true, email: true, emailVerified: true, phoneNumber: true, phoneNumberVerified: true });
    this.webClient = this.userPool.addClient('WebClient', {
      // A public client (the browser): no secret; the code grant with PKCE (S256) instead.
      generateSecret: false,
      authFlows: { userSrp: true },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        // `profile` puts every attribute the client may read into the ID token (the custom ones included).
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.PROFILE, cognito.OAuthScope.EMAIL],
        callbackUrls: Lazy.list({ produce: () => this.webOrigins.map((origin) => `${origin}${AUTH_REDIRECT_PATH}`) }),
        logoutUrls: Lazy.list({ produce: () => this.webOrigins.map((origin) => `${origin}${AUTH_SIGN_OUT_PATH}`) }),
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
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason: 'Users: MFA is optional (TOTP offered) because applicants sign in from phones with SMS-free accounts; staff accounts are enrolled in TOTP by the administrators.',
    });
  }

  /** Lets the web app at these origins sign in and come back after signing out. */
  allowWebOrigins(...origins: string[]): void {
    this.webOrigins.push(...origins);
  }
}
