/**
 * BanshiForm: an item's form rendered by rjsf (native controls, form-style.ts) with the same validation and rules as
 * the server. Errors appear as the user types, but only for fields already left once (or after
 * Next/Submit); calculated fields are filled in read-only; fields hidden by rules are not shown;
 * long forms (more than one section) become steps with a final review.
 */
import type { FieldProps, RJSFSchema, UiSchema } from '@rjsf/utils';
import { ThemedForm as Form } from './themed-form.js';
import type { IChangeEvent } from '@rjsf/core';
import { Alert, Button, Flex } from 'antd';
import { FormSteps } from './form-steps.js';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { evaluateRules, type FieldError, type FormRule, isAtOrUnder as isAtOrUnderPointer } from '@banshi/forms';
import { formTemplates as templates } from './accessible-field-template.js';
import { FORM_STYLE } from './form-style.js';
import { formStrings } from './form-strings.js';
import { createBanshiValidator, toErrorSchema } from './banshi-validator.js';
import { formSections, sectionSchema, withRequiredGroups } from './form-sections.js';
import { HIDDEN_FIELD, prepareUiSchema } from './prepare-ui-schema.js';
import { answerWidgets } from './widgets/answer-widgets.js';
import { AttachmentField } from './widgets/attachment-field.js';
import { MobileWidget } from './widgets/mobile-widget.js';
import { MoneyWidget } from './widgets/money-widget.js';
import { RegionWidget } from './widgets/region-widget.js';
import { useI18n } from '../i18n.js';
import { chinaToday } from '../china-time.js';
import { escapeSegment, unescapeSegment } from '@banshi/schemas/core';

type Data = Record<string, unknown>;

export interface BanshiFormProps {
  schema: RJSFSchema;
  uiSchema?: UiSchema;
  rules?: readonly FormRule[];
  /** The data as the user entered it (controlled). */
  formData: Data;
  /**
   * The new data; `edited` when the user changed a field (false when the form only filled in its
   * calculated values or defaults, e.g. on opening).
   */
  onChange(data: Data, edited: boolean): void;
  /** Called when every step is valid, with the data as the server stores it (calculated values set, hidden fields dropped). */
  onSubmit(data: Data): void;
  /** Field errors from the server (pointers relative to the data, without `/data`). */
  serverErrors?: readonly FieldError[];
  /** Pointers of fields to mark (a correction request names them). */
  marked?: readonly string[];
  /** The current step (controlled, e.g. restored from a draft); internal when omitted. */
  step?: number;
  onStepChange?(step: number): void;
  /** Disables the submit button and shows it loading. */
  submitting?: boolean;
  /** The submit button's text; 提交申请 by default. */
  submitLabel?: string;
  /** `$today` for the rules, YYYY-MM-DD; today in Asia/Shanghai by default. */
  today?: string;
  /** Split a form of several sections into steps (default true). */
  stepped?: boolean;
}

export { chinaToday };

/** The rjsf id of the field at `pointer` (`/applicant/idNumber` → `root_applicant_idNumber`). */
export function pointerToId(pointer: string): string {
  return pointer === '' ? 'root' : `root${pointer.split('/').slice(1).map((s) => `_${unescapeSegment(s)}`).join('')}`;
}

function HiddenField(_props: FieldProps) {
  return null;
}

const fields = { attachment: AttachmentField, [HIDDEN_FIELD]: HiddenField };
// No placeholder items for minItems, no empty objects, no 否 for an unanswered required yes/no
// question: the data holds only what the user entered (and the defaults the form itself sets).
const defaults = { arrayMinItems: { populate: 'never' }, emptyObjectFields: 'skipEmptyDefaults', requiredBooleanDefault: 'skip' } as const;
// Read-only (the review step, calculated fields), choices show their answer as text.
const widgets = { ...answerWidgets, mobile: MobileWidget, region: RegionWidget, 'region-code': RegionWidget, money: MoneyWidget };
// One column (a phone is as wide as one field), labels above their fields.
const formContext = { labelAlign: 'left', colon: false, colSpan: 24, rowGutter: 16 };

type SchemaNode = RJSFSchema & { properties?: Record<string, SchemaNode> };

/** Fields whose change is a deliberate choice (no typing): their errors show at once. */
function choiceIds(schema: SchemaNode): Set<string> {
  const ids = new Set<string>();
  const walk = (node: SchemaNode, id: string) => {
    if (node.enum || node.oneOf || node.type === 'boolean' || node.type === 'array' || node.format === 'date') ids.add(id);
    for (const [name, child] of Object.entries(node.properties ?? {})) walk(child, `${id}_${name}`);
  };
  walk(schema, 'root');
  return ids;
}

export function BanshiForm(props: BanshiFormProps) {
  const { schema, uiSchema, rules = NO_RULES, formData, onChange, onSubmit, serverErrors = NO_ERRORS, marked, submitting, stepped = true } = props;
  const { locale, t, text } = useI18n();
  const translate = useMemo(() => formStrings(locale), [locale]);
  const today = props.today ?? chinaToday();
  // Compiling the form is the costly part: once per form, language and day.
  const validator = useMemo(() => createBanshiValidator(schema, { rules, locale, today }), [schema, rules, locale, today]);
  const sections = useMemo(() => (stepped ? formSections(schema, uiSchema) : []), [schema, uiSchema, stepped]);
  const multi = sections.length > 1;
  const choices = useMemo(() => choiceIds(schema as SchemaNode), [schema]);
  const calculated = useMemo(() => rules.filter((r) => r.kind === 'calculate').map((r) => r.field), [rules]);

  const [ownStep, setOwnStep] = useState(0);
  const step = Math.min(props.step ?? ownStep, multi ? sections.length : 0);
  const setStep = useCallback((n: number) => {
    setOwnStep(n);
    props.onStepChange?.(n);
  }, [props.onStepChange]);

  // Which errors may show: fields left once (ids), and whole parts revealed by Next/Submit.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [revealed, setRevealed] = useState<readonly string[]>([]);
  const [editedSinceServer, setEditedSinceServer] = useState<ReadonlySet<string>>(new Set());
  const [summary, setSummary] = useState<string>();
  useEffect(() => setEditedSinceServer(new Set()), [serverErrors]);

  const outcome = useMemo(() => evaluateRules(rules, formData, { today, locale }), [rules, formData, today, locale]);
  const hiddenKey = outcome.hidden.join('|');
  const markedKey = (marked ?? []).join('|');
  const preparedUi = useMemo(
    () => prepareUiSchema(schema, uiSchema, { locale, hidden: hiddenKey ? hiddenKey.split('|') : [], readOnly: calculated, marked: markedKey ? markedKey.split('|') : [] }),
    [schema, uiSchema, locale, hiddenKey, calculated, markedKey],
  );

  // A section not started yet is checked as an empty group: each of its fields says what it needs.
  const checked = useMemo(() => withRequiredGroups(formData, schema), [formData, schema]);
  const allErrors = useMemo<FieldError[]>(
    () => validator.validateFormData(checked, schema).errors.map((e) => ({ pointer: e.schemaPath ?? '', code: e.name ?? '', message: e.message ?? '' })),
    [validator, checked, schema],
  );
  const shown = useMemo(() => {
    const visible = allErrors.filter((e) => {
      const id = pointerToId(e.pointer);
      return touched.has(id) || revealed.some((p) => isAtOrUnderPointer(e.pointer, p));
    });
    const server = serverErrors.filter((e) => !editedSinceServer.has(pointerToId(e.pointer)) && !visible.some((v) => v.pointer === e.pointer && v.message === e.message));
    return [...visible, ...server];
  }, [allErrors, touched, revealed, serverErrors, editedSinceServer]);
  // rjsf re-merges errors whenever extraErrors changes identity: keep it stable while equal.
  const shownKey = JSON.stringify(shown);
  const extraErrors = useMemo(() => toErrorSchema(JSON.parse(shownKey) as FieldError[]), [shownKey]);

  // Calculated values are part of the data as soon as their inputs are (e.g. a prefilled draft).
  const withCalculated = useCallback((data: Data): Data => {
    if (calculated.length === 0) return data;
    const out = evaluateRules(rules.filter((r) => r.kind === 'calculate'), data, { today, locale }).data;
    const next = { ...data };
    let changed = false;
    for (const pointer of calculated) {
      const key = pointer.split('/')[1]!;
      if (JSON.stringify(out[key]) !== JSON.stringify(data[key])) {
        changed = true;
        if (out[key] === undefined) delete next[key];
        else next[key] = out[key];
      }
    }
    return changed ? next : data;
  }, [calculated, rules, today, locale]);
  useEffect(() => {
    const next = withCalculated(formData);
    if (next !== formData) onChange(next, false);
  }, []);

  const current = multi && step < sections.length ? sections[step]! : undefined;
  const reviewing = multi && step === sections.length;
  const view = useMemo(
    () => (current ? sectionSchema(schema, preparedUi, current) : { schema, uiSchema: preparedUi }),
    [schema, preparedUi, current],
  );

  const handleChange = useCallback((e: IChangeEvent<Data>, id?: string) => {
    let next = (e.formData ?? {}) as Data;
    if (current) {
      next = { ...formData };
      for (const name of current.properties) {
        if (e.formData && name in e.formData && e.formData[name] !== undefined) next[name] = e.formData[name];
        else delete next[name];
      }
    }
    if (id) {
      if (choices.has(id)) setTouched((s) => (s.has(id) ? s : new Set(s).add(id)));
      if (serverErrors.length) setEditedSinceServer((s) => (s.has(id) ? s : new Set(s).add(id)));
    }
    setSummary(undefined);
    onChange(withCalculated(next), id !== undefined);
  }, [current, formData, choices, serverErrors.length, onChange, withCalculated]);

  const handleBlur = useCallback((id: string) => {
    setTouched((s) => (s.has(id) ? s : new Set(s).add(id)));
  }, []);

  const scrollTo = (pointer: string) => {
    window.setTimeout(() => {
      let id = pointerToId(pointer);
      let el = document.getElementById(id);
      while (!el && id.includes('_')) {
        id = id.slice(0, id.lastIndexOf('_'));
        el = document.getElementById(id);
      }
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      // A yes/no question or a choice is a group: its first control takes the focus.
      const control = el && !el.matches('input,select,textarea') ? el.querySelector<HTMLElement>('input,select,textarea') ?? el : el;
      control?.focus({ preventScroll: true });
    }, 50);
  };
  // The error of the field first on the page (errors come sorted by pointer, not in the form's order).
  const firstOnPage = (errors: readonly FieldError[]): FieldError => {
    const at = (e: FieldError) => document.getElementById(pointerToId(e.pointer));
    return errors.reduce((first, e) => {
      const a = at(first);
      const b = at(e);
      return a && b && a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING ? e : first;
    });
  };

  // Server errors: go to the step of the first one and show it.
  useEffect(() => {
    const first = serverErrors[0];
    if (!first) return;
    if (multi) {
      const top = first.pointer.split('/')[1];
      const at = sections.findIndex((s) => s.properties.includes(top ?? ''));
      if (at >= 0 && at !== step) setStep(at);
    }
    scrollTo(first.pointer);
  }, [serverErrors]);

  const stepPointers = (s: { properties: string[] }) => s.properties.map((p) => `/${escapeSegment(p)}`);

  const advance = () => {
    if (current) {
      const pointers = stepPointers(current);
      setRevealed((r) => [...r, ...pointers]);
      const errors = allErrors.filter((e) => pointers.some((p) => isAtOrUnderPointer(e.pointer, p)));
      if (errors.length > 0) {
        setSummary(t('apply.fixErrors', { n: errors.length }));
        scrollTo(firstOnPage(errors).pointer);
        return;
      }
      setSummary(undefined);
      setStep(step + 1);
      window.scrollTo({ top: 0 });
      return;
    }
    setRevealed(['']);
    if (allErrors.length > 0) {
      setSummary(t('apply.fixErrors', { n: allErrors.length }));
      const first = allErrors[0]!;
      const at = sections.findIndex((s) => stepPointers(s).some((p) => isAtOrUnderPointer(first.pointer, p)));
      if (multi && at >= 0) setStep(at);
      scrollTo(first.pointer);
      return;
    }
    setSummary(undefined);
    onSubmit(evaluateRules(rules, checked, { today, locale }).data);
  };

  const submitLabel = props.submitLabel ?? t('apply.submit');
  return (
    <div className="banshi-form">
      <style>{FORM_STYLE}</style>
      {multi && (
        <FormSteps current={step} label={t('apply.steps')} titles={[...sections.map((s) => text(s.title)), t('apply.review')]} />
      )}
      {reviewing && <p>{t('apply.reviewHint')}</p>}
      <Form
        key={reviewing ? 'review' : `step-${step}`}
        schema={view.schema}
        uiSchema={view.uiSchema}
        formData={formData}
        validator={validator}
        fields={fields}
        widgets={widgets}
        templates={templates}
        experimental_defaultFormStateBehavior={defaults}
        formContext={formContext}
        noValidate
        noHtml5Validate
        translateString={translate}
        showErrorList={false}
        extraErrors={extraErrors}
        readonly={reviewing}
        onChange={handleChange}
        onBlur={handleBlur}
        onSubmit={advance}
      >
        <></>
      </Form>
      {summary && <Alert type="error" showIcon role="alert" title={summary} style={{ margin: '16px 0' }} />}
      <Flex gap={12} wrap justify="space-between" style={{ marginTop: 16 }}>
        {multi && step > 0 ? (
          <Button onClick={() => { setSummary(undefined); setStep(step - 1); window.scrollTo({ top: 0 }); }} disabled={submitting}>
            {t('apply.prev')}
          </Button>
        ) : <span />}
        {current ? (
          <Button type="primary" onClick={advance}>{t('apply.next')}</Button>
        ) : (
          <Button type="primary" size="large" onClick={advance} loading={submitting} disabled={submitting} data-testid="submit-application">
            {submitLabel}
          </Button>
        )}
      </Flex>
    </div>
  );
}

const NO_RULES: readonly FormRule[] = [];
const NO_ERRORS: readonly FieldError[] = [];
