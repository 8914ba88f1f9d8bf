/**
 * Turns an item's uiSchema into the one rjsf renders: English labels from `ui:options.*En` when
 * the locale is en, fields hidden by `visible` rules, calculated fields read-only, fields named by
 * a correction request marked, and Banshi's widgets picked by format where the uiSchema names none.
 */
import type { Locale } from '@banshi/schemas';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { escapeSegment } from '@banshi/forms';

export interface PrepareUiSchemaOptions {
  locale: Locale;
  /** JSON pointers of fields hidden by `visible` rules. */
  hidden?: readonly string[];
  /** JSON pointers of calculated fields (shown read-only). */
  readOnly?: readonly string[];
  /** JSON pointers of fields to mark (a correction request names them). */
  marked?: readonly string[];
}

type Choice = { const?: unknown; title?: string };
type Node = RJSFSchema & { properties?: Record<string, RJSFSchema> };

/** The class on a field a correction request names (see banshi-form.css in BanshiForm). */
export const MARKED_CLASS = 'banshi-marked';
/** The name of the field that renders nothing (for hidden objects and attachments). */
export const HIDDEN_FIELD = 'banshiHidden';

function defaultWidget(node: Node): string | undefined {
  if (node.format === 'mobile') return 'mobile';
  if (node.format === 'region-code') return 'region';
  if (node.type === 'number' && node.multipleOf === 0.01) return 'money';
  // A yes/no question is asked as such (是 / 否 under the question), not as a self-labelled checkbox.
  if (node.type === 'boolean') return 'radio';
  return undefined;
}

function visit(node: Node, ui: UiSchema | undefined, pointer: string, opts: PrepareUiSchemaOptions): UiSchema {
  const out: UiSchema = { ...(ui ?? {}) };
  const options = (ui?.['ui:options'] ?? {}) as Record<string, unknown>;
  if (opts.locale === 'en') {
    if (typeof options.labelEn === 'string') out['ui:title'] = options.labelEn;
    if (typeof options.descriptionEn === 'string') out['ui:description'] = options.descriptionEn;
    if (typeof options.placeholderEn === 'string') out['ui:placeholder'] = options.placeholderEn;
    if (typeof options.helpEn === 'string') out['ui:help'] = options.helpEn;
    const labels = options.enumLabelsEn as Record<string, string> | undefined;
    if (labels && Array.isArray(node.enum)) out['ui:enumNames'] = node.enum.map((v) => labels[String(v)] ?? String(v));
    if (labels && Array.isArray(node.oneOf)) out.oneOf = (node.oneOf as Choice[]).map((o) => ({ 'ui:title': labels[String(o.const)] ?? o.title }));
  }
  if (!out['ui:widget'] && !out['ui:field']) {
    const widget = defaultWidget(node);
    if (widget) out['ui:widget'] = widget;
  }
  if (opts.readOnly?.includes(pointer)) out['ui:readonly'] = true;
  if (opts.marked?.includes(pointer)) out['ui:classNames'] = [out['ui:classNames'], MARKED_CLASS].filter(Boolean).join(' ');
  if (opts.hidden?.includes(pointer)) {
    out['ui:widget'] = 'hidden';
    out['ui:field'] = HIDDEN_FIELD;
  }
  if (node.properties) {
    // rjsf would follow the data's key order, which changes as fields are filled.
    out['ui:order'] ??= Object.keys(node.properties);
    for (const [name, child] of Object.entries(node.properties)) {
      out[name] = visit(child as Node, ui?.[name] as UiSchema | undefined, `${pointer}/${escapeSegment(name)}`, opts);
    }
  }
  return out;
}

/**
 * The uiSchema rjsf renders for `schema` in `opts.locale`; the input is not changed.
 *
 * @example
 * prepareUiSchema(schema, { name: { 'ui:options': { labelEn: 'Name' } } }, { locale: 'en' }).name['ui:title']; // 'Name'
 */
export function prepareUiSchema(schema: RJSFSchema, uiSchema: UiSchema | undefined, opts: PrepareUiSchemaOptions): UiSchema {
  const root = visit(schema as Node, uiSchema, '', opts);
  // The page's heading already names the form.
  root['ui:options'] = { ...(root['ui:options'] ?? {}), label: false };
  return root;
}
