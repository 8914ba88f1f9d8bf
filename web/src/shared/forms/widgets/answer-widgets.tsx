/**
 * rjsf's choice widgets (radio, select, checkbox, checkboxes) that show a read-only answer as text
 * — 是 / 否, the chosen option's label, several joined by 、 — instead of disabled controls with a
 * pale dot. Editable, they are rjsf's own native controls. Used by the form's review step and by
 * the read-only submission (applicant's and staff's case pages).
 */
import { getDefaultRegistry } from '@rjsf/core';
import type { EnumOptionsType, RegistryWidgetsType, WidgetProps } from '@rjsf/utils';
import type { ComponentType } from 'react';
import { ReadOnlyText } from './read-only-text.js';

/** The label of `value` among the options; several values joined by 、 (the value itself when not an option). */
export function answerText(value: unknown, options: readonly EnumOptionsType[] | undefined): string {
  const one = (v: unknown) => (v === undefined || v === null || v === '' ? '' : String(options?.find((o) => o.value === v)?.label ?? v));
  return Array.isArray(value) ? value.map(one).filter(Boolean).join('、') : one(value);
}

function showsAnswer(Control: ComponentType<WidgetProps>) {
  return function AnswerOrControl(props: WidgetProps) {
    if (!props.readonly) return <Control {...props} />;
    return <ReadOnlyText id={props.id} text={answerText(props.value, props.options.enumOptions)} />;
  };
}

const own = getDefaultRegistry().widgets;

/** Widgets to register with rjsf (`widgets` prop): read-only choices as text. */
export const answerWidgets: RegistryWidgetsType = {
  RadioWidget: showsAnswer(own.RadioWidget as ComponentType<WidgetProps>),
  SelectWidget: showsAnswer(own.SelectWidget as ComponentType<WidgetProps>),
  CheckboxWidget: showsAnswer(own.CheckboxWidget as ComponentType<WidgetProps>),
  CheckboxesWidget: showsAnswer(own.CheckboxesWidget as ComponentType<WidgetProps>),
};
