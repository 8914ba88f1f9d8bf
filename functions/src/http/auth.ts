/**
 * Who is calling. In AWS the HTTP API's JWT authorizer has already checked a Cognito ID token and
 * hands its claims to the Lambda in `event.requestContext.authorizer.jwt.claims`; locally the
 * development sign-in issues HS256 tokens of the same shape, verified here with jose.
 */
import type { MiddlewareObj } from '@middy/core';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { UnauthenticatedError } from '../domain/errors.js';
import { isPrincipalRole } from '@banshi/schemas/core';
import type { Principal } from '../domain/permissions/principal.js';
import { headerOf } from './headers.js';

export const TOKEN_ISSUER = 'banshi-local';
export const TOKEN_AUDIENCE = 'banshi';
/** Used only outside Lambda when BANSHI_JWT_SECRET is not set. Never accepted in AWS. */
export const DEVELOPMENT_SECRET = 'banshi-local-development-secret-do-not-use-in-aws';

/** Claims as a Cognito ID token carries them (custom attributes are strings). */
export interface BanshiClaims {
  sub: string;
  name?: string;
  'cognito:groups'?: string[] | string;
  'custom:department'?: string;
  'custom:staffRoles'?: string;
  'custom:level'?: string;
  'custom:region'?: string;
  'custom:kind'?: string;
  'custom:principals'?: string;
  /** A person's verified resident ID number (a Cognito custom attribute only the identity service writes). */
  'custom:idNumber'?: string;
  /** An enterprise's verified unified social credit code. */
  'custom:creditCode'?: string;
  [claim: string]: unknown;
}

export interface TokenKeyOptions {
  /** HS256 secret; default `BANSHI_JWT_SECRET`, else the development secret outside Lambda. */
  secret?: string;
  /** The current time (tests); default now. */
  now?: Date;
}

export interface SignTokenOptions extends TokenKeyOptions {
  /** Lifetime in seconds; default 8 hours (a working day). */
  ttlSeconds?: number;
}

function secretKey(secret?: string): Uint8Array {
  const configured = secret ?? process.env.BANSHI_JWT_SECRET;
  if (configured !== undefined && configured !== '') return new TextEncoder().encode(configured);
  if (process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined) {
    // In AWS, Cognito and the API's authorizer sign people in; a known default secret would let
    // anyone mint tokens.
    throw new UnauthenticatedError('development sign-in is not available here');
  }
  return new TextEncoder().encode(DEVELOPMENT_SECRET);
}

const list = (items: string[] | undefined): string | undefined =>
  items && items.length > 0 ? items.join(',') : undefined;

/** The claims a principal's token carries (the inverse of {@link principalFromClaims}). */
export function claimsOf(principal: Principal): BanshiClaims {
  const claims: BanshiClaims = { sub: principal.userId, name: principal.name, 'cognito:groups': [...principal.roles] };
  const optional: [keyof BanshiClaims, string | undefined][] = [
    ['custom:department', principal.departmentId],
    ['custom:staffRoles', list(principal.staffRoles)],
    ['custom:level', principal.level],
    ['custom:region', principal.region],
    ['custom:kind', principal.kind],
    ['custom:principals', list(principal.onBehalfOf)],
    ['custom:idNumber', principal.idNumber],
    ['custom:creditCode', principal.creditCode],
  ];
  for (const [claim, value] of optional) if (value !== undefined) claims[claim] = value;
  return claims;
}

/**
 * Issues a development sign-in token for a principal: HS256, issuer `banshi-local`, audience
 * `banshi`, Cognito-shaped claims.
 */
export async function signToken(principal: Principal, options: SignTokenOptions = {}): Promise<string> {
  const { sub, ...claims } = claimsOf(principal);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.ttlSeconds ?? 8 * 3600))
    .sign(secretKey(options.secret));
}

/**
 * Verifies a development sign-in token (signature, algorithm HS256, issuer, audience, expiry)
 * and returns its claims. Throws UnauthenticatedError for anything that does not verify.
 */
export async function verifyToken(token: string, options: TokenKeyOptions = {}): Promise<BanshiClaims> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, secretKey(options.secret), {
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ['sub', 'exp'],
      currentDate: options.now,
      clockTolerance: 5,
    }));
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw error;
    const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
    throw new UnauthenticatedError(expired ? 'the token has expired' : 'the token is not valid');
  }
  return payload as BanshiClaims;
}

/**
 * Reads a list claim: a JSON array, API Gateway's flattened form `[a b c]`, or `a,b,c`.
 */
function listClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value !== 'string') return [];
  const text = value.trim();
  const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return inner
    .split(/[\s,]+/)
    .map((item) => item.replace(/^"|"$/g, '').trim())
    .filter((item) => item !== '');
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Builds the principal from verified claims (Cognito ID token or development token). Groups
 * that are not principal roles are ignored. Throws UnauthenticatedError without a subject.
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const userId = stringClaim(claims.sub);
  if (userId === undefined) throw new UnauthenticatedError('the token has no subject');
  const principal: Principal = {
    userId,
    name: stringClaim(claims.name) ?? userId,
    roles: [...new Set(listClaim(claims['cognito:groups']).filter(isPrincipalRole))],
  };
  const departmentId = stringClaim(claims['custom:department']);
  if (departmentId !== undefined) principal.departmentId = departmentId;
  const staffRoles = listClaim(claims['custom:staffRoles']);
  if (staffRoles.length > 0) principal.staffRoles = staffRoles;
  const level = stringClaim(claims['custom:level']);
  if (level !== undefined) principal.level = level;
  const region = stringClaim(claims['custom:region']);
  if (region !== undefined) principal.region = region;
  const kind = stringClaim(claims['custom:kind']);
  if (kind === 'person' || kind === 'enterprise') principal.kind = kind;
  const onBehalfOf = listClaim(claims['custom:principals']);
  if (onBehalfOf.length > 0) principal.onBehalfOf = onBehalfOf;
  const idNumber = stringClaim(claims['custom:idNumber']);
  if (idNumber !== undefined) principal.idNumber = idNumber;
  const creditCode = stringClaim(claims['custom:creditCode']);
  if (creditCode !== undefined) principal.creditCode = creditCode;
  return principal;
}

/** An event after `authenticate`: the caller, or undefined on an optional route without a token. */
export interface WithPrincipal {
  principal?: Principal;
}

interface AuthEvent {
  headers?: Record<string, string | undefined> | null;
  requestContext?: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
}

/**
 * Finds the caller of a request: the API Gateway authorizer's claims when present, else a
 * `Bearer` token verified with {@link verifyToken}. Returns undefined when there are neither;
 * throws UnauthenticatedError for a token that does not verify or a malformed Authorization header.
 */
export async function principalOf(event: AuthEvent, options: TokenKeyOptions = {}): Promise<Principal | undefined> {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  if (claims && Object.keys(claims).length > 0) return principalFromClaims(claims);
  const authorization = headerOf(event.headers, 'authorization');
  if (authorization === undefined || authorization.trim() === '') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9_\-.]{1,8192})\s*$/i.exec(authorization);
  if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
  return principalFromClaims(await verifyToken(match[1], options));
}

/**
 * Middy middleware putting the caller on `event.principal`. Without credentials a protected route
 * throws UnauthenticatedError; an `optional` route carries on anonymously. Bad credentials are
 * rejected on both.
 */
export function authenticate(options: { optional?: boolean } & TokenKeyOptions = {}): MiddlewareObj<AuthEvent & WithPrincipal> {
  return {
    before: async (request) => {
      const principal = await principalOf(request.event, options);
      if (principal === undefined && !options.optional) throw new UnauthenticatedError();
      request.event.principal = principal;
    },
  };
}
