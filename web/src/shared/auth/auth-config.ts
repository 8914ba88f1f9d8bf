/**
 * How people sign in, read once at start-up from `/config.json`. `npm start` answers it with
 * the development sign-in (sample users). A deployed stack writes one naming its Cognito user pool,
 * app client and hosted UI domain: sign-in goes through Cognito's hosted UI.
 *
 * A missing file, a network error, a body that is not the expected JSON or an answer slower than
 * {@link CONFIG_TIMEOUT_MS} all mean development: the page is never held up for long.
 */

/** The Cognito hosted UI, as the CDK stack describes it in `/config.json` (`auth`). */
export interface CognitoAuthConfig {
  kind: 'cognito';
  region: string;
  userPoolId: string;
  /** The public app client (no secret; PKCE). */
  clientId: string;
  /** The hosted UI's origin, e.g. `https://banshi-dev.auth.cn-north-1.amazoncognito.com`. */
  domain: string;
  /** Where Cognito sends the browser back with the code (a path of this origin). */
  redirectPath: string;
  /** Where Cognito sends the browser after signing out (a path of this origin). */
  signOutPath: string;
}

export type AuthConfig = { kind: 'development' } | CognitoAuthConfig;

export const DEVELOPMENT_AUTH: AuthConfig = { kind: 'development' };

/** How long start-up waits for `/config.json` before settling for development. */
export const CONFIG_TIMEOUT_MS = 3000;

let loaded: Promise<AuthConfig> | undefined;

/** The sign-in configuration; fetched once per page load, every later call shares the answer. */
export function loadAuthConfig(): Promise<AuthConfig> {
  loaded ??= fetchAuthConfig();
  return loaded;
}

async function fetchAuthConfig(): Promise<AuthConfig> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), CONFIG_TIMEOUT_MS);
  try {
    // no-store: a new deployment's configuration is read on the next visit, never a cached one.
    const res = await fetch('/config.json', { headers: { accept: 'application/json' }, cache: 'no-store', signal: controller.signal });
    if (!res.ok) return DEVELOPMENT_AUTH;
    return parseAuthConfig(await res.json());
  } catch {
    return DEVELOPMENT_AUTH;
  } finally {
    clearTimeout(timer);
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const path = (value: unknown, fallback: string): string | undefined => {
  const p = text(value) ?? fallback;
  return p.startsWith('/') && !p.startsWith('//') ? p : undefined;
};

/**
 * Reads the body of `/config.json`. Returns the Cognito configuration when `auth.kind` is
 * `cognito` and every field is present (the domain an https origin, or http on localhost);
 * anything else is development (and a configuration that names Cognito but is incomplete is
 * reported on the console).
 */
export function parseAuthConfig(body: unknown): AuthConfig {
  const auth = (body as { auth?: Record<string, unknown> } | null)?.auth;
  if (!auth || auth.kind !== 'cognito') return DEVELOPMENT_AUTH;
  const domain = text(auth.domain)?.replace(/\/+$/, '');
  const config = {
    kind: 'cognito' as const,
    region: text(auth.region),
    userPoolId: text(auth.userPoolId),
    clientId: text(auth.clientId),
    domain: domain && /^(https:\/\/[^/?#]+|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?)$/.test(domain) ? domain : undefined,
    redirectPath: path(auth.redirectPath, '/auth/callback'),
    signOutPath: path(auth.signOutPath, '/'),
  };
  const missing = Object.entries(config).filter(([, v]) => v === undefined).map(([k]) => k);
  if (missing.length > 0) {
    console.error(`/config.json: the Cognito sign-in lacks ${missing.join(', ')}; using the development sign-in`);
    return DEVELOPMENT_AUTH;
  }
  return config as CognitoAuthConfig;
}
