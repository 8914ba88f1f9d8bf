/**
 * The app shell: language and session providers, antd in the chosen locale, a header that folds
 * into a menu on a phone, and the routes of the applicant portal, the staff workbench, the designer
 * and supervision.
 */
import { ConfigProvider, Layout, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { isAdmin } from '@banshi/schemas/core';
import { setLanguage } from './shared/api.js';
import { AppHeader } from './shared/app-header.js';
import { SUCCESS_TOKENS } from './applicant/theme-colours.js';
import { I18nProvider, useI18n } from './shared/i18n.js';
import { SessionProvider, useSession } from './shared/session.js';

// Every page loads on demand: a page brings only what it uses (the applicant's form page does not
// carry the catalog's lists or the result illustrations of the not-found page).
const CatalogPage = lazy(() => import('./applicant/catalog-page.js').then((m) => ({ default: m.CatalogPage })));
const SignInPage = lazy(() => import('./shared/auth/sign-in-page.js').then((m) => ({ default: m.SignInPage })));
const AuthCallbackPage = lazy(() => import('./shared/auth/auth-callback-page.js'));
const NotFoundPage = lazy(() => import('./shared/not-found-page.js').then((m) => ({ default: m.NotFoundPage })));
const GuidePage = lazy(() => import('./applicant/guide-page.js'));
const ApplyPage = lazy(() => import('./applicant/apply-page.js'));
const ReceiptPage = lazy(() => import('./applicant/receipt-page.js'));
const MyCasesPage = lazy(() => import('./applicant/my-cases-page.js'));
const CasePage = lazy(() => import('./applicant/case-page.js'));
const InboxPage = lazy(() => import('./workbench/inbox-page.js'));
const StaffCasePage = lazy(() => import('./workbench/staff-case-page.js'));
// The designer: the items list, and one item's guide, form, flow, versions and claims.
const DesignerHomePage = lazy(() => import('./designer/designer-home-page.js'));
const DesignerPage = lazy(() => import('./designer/designer-page.js'));
// Supervision: a department's cases of a month, counted per item.
const SupervisionPage = lazy(() => import('./supervision/supervision-page.js'));
// Administration: the national calendar (holidays, make-up days, regions), and the admins' reminder
// to enter next year's (loaded for admins only).
const CalendarAdminPage = lazy(() => import('./workbench/calendar-admin-page.js'));
const CalendarReminder = lazy(() => import('./shared/calendar-reminder.js'));
// antd's App context (App.useApp: message, modal) comes with the pages that use it; a page that
// calls App.useApp() must be framed here.
const AntAppFrame = lazy(() => import('./shared/ant-app-frame.js'));
const framed = (page: ReactNode) => <AntAppFrame>{page}</AntAppFrame>;

function Shell() {
  const administers = isAdmin(useSession().principal?.roles);
  const { locale, t } = useI18n();
  useEffect(() => {
    setLanguage(locale);
    document.title = `${t('app.name')} · ${t('app.tagline')}`;
  }, [locale, t]);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#c8161d', borderRadius: 6, colorTextSecondary: '#595959', colorTextTertiary: '#595959', colorTextPlaceholder: '#767676', colorLink: '#0050b3', colorError: '#cf1322', colorWarning: '#ad4e00', colorSuccess: '#237804', ...SUCCESS_TOKENS } }}>
      <Layout style={{ minHeight: '100vh' }}>
        <AppHeader />
        {administers && (
          <Suspense fallback={null}>
            <CalendarReminder />
          </Suspense>
        )}
        {/* Layout.Content renders the page's one <main> landmark. */}
        <Layout.Content style={{ padding: 'clamp(12px, 3vw, 32px)', maxWidth: 1200, width: '100%', margin: '0 auto' }}>
          <Suspense fallback={<Spin size="large" aria-label={t('common.loading')} style={{ display: 'block', margin: '20vh auto' }} />}>
            <Routes>
              <Route path="/" element={<CatalogPage />} />
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/auth/callback" element={<AuthCallbackPage />} />
              <Route path="/items/:itemId" element={<GuidePage />} />
              <Route path="/items/:itemId/apply" element={<ApplyPage />} />
              <Route path="/receipts/:caseId" element={<ReceiptPage />} />
              <Route path="/my/cases" element={framed(<MyCasesPage />)} />
              <Route path="/cases/:caseId" element={framed(<CasePage />)} />
              <Route path="/workbench" element={framed(<InboxPage />)} />
              <Route path="/workbench/cases/:caseId" element={framed(<StaffCasePage />)} />
              <Route path="/designer" element={framed(<DesignerHomePage />)} />
              <Route path="/designer/items/:itemId/*" element={framed(<DesignerPage />)} />
              <Route path="/supervision" element={framed(<SupervisionPage />)} />
              <Route path="/admin/calendar" element={framed(<CalendarAdminPage />)} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#595959' }}>{t('app.name')} · {t('app.tagline')}</Layout.Footer>
      </Layout>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Shell />
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
