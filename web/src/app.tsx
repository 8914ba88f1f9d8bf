/**
 * The app shell: language and session providers, antd in the chosen locale, a header that folds
 * into a menu on a phone, and the routes of the applicant portal and the staff workbench.
 */
import { App as AntApp, ConfigProvider, Layout, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { setLanguage } from './api.js';
import { AppHeader } from './components/app-header.js';
import { I18nProvider, useI18n } from './i18n.js';
import { SessionProvider } from './session.js';
import { CatalogPage } from './pages/catalog-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { NotFoundPage } from './pages/not-found-page.js';

// Pages beyond the catalog load on demand, so the first page stays small.
const GuidePage = lazy(() => import('./pages/guide-page.js'));
const ApplyPage = lazy(() => import('./pages/apply-page.js'));
const ReceiptPage = lazy(() => import('./pages/receipt-page.js'));
const MyCasesPage = lazy(() => import('./pages/my-cases-page.js'));
const CasePage = lazy(() => import('./pages/case-page.js'));
const InboxPage = lazy(() => import('./pages/inbox-page.js'));
const StaffCasePage = lazy(() => import('./pages/staff-case-page.js'));

function Shell() {
  const { locale, t } = useI18n();
  useEffect(() => {
    setLanguage(locale);
    document.title = `${t('app.name')} · ${t('app.tagline')}`;
  }, [locale, t]);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#c8161d', borderRadius: 6, colorTextSecondary: '#595959', colorTextTertiary: '#595959', colorTextPlaceholder: '#767676', colorLink: '#0050b3', colorError: '#cf1322', colorWarning: '#ad4e00', colorSuccess: '#237804' } }}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <AppHeader />
          <Layout.Content style={{ padding: 'clamp(12px, 3vw, 32px)', maxWidth: 1200, width: '100%', margin: '0 auto' }}>
            <main>
              <Suspense fallback={<Spin size="large" aria-label={t('common.loading')} style={{ display: 'block', margin: '20vh auto' }} />}>
                <Routes>
                  <Route path="/" element={<CatalogPage />} />
                  <Route path="/sign-in" element={<SignInPage />} />
                  <Route path="/items/:itemId" element={<GuidePage />} />
                  <Route path="/items/:itemId/apply" element={<ApplyPage />} />
                  <Route path="/receipts/:caseId" element={<ReceiptPage />} />
                  <Route path="/my/cases" element={<MyCasesPage />} />
                  <Route path="/cases/:caseId" element={<CasePage />} />
                  <Route path="/workbench" element={<InboxPage />} />
                  <Route path="/workbench/cases/:caseId" element={<StaffCasePage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Routes>
              </Suspense>
            </main>
          </Layout.Content>
          <Layout.Footer style={{ textAlign: 'center', color: '#595959' }}>{t('app.name')} · {t('app.tagline')}</Layout.Footer>
        </Layout>
      </AntApp>
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
