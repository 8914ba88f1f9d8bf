/**
 * Bench page: BanshiForm on a 300-field form (forms/src/testing/make-large-form.ts), prefilled
 * with valid data. `window.benchReady` turns true once rendered; every field is labelled by its title.
 */
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { makeLargeForm } from '@banshi/forms/testing';
import { BanshiForm } from '../src/shared/forms/banshi-form.js';
import { I18nProvider } from '../src/shared/i18n.js';

const { form, data } = makeLargeForm(300);

function Bench() {
  const [formData, setFormData] = useState<Record<string, unknown>>(data);
  useEffect(() => {
    (window as unknown as { benchReady: boolean }).benchReady = true;
  }, []);
  return (
    <BanshiForm schema={form.schema} rules={form.rules} formData={formData} onChange={setFormData} onSubmit={() => undefined} today="2025-06-30" />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ConfigProvider locale={zhCN}>
        <h1>BanshiForm · 300</h1>
        <Bench />
      </ConfigProvider>
    </I18nProvider>
  </StrictMode>,
);
