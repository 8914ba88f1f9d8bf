/** Development sign-in: tokens for the sample users, the same shape the Cognito authorizer passes in AWS. */
import { NotFoundError } from '../domain/errors.js';
import type { Principal } from '../domain/permissions/principal.js';
import { signToken } from '../http/auth.js';
import type { AppServices } from './app-services.js';
import { routeHandler } from './route-handler.js';

type User = NonNullable<Awaited<ReturnType<AppServices['catalogStore']['getUser']>>>;

function principalOfUser(user: User): Principal {
  return {
    userId: user.id,
    name: user.name,
    roles: user.roles as Principal['roles'],
    ...(user.departmentId ? { departmentId: user.departmentId } : {}),
    ...(user.staffRoles ? { staffRoles: user.staffRoles } : {}),
    ...(user.level ? { level: user.level } : {}),
    ...(user.region ? { region: user.region } : {}),
    ...(user.kind ? { kind: user.kind } : {}),
    ...(user.agentFor ? { onBehalfOf: user.agentFor } : {}),
    ...(user.idNumber ? { idNumber: user.idNumber } : {}),
    ...(user.creditCode ? { creditCode: user.creditCode } : {}),
  };
}

/** What a sample user looks like in the sign-in list: no ID or phone numbers. */
function publicUser(user: User) {
  return {
    id: user.id,
    name: user.name,
    roles: user.roles,
    ...(user.departmentId ? { departmentId: user.departmentId } : {}),
    ...(user.staffRoles ? { staffRoles: user.staffRoles } : {}),
    ...(user.kind ? { kind: user.kind } : {}),
    ...(user.agentFor ? { agentFor: user.agentFor } : {}),
  };
}

/** POST /api/auth/dev-sign-in — a signed token for one sample user. Refused inside Lambda by signToken. */
export const devSignIn = routeHandler<{ userId: string }>(async ({ services, body }) => {
  const user = await services.catalogStore.getUser(body.userId);
  if (!user) throw new NotFoundError('user');
  const principal = principalOfUser(user);
  return { body: { token: await signToken(principal), user: publicUser(user) } };
});

/** GET /api/auth/dev-users — the sample users one can sign in as. */
export const devUsers = routeHandler(async ({ services }) => {
  const page = await services.catalogStore.listUsers({ limit: 100 });
  return { body: { items: page.items.map(publicUser) } };
});

/** GET /api/me — who the token says I am. */
export const me = routeHandler(async ({ principal }) => ({ body: principal }));
