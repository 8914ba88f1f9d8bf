/**
 * The people and the applications the bench uses: sample users from schemas/reference/users.json
 * turned into principals (as the HTTP edge would from their token), and valid submissions of the
 * senior card (functions/tests/api/senior-card.test.ts) and of individual business registration.
 */
import { loadReference } from '@banshi/schemas';
import type { Principal } from '@banshi/functions/domain/permissions/principal';
import type { SubmitCaseInput } from '@banshi/functions/domain/cases/submit-case';

/** The principal of a sample user, as `principalFromClaims` builds it from the user's token. */
export function principalOf(userId: string): Principal {
  const user = loadReference().users.find((u) => u.id === userId) as unknown as Record<string, unknown> | undefined;
  if (!user) throw new Error(`no sample user ${userId} in schemas/reference/users.json`);
  const principal: Principal = { userId, name: String(user.name), roles: user.roles as Principal['roles'] };
  if (typeof user.departmentId === 'string') principal.departmentId = user.departmentId;
  if (Array.isArray(user.staffRoles)) principal.staffRoles = user.staffRoles as string[];
  if (typeof user.level === 'string') principal.level = user.level;
  if (typeof user.region === 'string') principal.region = user.region;
  if (user.kind === 'person' || user.kind === 'enterprise') principal.kind = user.kind;
  if (typeof user.idNumber === 'string') principal.idNumber = user.idNumber;
  if (typeof user.creditCode === 'string') principal.creditCode = user.creditCode;
  return principal;
}

const attachment = (blobId: string) => [{ blobId, name: `${blobId}.jpg`, size: 120_000, contentType: 'image/jpeg' }];

/** 张三 (70) applies for the senior card (老年人优待证) — a valid body. */
export function seniorCardApplication(): SubmitCaseInput {
  return {
    itemId: 'senior-card',
    data: {
      applicant: { name: '张三', idNumber: '150102195603120014', mobile: '13804710001', address: '呼和浩特市新城区海拉尔东路1号', regionCode: '150102' },
      residenceType: 'hukou',
      attachments: { identity: attachment('id-front'), photo: attachment('photo') },
    },
  };
}

/** 张三 registers a one-person business (个体工商户设立登记) — a valid body. */
export function businessRegistrationApplication(): SubmitCaseInput {
  return {
    itemId: 'individual-business-registration',
    data: {
      business: { name: '新城区张三小吃店', organisationForm: 'personal', scope: '餐饮服务；预包装食品销售', capital: 50_000, employees: 3 },
      premises: { address: '呼和浩特市新城区海拉尔东路1号底商', regionCode: '150102' },
      operator: { name: '张三', idNumber: '150102195603120014', mobile: '13804710001' },
      attachments: { application: attachment('application'), operatorId: attachment('operator-id'), premisesProof: attachment('lease') },
    },
  };
}
