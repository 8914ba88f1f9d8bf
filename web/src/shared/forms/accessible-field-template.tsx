/**
 * Banshi's form templates for rjsf: rjsf's own plain HTML inputs (native text, select, radio,
 * checkbox and date controls) laid out and styled like the rest of the antd app (form-style.ts).
 *
 * Why not @rjsf/antd's templates and widgets: an antd Form.Item around every field, and antd's
 * Select, InputNumber and Checkbox, put 60 KB (gzip) more JavaScript on the applicant's form page
 * than the 300 KB it may load on a phone, and a Form.Item hands its children a fresh context on
 * every render, so a keystroke re-rendered every field of its group. Native controls are also the
 * ones phones and screen readers handle best (a native picker for a choice or a date).
 *
 * - A field: label (with the required mark), the control, its description, its errors and help,
 *   with the ids rjsf's controls point at with `aria-describedby`; the control carries
 *   `aria-invalid` while the field shows an error. A question answered with several controls
 *   (yes/no, a choice, a region) is a fieldset whose legend is the question.
 * - A group (object): a plain block; its own errors (a cross-field check) show under it.
 * - An object's properties: one per row; in a long group, rows off screen skip layout and paint.
 */
import { ArrowDownOutlined, ArrowUpOutlined, CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  descriptionId,
  errorId,
  getTemplate,
  getUiOptions,
  helpId,
  titleId,
  TranslatableString,
  type FieldTemplateProps,
  type IconButtonProps,
  type ObjectFieldTemplateProps,
} from '@rjsf/utils';
import { Button } from 'antd';
import { useEffect, type ReactNode } from 'react';

function Errors({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors || errors.length === 0) return null;
  return (
    <div className="banshi-errors" id={errorId(id)} role="alert">
      {errors.map((message, i) => <div key={i}>{message}</div>)}
    </div>
  );
}

function GroupTemplate(props: FieldTemplateProps) {
  const { id, classNames, style, children, rawErrors, rawHelp, help } = props;
  return (
    <div className={['banshi-group', classNames].filter(Boolean).join(' ')} style={style}>
      {children}
      <Errors id={id} errors={rawErrors} />
      {rawHelp ? <div className="banshi-help" id={helpId(id)}>{help}</div> : null}
    </div>
  );
}

/** What a field's question labels: one control, a group of controls, or nothing (a checkbox labels itself). */
type QuestionKind = 'control' | 'group' | 'own';

/**
 * A yes/no question, a choice of several (radio buttons, checkboxes) and a region picker are several
 * controls: their question is the legend of a fieldset around them, so it is always shown and read
 * with each control. Only a checkbox asked for as such carries its text beside the box. Read-only,
 * every answer is one text (answer-widgets.tsx) labelled by the question.
 */
function questionKind(props: FieldTemplateProps): QuestionKind {
  const { schema, uiSchema, readonly } = props;
  if (readonly) return 'control';
  const widget = getUiOptions(uiSchema).widget ?? (schema.type === 'boolean' ? 'checkbox' : schema.format === 'region-code' ? 'region' : undefined);
  if (widget === 'checkbox') return 'own';
  if (widget === 'radio' || widget === 'checkboxes' || widget === 'region') return 'group';
  return 'control';
}

export function AccessibleFieldTemplate(props: FieldTemplateProps) {
  const { id, label, displayLabel, required, rawErrors, rawHelp, help, rawDescription, description, children, hidden, classNames, style, schema } = props;
  const invalid = (rawErrors?.length ?? 0) > 0;
  useEffect(() => {
    const input = document.getElementById(id);
    if (!input || !(/^(INPUT|TEXTAREA|SELECT)$/.test(input.tagName) || input.getAttribute('role') === 'radiogroup')) return;
    if (invalid) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  });
  if (hidden) return <div className="rjsf-field-hidden" hidden>{children}</div>;
  if (schema.type === 'object' && !displayLabel) return <GroupTemplate {...props} />;
  const kind = questionKind(props);
  // rjsf leaves a boolean without a widget unlabelled (its checkbox shows the text); only that checkbox may.
  const question = (displayLabel || (schema.type === 'boolean' && kind !== 'own')) && label ? label : undefined;
  const labelClass = required ? 'banshi-label banshi-label-required' : 'banshi-label';
  const className = ['banshi-field', invalid ? 'banshi-field-error' : '', classNames].filter(Boolean).join(' ');
  const after = (
    <>
      {rawDescription ? <div className="banshi-help" id={descriptionId(id)}>{description}</div> : null}
      <Errors id={id} errors={rawErrors} />
      {rawHelp ? <div className="banshi-help" id={helpId(id)}>{help}</div> : null}
    </>
  );
  if (kind === 'group') {
    return (
      <fieldset className={className} style={style} data-question={id}>
        {question ? <legend className={labelClass}>{question}</legend> : null}
        {children}
        {after}
      </fieldset>
    );
  }
  return (
    <div className={className} style={style}>
      {question && kind === 'control' ? <label className={labelClass} htmlFor={id}>{question}</label> : null}
      {children}
      {after}
    </div>
  );
}

/** How many rows a group has before its off-screen rows are left unrendered until scrolled to. */
const LONG_GROUP = 40;

/** An object's title, then its visible properties, one per row. */
export function BlockObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { title, properties, fieldPathId, required, schema, uiSchema, registry, readonly, disabled, optionalDataControl } = props;
  const TitleFieldTemplate = getTemplate('TitleFieldTemplate', registry, getUiOptions(uiSchema));
  const showControlInTitle = !readonly && !disabled;
  const visible = properties.filter((p) => !p.hidden);
  // A long group's rows off screen skip layout and paint until scrolled to.
  const long = visible.length > LONG_GROUP;
  return (
    <fieldset id={fieldPathId.$id}>
      {title && (
        <TitleFieldTemplate id={titleId(fieldPathId)} title={title} required={required} schema={schema} uiSchema={uiSchema} registry={registry} optionalDataControl={showControlInTitle ? optionalDataControl : undefined} />
      )}
      {!showControlInTitle && optionalDataControl}
      {visible.map((p) => <div key={p.name} className={long ? 'banshi-property banshi-property-lazy' : 'banshi-property'}>{p.content}</div>)}
    </fieldset>
  );
}

/** The buttons of repeating groups (add, remove, move, copy) as antd buttons with icons. */
function iconButton(icon: ReactNode, danger = false) {
  return function IconButton({ icon: _icon, iconType: _type, uiSchema: _ui, registry: _registry, className, ...rest }: IconButtonProps) {
    return <Button {...(rest as object)} className={className} icon={icon} danger={danger} aria-label={rest.title} />;
  };
}

export const buttonTemplates = {
  AddButton: function AddButton({ uiSchema: _ui, registry, className, icon: _icon, iconType: _type, ...rest }: IconButtonProps) {
    return <Button {...(rest as object)} className={className} icon={<PlusOutlined />}>{registry.translateString(TranslatableString.AddItemButton)}</Button>;
  },
  RemoveButton: iconButton(<DeleteOutlined />, true),
  MoveUpButton: iconButton(<ArrowUpOutlined />),
  MoveDownButton: iconButton(<ArrowDownOutlined />),
  CopyButton: iconButton(<CopyOutlined />),
};

/** The templates every Banshi form uses (the applicant's form, the read-only submission). */
export const formTemplates = { FieldTemplate: AccessibleFieldTemplate, ObjectFieldTemplate: BlockObjectFieldTemplate, ButtonTemplates: buttonTemplates };
