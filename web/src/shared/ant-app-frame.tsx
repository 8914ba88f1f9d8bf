/**
 * antd's App context (message, notification and modal hooks) for the pages that use it. Loaded
 * with those pages, not with the shell: the applicant's form page shows its feedback inline and
 * does not carry the notification and dialog code.
 */
import { App } from 'antd';
import type { ReactNode } from 'react';

export default function AntAppFrame({ children }: { children: ReactNode }) {
  return <App component={false}>{children}</App>;
}
