/**
 * The fields a rule can name: every data path of a form (nested objects as `a.b`, the way JSON
 * Logic's `var` reads them), with its type, its format and its choices, for the rule editor's
 * field picker and value inputs.
 */
import { derefSchema, formSchemaFields, type FormSchemaField, type JsonSchema, type Locale } from '@banshi/schemas/core';
import type { FormDefinition } from '@banshi/schemas';

/** One field a JSON Logic rule can read. */
export interface RuleField {
  /** The JSON Logic `var` path, e.g. `applicant.age`. */
  path: string;
  /** The field's label in the requested language, with its parents' (`申请人信息 › 姓名`). */
  label: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  /** The fixed choices of a single-choice field, or of the items of a multiple-choice one. */
  options?: { value: string | number | boolean; label: string }[];
  /** The JSON Schema format (`resident-id`, `date`, `mobile`…), when the field has one. */
  format?: string;
}

type Node = Record<string, unknown> & { properties?: Record<string, Node>; items?: Node };

const TYPES: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field's main type: the first non-null of a type list (`["integer", "null"]` → integer). */
export function typeOf(node: Node): RuleField['type'] {
  const declared = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  if (typeof declared === 'string' && TYPES.has(declared)) return declared as RuleField['type'];
  if (node.properties) return 'object';
  if (node.items) return 'array';
  const first = Array.isArray(node.enum) ? node.enum[0] : Array.isArray(node.oneOf) ? (node.oneOf[0] as Node | undefined)?.const : undefined;
  if (typeof first === 'number') return 'number';
  if (typeof first === 'boolean') return 'boolean';
  return 'string';
}

/** The choices a schema node offers (`enum` or `oneOf` of `const`), labelled in `locale`. */
export function optionsOf(node: Node, ui: Record<string, unknown> | undefined, locale: Locale): RuleField['options'] {
  const labelsEn = locale === 'en' && isRecord(ui?.['ui:options']) ? (ui['ui:options'] as Record<string, unknown>).enumLabelsEn : undefined;
  const en = (value: unknown) => (isRecord(labelsEn) && typeof labelsEn[String(value)] === 'string' ? (labelsEn[String(value)] as string) : undefined);
  if (Array.isArray(node.oneOf) && node.oneOf.every((o) => isRecord(o) && 'const' in o)) {
    return (node.oneOf as Node[]).map((o) => ({
      value: o.const as string | number | boolean,
      label: en(o.const) ?? (typeof o.title === 'string' ? o.title : String(o.const)),
    }));
  }
  if (Array.isArray(node.enum)) {
    const names = Array.isArray(ui?.['ui:enumNames']) ? (ui['ui:enumNames'] as unknown[]) : [];
    return node.enum
      .filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v))
      .map((v, i) => ({ value: v, label: en(v) ?? (typeof names[i] === 'string' ? (names[i] as string) : String(v)) }));
  }
  return undefined;
}

/** The label of a schema node: the English `ui:options.labelEn` in English, else its title, else its key. */
export function labelOf(node: Node, ui: Record<string, unknown> | undefined, key: string, locale: Locale): string {
  const options = isRecord(ui?.['ui:options']) ? (ui['ui:options'] as Record<string, unknown>) : {};
  if (locale === 'en' && typeof options.labelEn === 'string' && options.labelEn) return options.labelEn;
  return typeof node.title === 'string' && node.title ? node.title : key;
}

/**
 * Every data path of `form`, parents before their children, in the order of the form's
 * `ui:order`. Objects are listed too (a rule may ask whether a whole section is filled); the
 * items of a repeating group are not (a `var` path cannot name "every row").
 * The uiSchema is `form.uiSchema` merged with `ui` (the draft keeps it beside the form).
 *
 * @example
 * fieldsOfForm(seniorCard.form, 'zh-CN').find((f) => f.path === 'applicant.idNumber');
 * // { path: 'applicant.idNumber', label: '申请人信息 › 公民身份号码', type: 'string', format: 'resident-id' }
 */
export function fieldsOfForm(form: FormDefinition, locale: Locale, ui?: Record<string, unknown>): RuleField[] {
  const out: RuleField[] = [];
  const rootUi = { ...((form.uiSchema as Record<string, unknown> | undefined) ?? {}), ...(ui ?? {}) };
  const root = form.schema as unknown as JsonSchema;
  const uis = new Map<FormSchemaField, Record<string, unknown> | undefined>();
  const labels = new Map<FormSchemaField, string[]>();
  const uiOf = (field: FormSchemaField | undefined) => (field ? uis.get(field) : rootUi);
  const order = (keys: string[], parent: FormSchemaField | undefined) => {
    const nodeUi = uiOf(parent);
    const first = Array.isArray(nodeUi?.['ui:order']) ? (nodeUi['ui:order'] as unknown[]).filter((k): k is string => typeof k === 'string' && keys.includes(k)) : [];
    return [...first, ...keys.filter((k) => !first.includes(k))];
  };
  // Deeper than a few levels is no form a person fills; the bound keeps odd input cheap.
  const descend = (field: FormSchemaField) => typeOf(field.schema as Node) === 'object' && field.depth < 8;
  for (const field of formSchemaFields(root, { descend, order })) {
    const parentUi = uiOf(field.parent);
    const childUi = isRecord(parentUi?.[field.key]) ? (parentUi[field.key] as Record<string, unknown>) : undefined;
    const child = field.schema as Node;
    const label = labelOf(child, childUi, field.key, locale);
    const path = [...(field.parent ? labels.get(field.parent)! : []), label];
    uis.set(field, childUi);
    labels.set(field, path);
    const type = typeOf(child);
    const rule: RuleField = { path: field.path.join('.'), label: path.join(' › '), type };
    const options = type === 'array' && isRecord(child.items) ? optionsOf(derefSchema(root, child.items) as Node, childUi, locale) : optionsOf(child, childUi, locale);
    if (options) rule.options = options;
    if (typeof child.format === 'string') rule.format = child.format;
    out.push(rule);
  }
  return out;
}
