/** A mainland mobile number: 11 digits, numeric keyboard on a phone. */
import type { WidgetProps } from '@rjsf/utils';
import { Input } from 'antd';

export function MobileWidget({ id, value, required, disabled, readonly, placeholder, autofocus, rawErrors, onChange, onBlur, onFocus }: WidgetProps) {
  return (
    <Input
      id={id}
      name={id}
      type="tel"
      inputMode="numeric"
      autoComplete="tel-national"
      maxLength={11}
      value={value ?? ''}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      placeholder={placeholder || '1xxxxxxxxxx'}
      autoFocus={autofocus}
      status={rawErrors?.length ? 'error' : undefined}
      aria-invalid={rawErrors?.length ? true : undefined}
      onChange={(e) => onChange(e.target.value.replace(/\s/g, '') || undefined)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}
