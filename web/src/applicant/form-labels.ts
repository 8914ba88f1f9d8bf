/**
 * Labels of a generated form in the chosen language: zh-CN titles live in the schema, English in
 * the uiSchema's `ui:options.labelEn` (plus descriptionEn, helpEn, placeholderEn, enumLabelsEn).
 */
import { derefSchema, isSchemaObject, propertySchema, unescapeSegment, type Locale } from '@banshi/schemas/core';

type Json = Record<string, any>;

function segments(pointer: string): string[] {
  return pointer.split('/').slice(1).map(unescapeSegment);
}

/** The node with its local `$ref`s followed; `undefined` for anything but a schema object. */
function deref(node: unknown, root: Json): Json | undefined {
  return isSchemaObject(node) ? derefSchema(root, node) : undefined;
}

/**
 * The titles from the root down to the field at `pointer` (array indexes become "第 n 项" / "item n"),
 * e.g. ["申请人信息", "公民身份号码"]. Unknown parts are kept as they are.
 */
export function fieldTitlePath(schema: Json, uiSchema: Json | undefined, pointer: string, locale: Locale): string[] {
  const titles: string[] = [];
  let node: Json | undefined = schema;
  let ui: Json | undefined = uiSchema;
  for (const key of segments(pointer)) {
    node = deref(node, schema);
    if (/^\d+$/.test(key) && node?.type === 'array') {
      titles.push(locale === 'en' ? `item ${Number(key) + 1}` : `第 ${Number(key) + 1} 项`);
      node = node.items;
      ui = ui?.items;
      continue;
    }
    node = node && propertySchema(schema, node, key);
    ui = ui?.[key];
    const en = ui?.['ui:options']?.labelEn as string | undefined;
    titles.push((locale === 'en' && en) || (node?.title as string | undefined) || key);
  }
  return titles;
}

/** The label of one field: its titles joined by " › ". */
export function fieldTitle(schema: Json | undefined, uiSchema: Json | undefined, pointer: string, locale: Locale): string {
  if (!schema) return pointer;
  return fieldTitlePath(schema, uiSchema, pointer, locale).join(' › ');
}

/**
 * A copy of the schema with English titles, descriptions and choice labels from the uiSchema when
 * `locale` is en; the schema itself otherwise.
 */
export function localizeSchema(schema: Json, uiSchema: Json | undefined, locale: Locale): Json {
  if (locale !== 'en') return schema;
  const walk = (node: Json, ui: Json | undefined): Json => {
    if (!node || typeof node !== 'object') return node;
    const options = (ui?.['ui:options'] ?? {}) as Json;
    const out: Json = { ...node };
    if (options.labelEn) out.title = options.labelEn;
    if (options.descriptionEn) out.description = options.descriptionEn;
    if (Array.isArray(node.oneOf) && options.enumLabelsEn) {
      out.oneOf = node.oneOf.map((choice: Json) => ('const' in choice && options.enumLabelsEn[choice.const] ? { ...choice, title: options.enumLabelsEn[choice.const] } : choice));
    }
    if (node.properties) {
      out.properties = Object.fromEntries(Object.entries(node.properties as Json).map(([k, v]) => [k, walk(v as Json, ui?.[k])]));
    }
    if (node.items && typeof node.items === 'object' && !Array.isArray(node.items)) out.items = walk(node.items, ui?.items);
    return out;
  };
  return walk(schema, uiSchema);
}

/** The uiSchema with English help and placeholders when `locale` is en. */
export function localizeUiSchema(uiSchema: Json | undefined, locale: Locale): Json | undefined {
  if (!uiSchema || locale !== 'en') return uiSchema;
  const walk = (ui: Json): Json => {
    const out: Json = {};
    for (const [key, value] of Object.entries(ui)) {
      out[key] = key.startsWith('ui:') || !value || typeof value !== 'object' || Array.isArray(value) ? value : walk(value as Json);
    }
    const options = (ui['ui:options'] ?? {}) as Json;
    if (options.helpEn) out['ui:help'] = options.helpEn;
    if (options.placeholderEn) out['ui:placeholder'] = options.placeholderEn;
    return out;
  };
  return walk(uiSchema);
}

/** A copy of the schema without the fields at `pointers` (fields a `visible` rule hides). */
export function withoutFields(schema: Json, pointers: readonly string[]): Json {
  if (pointers.length === 0) return schema;
  const copy = structuredClone(schema) as Json;
  for (const pointer of pointers) {
    const keys = segments(pointer);
    const last = keys.pop();
    let node: Json | undefined = copy;
    for (const key of keys) node = deref(node, copy)?.properties?.[key];
    node = deref(node, copy);
    if (node?.properties && last !== undefined) {
      delete node.properties[last];
      if (Array.isArray(node.required)) node.required = node.required.filter((r: string) => r !== last);
    }
  }
  return copy;
}
