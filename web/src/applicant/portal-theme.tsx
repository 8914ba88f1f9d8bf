import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { FOCUS, SUCCESS_TOKENS } from './theme-colours.js';
import { MUTED } from './ui.js';

const LINK = '#0050b3';

// Plain links and rjsf's help text take antd's global colours, which fail 4.5:1 on white. The focus
// ring is blue, not the brand red antd derives it from (red means an error on these pages).
const css = [
  `.banshi-portal a:not(.ant-btn){color:${LINK}}.banshi-portal a:not(.ant-btn):hover{color:#003eb3}.banshi-portal .help-block,.banshi-portal .ant-form-item-extra{color:${MUTED}}`,
  `.banshi-portal a:focus-visible,.banshi-portal .ant-btn:not(:disabled):focus-visible,.banshi-portal [tabindex]:focus-visible{outline:2px solid ${FOCUS};outline-offset:2px}`,
].join('');

/**
 * antd tokens the applicant pages need for WCAG AA contrast on white: darker secondary and
 * tertiary text (labels, captions), links and danger buttons, a success tint that does not look
 * disabled, and a blue focus ring. Nested, so it inherits the app theme.
 */
export function PortalTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={{ token: { colorTextSecondary: MUTED, colorTextTertiary: MUTED, colorTextDescription: MUTED, colorLink: LINK, colorLinkHover: '#003eb3', colorError: '#cf1322', ...SUCCESS_TOKENS } }}>
      <style>{css}</style>
      <div className="banshi-portal">{children}</div>
    </ConfigProvider>
  );
}
