/**
 * Small labelled controls of the flow designer's panels. Choices are native `<select>`s: they work
 * with a keyboard, a screen reader and a phone's own picker, and a browser test selects an option
 * by its label.
 */
import type { CSSProperties, ReactNode } from 'react';

export function Field({ label, htmlFor, hint, children, style }: { label: string; htmlFor: string; hint?: string; children: ReactNode; style?: CSSProperties }) {
  return (
    <div style={{ display: 'grid', gap: 2, minWidth: 0, ...style }}>
      <label htmlFor={htmlFor} style={{ fontSize: 13, color: '#262626' }}>{label}</label>
      {children}
      {hint && <span style={{ fontSize: 12, color: '#595959' }}>{hint}</span>}
    </div>
  );
}

const SELECT_STYLE: CSSProperties = {
  height: 32,
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  padding: '0 8px',
  background: '#fff',
  color: '#262626',
  fontSize: 14,
  width: '100%',
  minWidth: 0,
};

export interface Option {
  value: string;
  label: string;
}

export function NativeSelect({ id, value, options, onChange, testId, ariaLabel, invalid, style }: {
  id?: string;
  value: string;
  options: Option[];
  onChange(value: string): void;
  testId?: string;
  ariaLabel?: string;
  invalid?: boolean;
  style?: CSSProperties;
}) {
  const known = options.some((o) => o.value === value);
  return (
    <select
      id={id}
      aria-label={ariaLabel}
      aria-invalid={invalid || undefined}
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      style={{ ...SELECT_STYLE, ...(invalid ? { borderColor: '#cf1322' } : {}), ...style }}
    >
      {!known && <option value={value}>{value}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>{o.label}</option>
      ))}
    </select>
  );
}
