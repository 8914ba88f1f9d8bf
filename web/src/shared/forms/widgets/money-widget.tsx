/**
 * An amount in yuan: ¥, at most two decimals, never negative. What the applicant types stays as
 * typed while they type (「12.」 on the way to 「12.50」); the data gets the number it means.
 */
import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';

const AMOUNT = /^\d*(\.\d{0,2})?$/;

export function MoneyWidget({ id, value, required, disabled, readonly, placeholder, autofocus, onChange, onBlur, onFocus }: WidgetProps) {
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  // A value set from outside (a draft, a calculation) replaces what is shown.
  useEffect(() => {
    setText((shown) => (Number(shown) === value && shown !== '' ? shown : typeof value === 'number' ? String(value) : ''));
  }, [value]);
  return (
    <div className="banshi-affix">
      <span aria-hidden>¥</span>
      <input
        id={id}
        name={id}
        className="form-control"
        inputMode="decimal"
        value={text}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        placeholder={placeholder}
        autoFocus={autofocus}
        aria-describedby={ariaDescribedByIds(id)}
        onChange={(e) => {
          const next = e.target.value.replace(/[,，\s]/g, '').replace('。', '.');
          if (!AMOUNT.test(next)) return;
          setText(next);
          onChange(next === '' || next === '.' ? undefined : Math.round(Number(next) * 100) / 100);
        }}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
    </div>
  );
}
