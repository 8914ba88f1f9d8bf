/**
 * A tag in one of a few tones whose text keeps a contrast of at least 4.5:1 on its background
 * (antd's preset tag colours fall below that for amber and green, which axe reports).
 */
import { ConfigProvider, Tag } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';

export type Tone = 'red' | 'amber' | 'green' | 'blue' | 'grey';

const tones: Record<Tone, { color: string; background: string; borderColor: string }> = {
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  amber: { color: '#873800', background: '#fff7e6', borderColor: '#ffc069' },
  green: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  blue: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  grey: { color: '#434343', background: '#f5f5f5', borderColor: '#d9d9d9' },
};

/** The tag; extra props (data-testid, data-state) go to the element. */
export function ToneTag({ tone, children, ...rest }: { tone: Tone; children: ReactNode } & HTMLAttributes<HTMLSpanElement> & Record<`data-${string}`, string>) {
  return (
    <Tag {...rest} style={{ ...tones[tone], marginInlineEnd: 0, ...rest.style }}>
      {children}
    </Tag>
  );
}

/**
 * The workbench's local theme: no space inserted between two Chinese characters of a button
 * (its accessible name stays "受理", not "受 理"), and secondary texts dark enough for contrast.
 */
export function WorkbenchTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorError: '#c41d1f', colorLink: '#0950c9', colorLinkHover: '#1668dc', colorTextTertiary: 'rgba(0, 0, 0, 0.62)', colorTextDescription: 'rgba(0, 0, 0, 0.62)', colorTextQuaternary: 'rgba(0, 0, 0, 0.55)' } }}
    >
      {children}
    </ConfigProvider>
  );
}
