/** An amount in yuan: ¥, two decimals, never negative. */
import type { WidgetProps } from '@rjsf/utils';
import { InputNumber } from 'antd';

export function MoneyWidget({ id, value, required, disabled, readonly, placeholder, autofocus, rawErrors, onChange, onBlur, onFocus }: WidgetProps) {
  return (
    <InputNumber<number>
      id={id}
      name={id}
      style={{ width: '100%', maxWidth: 320 }}
      prefix="¥"
      min={0}
      step={0.01}
      precision={2}
      inputMode="decimal"
      value={typeof value === 'number' ? value : null}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      placeholder={placeholder}
      autoFocus={autofocus}
      status={rawErrors?.length ? 'error' : undefined}
      aria-invalid={rawErrors?.length ? true : undefined}
      onChange={(v) => onChange(v === null ? undefined : Math.round(v * 100) / 100)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    />
  );
}
