/**
 * The admins' reminder under the header: from December 1 (China time, as the server's clock says)
 * until next year's holidays are entered — or while this year has none — a banner links to the
 * calendar page. It asks the server again when the page changes and after a save
 * (`CALENDAR_CHANGED`), so it goes away as soon as the year is entered. Loaded for admins only.
 */
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { api } from './api.js';
import { useI18n } from './i18n.js';

/** The window event the calendar page sends after saving. */
export const CALENDAR_CHANGED = 'banshi:calendar-changed';

export default function CalendarReminder() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const [year, setYear] = useState<number>();
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    const changed = () => setChanges((n) => n + 1);
    window.addEventListener(CALENDAR_CHANGED, changed);
    return () => window.removeEventListener(CALENDAR_CHANGED, changed);
  }, []);

  useEffect(() => {
    let live = true;
    api<{ reminderYear?: number }>('/api/calendar/years')
      .then((r) => live && setYear(r.reminderYear))
      .catch(() => live && setYear(undefined)); // a reminder is not worth an error message
    return () => {
      live = false;
    };
  }, [pathname, changes]);

  if (!year) return null;
  return (
    <div style={{ padding: '8px clamp(12px, 3vw, 32px) 0', maxWidth: 1200, width: '100%', margin: '0 auto' }}>
      <Alert
        type="warning"
        showIcon
        data-testid="calendar-reminder"
        title={t('calendarReminder.title', { year })}
        description={
          <>
            {t('calendarReminder.body', { year })}{' '}
            {pathname.startsWith('/admin/calendar') ? null : <Link to={`/admin/calendar?year=${year}`} data-testid="calendar-reminder-link">{t('calendarReminder.link', { year })}</Link>}
          </>
        }
      />
    </div>
  );
}
