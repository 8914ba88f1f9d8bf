/**
 * Splits a form into the steps of a long form: one step per top-level object property (a
 * section), the plain fields around it joining the section they follow, in `ui:order`.
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';

/** One step of a long form: the top-level properties it shows. */
export interface FormSection {
  /** The first object property of the step (or the first property when there is none). */
  key: string;
  /** zh-CN title from the schema; the English title, if any, from `ui:options.labelEn`. */
  title: { 'zh-CN': string; en?: string };
  properties: string[];
}

type SchemaNode = RJSFSchema & { properties?: Record<string, RJSFSchema> };

/** The top-level property names in display order (`ui:order`, with `*` for the rest). */
export function orderedProperties(schema: RJSFSchema, uiSchema?: UiSchema): string[] {
  const names = Object.keys((schema as SchemaNode).properties ?? {});
  const order = uiSchema?.['ui:order'] as string[] | undefined;
  if (!order) return names;
  const listed = order.filter((n) => n !== '*' && names.includes(n));
  const rest = names.filter((n) => !listed.includes(n));
  const star = order.indexOf('*');
  if (star < 0) return [...listed, ...rest];
  const before = order.slice(0, star).filter((n) => names.includes(n));
  const after = order.slice(star + 1).filter((n) => names.includes(n));
  return [...before, ...rest, ...after];
}

const isObjectSchema = (s: RJSFSchema | undefined) => Boolean(s && (s.type === 'object' || s.properties));

/**
 * The steps of a form. A form with at most one section is one step.
 *
 * @example
 * formSections(seniorCard.schema, seniorCard.uiSchema).map((s) => s.properties);
 * // [['applicant', 'residenceType', 'age'], ['attachments']]
 */
export function formSections(schema: RJSFSchema, uiSchema?: UiSchema): FormSection[] {
  const props = (schema as SchemaNode).properties ?? {};
  const order = orderedProperties(schema, uiSchema);
  const titleOf = (name: string) => {
    const labelEn = (uiSchema?.[name] as UiSchema | undefined)?.['ui:options']?.labelEn as string | undefined;
    return { 'zh-CN': String(props[name]?.title ?? name), ...(labelEn ? { en: labelEn } : {}) };
  };
  if (order.filter((n) => isObjectSchema(props[n])).length <= 1) {
    return order.length === 0 ? [] : [{ key: order[0]!, title: titleOf(order[0]!), properties: order }];
  }
  const sections: FormSection[] = [];
  const leading: string[] = [];
  for (const name of order) {
    if (isObjectSchema(props[name])) {
      sections.push({ key: name, title: titleOf(name), properties: sections.length === 0 ? [...leading, name] : [name] });
    } else if (sections.length === 0) {
      leading.push(name);
    } else {
      sections[sections.length - 1]!.properties.push(name);
    }
  }
  return sections;
}

/** The schema and uiSchema of one step: only its top-level properties, the rest of the root kept. */
export function sectionSchema(schema: RJSFSchema, uiSchema: UiSchema, section: FormSection): { schema: RJSFSchema; uiSchema: UiSchema } {
  const props = (schema as SchemaNode).properties ?? {};
  const keep = new Set(section.properties);
  return {
    schema: {
      ...schema,
      properties: Object.fromEntries(Object.entries(props).filter(([k]) => keep.has(k))),
      required: (schema.required ?? []).filter((k) => keep.has(k)),
    },
    uiSchema: {
      ...Object.fromEntries(Object.entries(uiSchema).filter(([k]) => k.startsWith('ui:') || keep.has(k))),
      'ui:order': section.properties,
    },
  };
}

type Data = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The data with an empty object for each required group (an object property) not answered yet, at
 * any depth, so that checking it names each missing field of the group rather than the group as a
 * whole ("请填写申请人信息"). The input is not changed; it is returned as is when nothing is missing.
 *
 * @example
 * withRequiredGroups({}, { type: 'object', properties: { applicant: { type: 'object', properties: {…} } }, required: ['applicant'] });
 * // { applicant: {} }
 */
export function withRequiredGroups(data: Data, schema: RJSFSchema): Data {
  const node = schema as SchemaNode;
  let out = data;
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    if (!isObjectSchema(child)) continue;
    const value = data[name];
    const missing = value === undefined && (node.required ?? []).includes(name);
    if (!missing && !isPlainObject(value)) continue;
    const filled = withRequiredGroups(missing ? {} : (value as Data), child);
    if (filled !== value) {
      if (out === data) out = { ...data };
      out[name] = filled;
    }
  }
  return out;
}
