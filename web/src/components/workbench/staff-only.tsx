import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n.js';
import { isStaff, useSession, type Principal } from '../../session.js';
import { WorkbenchTheme } from './tone-tag.js';

/** Renders a workbench page for signed-in staff; everyone else is told to sign in as staff. */
export function StaffOnly({ children }: { children: (principal: Principal) => ReactNode }) {
  const { t } = useI18n();
  const { principal, loading } = useSession();
  if (loading) return <Spin size="large" aria-label={t('common.loading')} style={{ display: 'block', margin: '20vh auto' }} />;
  if (!principal || !isStaff(principal)) {
    return (
      <Result
        status="403"
        title={<h1 style={{ fontSize: 20, margin: 0 }}>{t(principal ? 'inbox.notStaff' : 'inbox.signInNeeded')}</h1>}
        extra={<Link to="/sign-in">{t('inbox.signIn')}</Link>}
      />
    );
  }
  return <WorkbenchTheme>{children(principal)}</WorkbenchTheme>;
}
