import { afterEach, describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '../../src/domain/errors.js';
import type { Principal } from '../../src/domain/permissions/principal.js';
import { principalFromClaims, principalOf, signToken, verifyToken } from '../../src/http/auth.js';

const staff: Principal = {
  userId: 'u-staff-1',
  name: '李审查',
  roles: ['staff'],
  departmentId: 'dept-housing',
  staffRoles: ['window', 'reviewer'],
  level: 'city',
  region: '350100',
};

const agent: Principal = { userId: 'u-agent-1', name: '王代办', roles: ['agent'], kind: 'person', onBehalfOf: ['app-1', 'app-2'] };
const person: Principal = { userId: 'u-person-1', name: '张三', roles: ['applicant'], kind: 'person', idNumber: '150102195603120014' };
const enterprise: Principal = { userId: 'u-enterprise-1', name: '青城建筑', roles: ['applicant'], kind: 'enterprise', creditCode: '91150100MA13QW5E7R' };

afterEach(() => {
  delete process.env.AWS_LAMBDA_FUNCTION_NAME;
  delete process.env.BANSHI_JWT_SECRET;
});

describe('development sign-in tokens', () => {
  it.each([staff, agent, person, enterprise])('round-trips the principal $userId through a signed token', async (principal) => {
    const token = await signToken(principal);

    const claims = await verifyToken(token);

    expect(principalFromClaims(claims)).toEqual(principal);
    expect(claims).toMatchObject({ iss: 'banshi-local', aud: 'banshi', sub: principal.userId });
  });

  it('carries Cognito-shaped claims', async () => {
    const claims = await verifyToken(await signToken(staff));

    expect(claims).toMatchObject({
      'cognito:groups': ['staff'],
      'custom:department': 'dept-housing',
      'custom:staffRoles': 'window,reviewer',
      'custom:level': 'city',
      'custom:region': '350100',
    });
  });

  it('carries the verified identity as Cognito custom attributes', async () => {
    expect(await verifyToken(await signToken(person))).toMatchObject({ 'custom:kind': 'person', 'custom:idNumber': '150102195603120014' });
    expect(await verifyToken(await signToken(enterprise))).toMatchObject({ 'custom:kind': 'enterprise', 'custom:creditCode': '91150100MA13QW5E7R' });
  });

  it('rejects an expired token', async () => {
    const token = await signToken(staff, { ttlSeconds: 60, now: new Date(Date.now() - 3_600_000) });

    await expect(verifyToken(token)).rejects.toThrow(/expired/);
  });

  it('rejects a token whose payload was tampered with', async () => {
    const [header, payload, signature] = (await signToken(agent)).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims['cognito:groups'] = ['admin'];
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');

    await expect(verifyToken(forged)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects a token signed with another secret', async () => {
    const token = await signToken(agent, { secret: 'someone-elses-secret-of-enough-length' });

    await expect(verifyToken(token)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects an unsigned (alg none) token', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'none' })}.${part({ sub: 'x', iss: 'banshi-local', aud: 'banshi', exp: 9e9 })}.`;

    await expect(verifyToken(unsigned)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('uses BANSHI_JWT_SECRET when set', async () => {
    process.env.BANSHI_JWT_SECRET = 'configured-secret-configured-secret';
    const token = await signToken(staff);

    await expect(verifyToken(token, { secret: 'configured-secret-configured-secret' })).resolves.toMatchObject({ sub: staff.userId });
    await expect(verifyToken(token, { secret: 'banshi-local-development-secret-do-not-use-in-aws' })).rejects.toThrow();
  });

  it('refuses the development secret inside Lambda', async () => {
    const token = await signToken(staff);
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'banshi-api';

    await expect(verifyToken(token)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe('principalFromClaims', () => {
  it('reads claims as the API Gateway JWT authorizer flattens them', () => {
    const principal = principalFromClaims({
      sub: 'u-1',
      name: '张三',
      'cognito:groups': '[applicant agent unknown-group]',
      'custom:kind': 'enterprise',
      'custom:principals': 'app-9, app-10',
    });

    expect(principal).toEqual({ userId: 'u-1', name: '张三', roles: ['applicant', 'agent'], kind: 'enterprise', onBehalfOf: ['app-9', 'app-10'] });
  });

  it('rejects claims without a subject', () => {
    expect(() => principalFromClaims({ name: 'x' })).toThrow(UnauthenticatedError);
  });
});

describe('principalOf', () => {
  it('prefers the authorizer claims to a bearer token', async () => {
    const event = {
      headers: { authorization: `Bearer ${await signToken(staff)}` },
      requestContext: { authorizer: { jwt: { claims: { sub: 'from-cognito', 'cognito:groups': '[designer]' } } } },
    };

    await expect(principalOf(event)).resolves.toMatchObject({ userId: 'from-cognito', roles: ['designer'] });
  });

  it('verifies a bearer token when there are no authorizer claims', async () => {
    const event = { headers: { Authorization: `bearer ${await signToken(agent)}` } };

    await expect(principalOf(event)).resolves.toEqual(agent);
  });

  it.each([
    ['Basic dXNlcjpwYXNz'],
    ['Bearer'],
    ['Bearer not a token'],
    ['Bearer a.b.c'],
  ])('rejects the Authorization header %j', async (authorization) => {
    await expect(principalOf({ headers: { authorization } })).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('finds nobody without credentials', async () => {
    await expect(principalOf({ headers: {} })).resolves.toBeUndefined();
  });
});
