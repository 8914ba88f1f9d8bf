/** Statistics per department × month × item, kept up to date by every case transaction (no scans). */
import { BadRequestError } from '../domain/errors.js';
import { authorize } from '../domain/permissions/policy.js';
import { httpHandler } from '../http/handler-kit.js';
import { appServices } from './app-services.js';

/** GET /api/statistics?department=&month=YYYY-MM — counters by item (supervisors, admins). */
export const statistics = httpHandler({ auth: 'required' }, async ({ principal, query, locale }) => {
  authorize(principal, 'stats:read');
  const month = query.month || appServices().clock.today().slice(0, 7);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || !query.department) {
    throw new BadRequestError(locale === 'zh-CN' ? '请指定部门和月份（YYYY-MM）' : 'name a department and a month (YYYY-MM)', [
      ...(query.department ? [] : [{ pointer: '/department', code: 'required', message: 'department' }]),
      ...(/^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? [] : [{ pointer: '/month', code: 'pattern', message: 'YYYY-MM' }]),
    ]);
  }
  return { body: { departmentId: query.department, month, items: await appServices().cases.getStatistics(query.department, month) } };
});
