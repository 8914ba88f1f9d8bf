/**
 * Bench baseline: plain @rjsf/antd Form with @rjsf/validator-ajv8 and liveValidate on, on the
 * same 300-field schema as form-bench (the government formats registered as always-valid, since
 * plain ajv does not know them). `window.benchReady` turns true once rendered.
 */
import Form from '@rjsf/antd';
import type { RJSFSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { makeLargeForm } from '@banshi/forms/testing';

const { form, data } = makeLargeForm(300);
const validator = customizeValidator({ customFormats: { 'resident-id': /.*/, mobile: /.*/, 'region-code': /.*/ } });

function Bench() {
  const [formData, setFormData] = useState<Record<string, unknown>>(data);
  useEffect(() => {
    (window as unknown as { benchReady: boolean }).benchReady = true;
  }, []);
  return (
    <Form schema={form.schema as RJSFSchema} formData={formData} validator={validator} liveValidate="onChange" showErrorList={false} onChange={(e) => setFormData(e.formData)} />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN}>
      <h1>plain rjsf · 300</h1>
      <Bench />
    </ConfigProvider>
  </StrictMode>,
);
