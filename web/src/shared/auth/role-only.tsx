import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useI18n } from '../i18n.js';
import type { MessageKey } from '../messages/zh-cn.js';
import { useSession, type Principal } from '../session.js';
import { WorkbenchTheme } from '../tone-tag.js';

/**
 * Renders a page for a signed-in principal that `allowed` admits; a signed-in principal it does not
 * admit is told `refused`, a signed-out visitor `signInNeeded`, each with a link to sign in that
 * comes back to this page.
 */
export function RoleOnly({ allowed, refused, signInNeeded, children }: {
  allowed: (principal: Principal) => boolean;
  refused: MessageKey;
  signInNeeded: MessageKey;
  children: (principal: Principal) => ReactNode;
}) {
  const { t } = useI18n();
  const { principal, loading } = useSession();
  const location = useLocation();
  if (loading) return <Spin size="large" aria-label={t('common.loading')} style={{ display: 'block', margin: '20vh auto' }} />;
  if (!principal || !allowed(principal)) {
    return (
      <Result
        status="403"
        title={<h1 style={{ fontSize: 20, margin: 0 }}>{t(principal ? refused : signInNeeded)}</h1>}
        extra={<Link to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>{t('inbox.signIn')}</Link>}
      />
    );
  }
  return <WorkbenchTheme>{children(principal)}</WorkbenchTheme>;
}
