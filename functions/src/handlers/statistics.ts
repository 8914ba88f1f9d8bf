/**
 * Statistics per department × month × item, kept by the table's stream consumer
 * (handlers/statistics-stream.ts) — a query of one partition, never a scan.
 */
import { BadRequestError, type FieldError } from '../domain/errors.js';
import { authorize } from '../domain/permissions/policy.js';
import { message } from '../domain/messages.js';
import { routeHandler } from './route-handler.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** GET /api/statistics?department=&month=YYYY-MM — counters by item (supervisors, admins); the month defaults to this one in China. */
export const statistics = routeHandler<undefined, { department?: string; month?: string }>(async ({ services, principal, query, locale }) => {
  authorize(principal, 'stats:read');
  const department = query.department ?? '';
  const month = query.month ?? services.clock.today().slice(0, 7);
  const problems: FieldError[] = [];
  if (!department) problems.push({ pointer: '/department', code: 'required', message: message('statistics.departmentRequired', locale) });
  if (!MONTH.test(month)) problems.push({ pointer: '/month', code: 'pattern', message: message('statistics.monthPattern', locale) });
  if (problems.length > 0) throw new BadRequestError(message('statistics.queryRequired', locale), problems);
  return { body: { departmentId: department, month, items: await services.cases.getStatistics(department, month) } };
});
