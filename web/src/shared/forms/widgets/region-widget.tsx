/**
 * An administrative division (GB/T 2260), chosen by name: two native selects, 盟市 then 旗县区 (the
 * districts of the league or city chosen), storing the division's 6-digit code. A city whose
 * districts the list does not hold is itself the answer. Native selects: a phone shows its own
 * picker and a screen reader reads each by its label; the field's question is the group's legend
 * (accessible-field-template.tsx). Read-only, the names show as text.
 *
 * A code the list does not hold (kept from an older form or a draft) stays selected, shown by its
 * code under its nearest listed city, until the applicant picks another.
 */
import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { useState } from 'react';
import { regionChildren, regionLabel, regionOf, regionPath } from '@banshi/forms';
import { useI18n } from '../../i18n.js';
import { ReadOnlyText } from './read-only-text.js';

/** The leagues and cities offered first: the children of the one top-level region (or the top level itself). */
function firstLevel() {
  const top = regionChildren();
  return top.length === 1 ? regionChildren(top[0]!.code) : top;
}
const CITIES = firstLevel();

/** The city (first-level choice) a stored code belongs to. */
function cityOf(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return regionPath(code).find((r) => CITIES.some((c) => c.code === r.code))?.code;
}

interface LevelProps {
  id: string;
  label: string;
  /** The chosen code ('' for none). */
  value: string;
  options: readonly { code: string; name: string }[];
  onPick(code: string): void;
}

/** One level of the picker: its label above a native select of the divisions it offers. */
function Level({ id, label, value, options, onPick, field }: LevelProps & { field: WidgetProps }) {
  const { t } = useI18n();
  return (
    <div>
      <label className="banshi-sublabel" htmlFor={id}>{label}</label>
      <select
        id={id}
        name={id}
        className="form-control"
        value={value}
        required={field.required}
        disabled={field.disabled}
        autoFocus={field.autofocus && id === field.id}
        aria-describedby={ariaDescribedByIds(field.id)}
        onChange={(e) => onPick(e.target.value)}
        onBlur={() => field.onBlur(field.id, field.value)}
        onFocus={() => field.onFocus(field.id, field.value)}
      >
        <option value="">{t('apply.region.pick')}</option>
        {options.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
      </select>
    </div>
  );
}

export function RegionWidget(props: WidgetProps) {
  const { id, value, readonly, onChange } = props;
  const { t } = useI18n();
  const code = typeof value === 'string' && value !== '' ? value : undefined;
  // The city chosen while its district is still open (the value is then unset).
  const [openCity, setOpenCity] = useState<string>();
  if (readonly) return <ReadOnlyText id={id} text={regionLabel(code)} />;

  const city = cityOf(code) ?? (code ? undefined : openCity);
  const unlisted = code !== undefined && !regionOf(code);
  // An unlisted code is offered where it belongs: as a district of its listed city, else as a city.
  const cities = unlisted && !city ? [...CITIES, { code: code!, name: regionLabel(code) }] : CITIES;
  const districts = city ? regionChildren(city) : [];
  const county = unlisted && city ? [...districts, { code: code!, name: code! }] : districts;

  const chooseCity = (next: string) => {
    setOpenCity(next || undefined);
    // A city with listed districts is answered by its district; one without, by itself.
    onChange(next && regionChildren(next).length === 0 ? next : undefined);
  };

  return (
    <div className="banshi-region">
      <Level id={id} label={t('apply.region.city')} value={city ?? (unlisted ? code! : '')} options={cities} onPick={chooseCity} field={props} />
      {county.length > 0 && (
        <Level id={`${id}__county`} label={t('apply.region.county')} value={code && code !== city ? code : ''} options={county}
          onPick={(next) => onChange(next || undefined)} field={props} />
      )}
    </div>
  );
}
