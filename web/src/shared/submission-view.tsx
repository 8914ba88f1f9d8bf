/**
 * The submitted data of a case, read-only, rendered by rjsf from the case's own (pinned) form
 * version: fields hidden by `visible` rules are left out, labels follow the chosen language,
 * attachments are links to /api/blobs/{blobId}. Used by the applicant's case page and the staff
 * workbench.
 */
import { ThemedForm as Form } from './forms/themed-form.js';
import { getDefaultRegistry } from '@rjsf/core';
import type { RegistryFieldsType, RegistryWidgetsType } from '@rjsf/utils';
import { useMemo } from 'react';
import { evaluateRules } from '@banshi/forms';
import type { FormRule } from '@banshi/forms';
import { formTemplates } from './forms/accessible-field-template.js';
import { createBanshiValidator } from './forms/banshi-validator.js';
import { FORM_STYLE } from './forms/form-style.js';
import { formStrings } from './forms/form-strings.js';
import { chinaToday } from './china-time.js';
import { useI18n } from './i18n.js';
import { AttachmentViewField } from '../applicant/attachment-view-field.js';
import { answerWidgets } from './forms/widgets/answer-widgets.js';
import { RegionWidget } from './forms/widgets/region-widget.js';
import { localizeSchema, localizeUiSchema, withoutFields } from '../applicant/form-labels.js';

export interface SubmissionViewProps {
  /** The form definition of the case's item version: `{schema, uiSchema?, rules?}`. */
  form: { schema: Record<string, any>; uiSchema?: Record<string, any>; rules?: readonly unknown[] };
  /** The case data. */
  data: unknown;
}

// The portal's custom input widgets, read-only: rjsf's TextWidget; answers to choices and yes/no
// questions as text (是 / 否), regions by name.
const text = getDefaultRegistry().widgets.TextWidget;
const widgets: RegistryWidgetsType = { ...answerWidgets, mobile: text, region: RegionWidget, 'region-code': RegionWidget, money: text };
const fields: RegistryFieldsType = { attachment: AttachmentViewField };
const formContext = { colon: false };

// Read-only values stay dark and legible; groups read as headed sections.
const css = [
  '.banshi-submission-view fieldset fieldset{border-inline-start:3px solid #f0f0f0;padding-inline-start:12px}',
  '.banshi-submission-view .form-control[readonly],.banshi-submission-view .form-control:disabled{color:rgba(0,0,0,.88);-webkit-text-fill-color:rgba(0,0,0,.88);background:#fafafa}',
  '.banshi-submission-view input:disabled+span,.banshi-submission-view label:has(input:disabled){color:rgba(0,0,0,.88);cursor:default}',
].join('');

/** Renders `data` read-only with the form it was submitted on; no submit button. */
export function SubmissionView({ form, data }: SubmissionViewProps) {
  const { locale } = useI18n();
  const translate = useMemo(() => formStrings(locale), [locale]);
  const today = chinaToday();
  const rules = (form.rules ?? []) as FormRule[];
  const formData = (data ?? {}) as Record<string, unknown>;

  const { schema, uiSchema, validator } = useMemo(() => {
    let hidden: string[] = [];
    try {
      hidden = evaluateRules(rules, formData, { today, locale }).hidden;
    } catch {
      hidden = [];
    }
    const visible = withoutFields(form.schema, hidden);
    return {
      schema: localizeSchema(visible, form.uiSchema, locale),
      uiSchema: { ...(localizeUiSchema(form.uiSchema, locale) ?? {}), 'ui:submitButtonOptions': { norender: true } },
      validator: createBanshiValidator(visible, { rules, locale, today }),
    };
  }, [form, formData, locale, today]);

  return (
    <div data-testid="submission-view" className="banshi-form banshi-submission-view">
      <style>{FORM_STYLE}</style>
      <style>{css}</style>
      <Form
        schema={schema}
        uiSchema={uiSchema}
        formData={formData}
        validator={validator}
        fields={fields}
        formContext={formContext}
        widgets={widgets}
        templates={formTemplates}
        readonly
        noHtml5Validate
        translateString={translate}
        showErrorList={false}
        onSubmit={() => undefined}
      />
    </div>
  );
}
