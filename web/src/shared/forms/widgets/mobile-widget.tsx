/** A mainland mobile number: 11 digits, numeric keyboard on a phone. */
import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';

export function MobileWidget({ id, value, required, disabled, readonly, placeholder, autofocus, onChange, onBlur, onFocus }: WidgetProps) {
  return (
    <input
      id={id}
      name={id}
      className="form-control"
      style={{ maxWidth: 320 }}
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
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(e) => onChange(e.target.value.replace(/\s/g, '') || undefined)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}
