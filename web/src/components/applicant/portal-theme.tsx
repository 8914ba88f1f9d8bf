import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { MUTED } from './ui.js';

const LINK = '#0050b3';

// Plain links and rjsf's help text take antd's global colours, which fail 4.5:1 on white.
const css = `.banshi-portal a:not(.ant-btn){color:${LINK}}.banshi-portal a:not(.ant-btn):hover{color:#003eb3}.banshi-portal .help-block,.banshi-portal .ant-form-item-extra{color:${MUTED}}`;

/**
 * antd tokens the applicant pages need for WCAG AA contrast on white: darker secondary and
 * tertiary text (labels, captions), links and danger buttons. Nested, so it inherits the app theme.
 */
export function PortalTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={{ token: { colorTextSecondary: MUTED, colorTextTertiary: MUTED, colorTextDescription: MUTED, colorLink: LINK, colorLinkHover: '#003eb3', colorError: '#cf1322' } }}>
      <style>{css}</style>
      <div className="banshi-portal">{children}</div>
    </ConfigProvider>
  );
}
