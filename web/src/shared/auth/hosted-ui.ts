/**
 * Signing in through Cognito's hosted UI: the OAuth 2.0 authorization code grant with PKCE for a
 * public client (no secret).
 *
 *   sign-in page → /oauth2/authorize (code, S256 challenge, state, scope, redirect_uri)
 *   → Cognito signs the person in → /auth/callback?code&state
 *   → state checked against the one kept in sessionStorage (CSRF) → POST /oauth2/token with the
 *     verifier → the ID token becomes the API's bearer token → back to where the person was going.
 *
 * The verifier, state and return path live in sessionStorage for the one round trip and are
 * removed as soon as the callback reads them, so a code or state can be used once only.
 */
import type { CognitoAuthConfig } from './auth-config.js';
import { codeChallengeOf, randomUrlSafe } from './pkce.js';

const PENDING_KEY = 'banshi.signIn.pending';

/** ID token: custom attributes (department, staff roles…) and groups; `profile` brings every attribute the client may read. */
export const SCOPES = 'openid profile email';

interface PendingSignIn {
  state: string;
  verifier: string;
  next: string;
}

/** Why a return from the hosted UI did not sign anyone in. */
export type SignInFailure =
  /** Cognito answered with an error (the person cancelled, or the client is not allowed). */
  | 'denied'
  /** The state is missing or not the one this browser sent: a forged or stale callback. */
  | 'state'
  /** The token endpoint refused the code or gave no ID token. */
  | 'exchange'
  /** Banshi's API did not accept the ID token. */
  | 'rejected'
  /** This deployment does not sign in through Cognito. */
  | 'unavailable';

export class SignInError extends Error {
  constructor(
    readonly failure: SignInFailure,
    message: string,
    /** Where to go after signing in again (kept from the attempt when it was known). */
    readonly next = '/',
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

/** A return path inside this app: a path of this origin, never another site (`//evil.example`). */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

const origin = () => window.location.origin;
export const redirectUriOf = (config: CognitoAuthConfig) => `${origin()}${config.redirectPath}`;

/**
 * Starts a sign-in: keeps a fresh verifier, state and the return path for the round trip, and
 * returns the hosted UI's authorize URL to send the browser to.
 */
export async function authorizeUrl(config: CognitoAuthConfig, next: string | null | undefined): Promise<string> {
  const pending: PendingSignIn = { state: randomUrlSafe(), verifier: randomUrlSafe(), next: safeNext(next) };
  window.sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUriOf(config),
    scope: SCOPES,
    state: pending.state,
    code_challenge_method: 'S256',
    code_challenge: await codeChallengeOf(pending.verifier),
  });
  return `${config.domain}/oauth2/authorize?${params}`;
}

/** Reads and forgets the round trip's verifier, state and return path. */
function takePending(): PendingSignIn | undefined {
  const raw = window.sessionStorage.getItem(PENDING_KEY);
  window.sessionStorage.removeItem(PENDING_KEY);
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<PendingSignIn>;
    return typeof value.state === 'string' && typeof value.verifier === 'string' ? { state: value.state, verifier: value.verifier, next: safeNext(value.next) } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Completes a sign-in from the callback's query: checks the state, exchanges the code for tokens
 * and returns the ID token and the return path. Throws SignInError (`denied`, `state`,
 * `exchange`) when no ID token can be had; the pending round trip is used up either way.
 */
export async function exchangeCallback(config: CognitoAuthConfig, query: URLSearchParams): Promise<{ idToken: string; next: string }> {
  const pending = takePending();
  const state = query.get('state');
  if (!pending || !state || state !== pending.state) {
    throw new SignInError('state', 'the state of the callback is not the one this browser sent');
  }
  const error = query.get('error');
  if (error) throw new SignInError('denied', `${error}: ${query.get('error_description') ?? ''}`, pending.next);
  const code = query.get('code');
  if (!code) throw new SignInError('exchange', 'the callback carries no code', pending.next);

  let body: { id_token?: unknown; error?: unknown };
  try {
    const res = await fetch(`${config.domain}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: config.clientId,
        code,
        code_verifier: pending.verifier,
        redirect_uri: redirectUriOf(config),
      }).toString(),
    });
    body = (await res.json().catch(() => ({}))) as typeof body;
    if (!res.ok) throw new SignInError('exchange', `the token endpoint answered ${res.status} ${String(body.error ?? '')}`, pending.next);
  } catch (e) {
    if (e instanceof SignInError) throw e;
    throw new SignInError('exchange', 'the token endpoint could not be reached', pending.next);
  }
  if (typeof body.id_token !== 'string' || body.id_token === '') {
    throw new SignInError('exchange', 'the token endpoint returned no ID token', pending.next);
  }
  return { idToken: body.id_token, next: pending.next };
}

/** The hosted UI's logout URL: ends the hosted UI's own session, then comes back to `signOutPath`. */
export function logoutUrl(config: CognitoAuthConfig): string {
  const params = new URLSearchParams({ client_id: config.clientId, logout_uri: `${origin()}${config.signOutPath}` });
  return `${config.domain}/logout?${params}`;
}
