/**
 * An administrative division (GB/T 2260): type a code or pick one of the known regions from the
 * list the browser offers (by name or code); any well-formed 6-digit code is accepted, as the
 * validator does. The name of a known code shows under the field.
 */
import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import reference from '../../../../schemas/reference/regions.json';
import { useI18n } from '../../i18n.js';

interface Region {
  code: string;
  name: string;
}

const regions: Region[] = (reference as { regions: Region[] }).regions;
const byCode = new Map(regions.map((r) => [r.code, r]));

export function RegionWidget({ id, value, required, disabled, readonly, placeholder, autofocus, onChange, onBlur, onFocus }: WidgetProps) {
  const { t } = useI18n();
  const known = typeof value === 'string' ? byCode.get(value) : undefined;
  const listId = `${id}__regions`;
  return (
    <>
      <input
        id={id}
        name={id}
        className="form-control"
        style={{ maxWidth: 360 }}
        inputMode="numeric"
        list={listId}
        autoComplete="off"
        value={value ?? ''}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        placeholder={placeholder || t('apply.region.placeholder')}
        autoFocus={autofocus}
        aria-describedby={`${ariaDescribedByIds(id)} ${id}-name`}
        onChange={(e) => onChange(e.target.value ? e.target.value.replace(/\D/g, '').slice(0, 6) || undefined : undefined)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      <datalist id={listId}>
        {regions.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
      </datalist>
      <div className="banshi-help" id={`${id}-name`} data-testid={`${id}-name`} aria-live="polite">{known?.name ?? ''}</div>
    </>
  );
}
