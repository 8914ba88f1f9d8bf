/**
 * An administrative division (GB/T 2260): pick one of the known regions by name or code, or type
 * any 6-digit code (the validator accepts any well-formed code).
 */
import type { WidgetProps } from '@rjsf/utils';
import { AutoComplete, Typography } from 'antd';
import { useMemo } from 'react';
import reference from '../../../../schemas/reference/regions.json';
import { useI18n } from '../../i18n.js';

interface Region {
  code: string;
  name: string;
}

const regions: Region[] = (reference as { regions: Region[] }).regions;
const byCode = new Map(regions.map((r) => [r.code, r]));

export function RegionWidget({ id, value, required, disabled, readonly, placeholder, autofocus, rawErrors, onChange, onBlur, onFocus }: WidgetProps) {
  const { t } = useI18n();
  const options = useMemo(() => regions.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` })), []);
  const known = typeof value === 'string' ? byCode.get(value) : undefined;
  return (
    <>
      <AutoComplete
        id={id}
        style={{ width: '100%', maxWidth: 360 }}
        value={value ?? ''}
        options={options}
        disabled={disabled || readonly}
        placeholder={placeholder || t('apply.region.placeholder')}
        autoFocus={autofocus}
        status={rawErrors?.length ? 'error' : undefined}
        aria-invalid={rawErrors?.length ? true : undefined}
        aria-required={required}
        showSearch={{
          filterOption: (input, option) => Boolean(option && (option.value.startsWith(input) || String(option.label).includes(input))),
        }}
        onChange={(v: string) => onChange(v ? v.replace(/\D/g, '').slice(0, 6) : undefined)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      {known && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }} data-testid={`${id}-name`}>
          {known.name}
        </Typography.Text>
      )}
    </>
  );
}
