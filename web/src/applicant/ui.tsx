/**
 * Small accessible building blocks of the applicant pages: secondary text dark enough for WCAG AA
 * on white (antd's secondary grey is not), tags whose text keeps 4.5:1 on their tint, and a plain
 * divided list (antd's List is deprecated in v6).
 */
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';

export const MUTED = '#595959';

/** Secondary text (inline). */
export function Muted({ children, style, ...rest }: HTMLAttributes<HTMLSpanElement>) {
  return <span style={{ color: MUTED, ...style }} {...rest}>{children}</span>;
}

export type Tone = 'red' | 'amber' | 'green' | 'blue' | 'purple' | 'cyan' | 'grey';

const tones: Record<Tone, CSSProperties> = {
  red: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  amber: { color: '#874d00', background: '#fffbe6', borderColor: '#ffd666' },
  green: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  blue: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  purple: { color: '#391085', background: '#f9f0ff', borderColor: '#d3adf7' },
  cyan: { color: '#00474f', background: '#e6fffb', borderColor: '#87e8de' },
  grey: { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' },
};

/** A tinted tag with AA contrast. Extra props (data-testid …) go to the element. */
export function SoftTag({ tone = 'grey', children, style, ...rest }: { tone?: Tone; children: ReactNode } & HTMLAttributes<HTMLSpanElement> & Record<`data-${string}`, string>) {
  return (
    <span
      style={{ display: 'inline-block', fontSize: 12, lineHeight: '20px', padding: '0 7px', border: '1px solid', borderRadius: 4, whiteSpace: 'nowrap', ...tones[tone], ...style }}
      {...rest}
    >
      {children}
    </span>
  );
}

/** A divided list: `<ul>` of `<li>`, each rendered by `render`. */
export function PlainList<T>({ items, render, itemKey, testId, itemProps }: {
  items: readonly T[];
  render: (item: T, index: number) => ReactNode;
  itemKey?: (item: T, index: number) => string;
  testId?: string;
  itemProps?: (item: T) => Record<string, string>;
}) {
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid={testId}>
      {items.map((item, i) => (
        <li key={itemKey ? itemKey(item, i) : i} style={{ padding: '10px 0', borderTop: i === 0 ? undefined : '1px solid #f0f0f0' }} {...itemProps?.(item)}>
          {render(item, i)}
        </li>
      ))}
    </ul>
  );
}
