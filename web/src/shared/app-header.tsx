/**
 * The top bar: brand, navigation for the signed-in role, language switch, session. The navigation
 * is a few plain links: on a phone they fold behind a native disclosure button (`<details>`), so
 * the bar needs no menu component and every page loads less.
 */
import { Button, Grid, Space } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { useEffect, useRef } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from './i18n.js';
import { hasRole, isAdmin, isStaff, mayApply, maySupervise } from '@banshi/schemas/core';
import { useSession } from './session.js';

const NAV_STYLE = `.banshi-nav{display:flex;gap:4px;align-items:center;margin:0;padding:0;list-style:none}
.banshi-nav a{display:block;color:rgba(255,255,255,.85);padding:0 14px;line-height:40px;border-radius:6px;white-space:nowrap}
.banshi-nav a:hover,.banshi-nav a:focus-visible{color:#fff;background:rgba(255,255,255,.12)}
.banshi-nav a[aria-current=page]{color:#fff;background:#c8161d}
.banshi-nav-fold{position:relative}
.banshi-nav-fold>summary{list-style:none;cursor:pointer;color:#fff;padding:0 10px;line-height:40px;border-radius:6px}
.banshi-nav-fold>summary::-webkit-details-marker{display:none}
.banshi-nav-fold>summary:focus-visible{outline:2px solid #fff}
.banshi-nav-fold .banshi-nav{position:absolute;z-index:1000;top:44px;left:0;flex-direction:column;align-items:stretch;min-width:160px;padding:6px;background:#8c0f14;border-radius:8px;box-shadow:0 6px 16px rgba(0,0,0,.2)}`;

export function AppHeader() {
  const { t, locale, setLocale } = useI18n();
  const { principal, auth, signOut } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const fold = useRef<HTMLDetailsElement>(null);
  // A followed link closes the folded menu.
  useEffect(() => {
    if (fold.current) fold.current.open = false;
  }, [pathname]);

  const links = [
    { to: '/', label: t('nav.catalog') },
    ...(mayApply(principal?.roles) ? [{ to: '/my/cases', label: t('nav.myCases') }] : []),
    ...(isStaff(principal?.roles) ? [{ to: '/workbench', label: t('nav.workbench') }] : []),
    ...(hasRole(principal?.roles, 'designer') ? [{ to: '/designer', label: t('nav.designer') }] : []),
    ...(maySupervise(principal?.roles) ? [{ to: '/supervision', label: t('nav.supervision') }] : []),
    ...(isAdmin(principal?.roles) ? [{ to: '/admin/calendar', label: t('nav.calendar') }] : []),
  ];
  const isCurrent = (to: string) => (to === '/' ? pathname === '/' || pathname.startsWith('/items') : pathname.startsWith(to));
  const list = (
    <ul className="banshi-nav">
      {links.map((l) => (
        <li key={l.to}>
          <Link to={l.to} aria-current={isCurrent(l.to) ? 'page' : undefined}>{l.label}</Link>
        </li>
      ))}
    </ul>
  );

  const session = principal ? (
    <Space size="small" wrap>
      <span style={{ color: '#fff' }} data-testid="current-user">{principal.name}</span>
      <Button size="small" onClick={() => { signOut(); if (auth?.kind !== 'cognito') navigate('/'); }}>{t('nav.signOut')}</Button>
    </Space>
  ) : (
    <Button size="small" onClick={() => navigate('/sign-in')}>{t('nav.signIn')}</Button>
  );
  const language = (
    <Button size="small" type="text" style={{ color: '#fff' }} lang={locale === 'en' ? 'zh-CN' : 'en'} onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
      {t('nav.language')}
    </Button>
  );

  return (
    <header style={{ display: 'flex', alignItems: 'center', gap: 16, minHeight: 64, padding: '0 clamp(12px, 3vw, 32px)', background: '#8c0f14' }}>
      <style>{NAV_STYLE}</style>
      <Link to="/" style={{ color: '#fff', fontWeight: 700, fontSize: 20, whiteSpace: 'nowrap' }} aria-label={t('app.name')}>
        {t('app.name')}
      </Link>
      <nav aria-label={t('app.name')} style={{ flex: 1, minWidth: 0 }}>
        {screens.md !== false ? list : (
          <details className="banshi-nav-fold" ref={fold}>
            <summary aria-label={t('nav.menu')}><MenuOutlined aria-hidden /></summary>
            {list}
          </details>
        )}
      </nav>
      {language}
      {session}
    </header>
  );
}
