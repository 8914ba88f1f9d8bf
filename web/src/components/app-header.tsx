import { Button, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n.js';
import { isStaff, useSession } from '../session.js';

/** The top bar: brand, navigation for the signed-in role, language switch, session. */
export function AppHeader() {
  const { t, locale, setLocale } = useI18n();
  const { principal, signOut } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();

  const items = [
    { key: '/', label: <Link to="/">{t('nav.catalog')}</Link> },
    ...(principal && (principal.roles.includes('applicant') || principal.roles.includes('agent'))
      ? [{ key: '/my/cases', label: <Link to="/my/cases">{t('nav.myCases')}</Link> }]
      : []),
    ...(isStaff(principal) ? [{ key: '/workbench', label: <Link to="/workbench">{t('nav.workbench')}</Link> }] : []),
  ];
  const selected = items.map((i) => i.key).filter((k) => (k === '/' ? pathname === '/' || pathname.startsWith('/items') : pathname.startsWith(k)));

  const session = principal ? (
    <Space size="small" wrap>
      <Typography.Text style={{ color: '#fff' }} data-testid="current-user">{principal.name}</Typography.Text>
      <Button size="small" onClick={() => { signOut(); navigate('/'); }}>{t('nav.signOut')}</Button>
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
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '0 clamp(12px, 3vw, 32px)', background: '#8c0f14' }}>
      <Link to="/" style={{ color: '#fff', fontWeight: 700, fontSize: 20, whiteSpace: 'nowrap' }} aria-label={t('app.name')}>
        {t('app.name')}
      </Link>
      <nav aria-label={t('app.name')} style={{ flex: 1, minWidth: 0 }}>
        {screens.md ? (
          <Menu mode="horizontal" theme="dark" selectedKeys={selected} items={items} style={{ background: 'transparent', borderBottom: 0 }} />
        ) : (
          <Dropdown menu={{ items, selectedKeys: selected }} trigger={['click']}>
            <Button type="text" icon={<MenuOutlined style={{ color: '#fff' }} />} aria-label="menu" />
          </Dropdown>
        )}
      </nav>
      {language}
      {session}
    </Layout.Header>
  );
}
