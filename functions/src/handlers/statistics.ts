/**
 * Statistics per department × month × item, kept by the table's stream consumer
 * (handlers/statistics-stream.ts) — a query of one partition, never a scan.
 */
import { BadRequestError, type FieldError } from '../domain/errors.js';
import { authorize } from '../domain/permissions/policy.js';
import { httpHandler } from '../http/handler-kit.js';
import { say } from '../http/negotiate-locale.js';
import { appServices } from './app-services.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** GET /api/statistics?department=&month=YYYY-MM — counters by item (supervisors, admins); the month defaults to this one in China. */
export const statistics = httpHandler({ auth: 'required' }, async ({ principal, query, locale }) => {
  authorize(principal, 'stats:read');
  const department = query.department ?? '';
  const month = query.month || appServices().clock.today().slice(0, 7);
  const problems: FieldError[] = [];
  if (!department) problems.push({ pointer: '/department', code: 'required', message: say(locale, '请选择部门', 'choose a department') });
  if (!MONTH.test(month)) problems.push({ pointer: '/month', code: 'pattern', message: say(locale, '月份格式应为 YYYY-MM，例如 2026-11', 'the month is YYYY-MM, e.g. 2026-11') });
  if (problems.length > 0) throw new BadRequestError(say(locale, '请指定部门和月份（YYYY-MM）', 'name a department and a month (YYYY-MM)'), problems);
  return { body: { departmentId: department, month, items: await appServices().cases.getStatistics(department, month) } };
});
