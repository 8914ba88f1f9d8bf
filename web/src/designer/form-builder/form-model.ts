/**
 * The form builder's edits as pure functions over `{form, ui}`: each takes the current value and
 * returns a new one (the input is never changed), so the designer's undo history holds every
 * step. Fields are addressed by their path of property keys from the root (`['applicant',
 * 'name']`); the children of a repeating group live in its `items`.
 *
 * The uiSchema is read as the draft publishes it — `form.uiSchema` overlaid with `ui` — and every
 * edit writes the whole of it to `ui`, so there is one place to look.
 */
import { escapeSegment, formSchemaFields, parsePointer, type FormSchemaField } from '@banshi/schemas/core';
import type { FormDefinition } from '@banshi/schemas';

export type FieldKind =
  | 'text' | 'textarea' | 'number' | 'money' | 'date' | 'single' | 'multiple' | 'boolean'
  | 'residentId' | 'creditCode' | 'mobile' | 'region' | 'address' | 'attachment'
  | 'group' | 'section' | 'step';

/** The palette, in the order it lists the kinds. */
export const PALETTE: readonly FieldKind[] = [
  'text', 'textarea', 'number', 'money', 'date', 'single', 'multiple', 'boolean',
  'residentId', 'creditCode', 'mobile', 'region', 'address', 'attachment', 'group', 'section', 'step',
];

export interface BuilderValue {
  form: FormDefinition;
  ui?: Record<string, unknown>;
}

export type Path = readonly string[];
export type Json = Record<string, any>;
type Rule = NonNullable<FormDefinition['rules']>[number];

/** A field of the form as the canvas lists it. */
export interface FieldEntry {
  path: Path;
  key: string;
  kind: FieldKind;
  node: Json;
  ui: Json;
  required: boolean;
  /** Children of a step, section or repeating group, in display order. */
  children?: FieldEntry[];
}

/** The attachment item schema every attachment field shares (what the blob API returns). */
export const ATTACHMENT_ITEM = {
  type: 'object',
  properties: { blobId: { type: 'string' }, name: { type: 'string' }, size: { type: 'integer' }, contentType: { type: 'string' } },
  required: ['blobId', 'name', 'size', 'contentType'],
  additionalProperties: false,
} as const;

/** File types an attachment may accept, by the names designers know them. */
export const FILE_TYPES = [
  { name: 'JPG', type: 'image/jpeg' },
  { name: 'PNG', type: 'image/png' },
  { name: 'PDF', type: 'application/pdf' },
] as const;

/** A field key: an identifier JSON Logic can name in a dotted path. */
export const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The uiSchema as published: `form.uiSchema` overlaid with `ui`. */
export function effectiveUi(value: BuilderValue): Json {
  return { ...((value.form.uiSchema as Json | undefined) ?? {}), ...(value.ui ?? {}) };
}

/** Whether a schema node holds fields: an object, or a repeating group of objects. */
export function isContainer(node: Json | undefined): boolean {
  return Boolean(node && (childSchema(node) !== undefined));
}

/** The object schema whose `properties` are the node's children (the node, or its items). */
function childSchema(node: Json): Json | undefined {
  if (node.type === 'object' || isRecord(node.properties)) return node;
  if (node.type === 'array' && isRecord(node.items) && (node.items.type === 'object' || isRecord(node.items.properties)) && !node['x-attachment']) return node.items;
  return undefined;
}

/** Detects the palette kind of an existing field. */
export function kindOf(node: Json, ui: Json, depth: number): FieldKind {
  const type = Array.isArray(node.type) ? node.type.find((t: unknown) => t !== 'null') : node.type;
  if (node['x-attachment'] || ui['ui:field'] === 'attachment') return 'attachment';
  if (type === 'object' || isRecord(node.properties)) return depth === 0 ? 'step' : 'section';
  if (type === 'array') return childSchema(node) ? 'group' : 'multiple';
  if (type === 'boolean') return 'boolean';
  if (type === 'number' || type === 'integer') return node.multipleOf === 0.01 || ui['ui:widget'] === 'money' ? 'money' : 'number';
  switch (node.format) {
    case 'resident-id': return 'residentId';
    case 'credit-code': return 'creditCode';
    case 'mobile': return 'mobile';
    case 'region-code': return 'region';
    case 'date': return 'date';
  }
  if (Array.isArray(node.oneOf) || Array.isArray(node.enum)) return 'single';
  if (ui['ui:autocomplete'] === 'street-address') return 'address';
  if (ui['ui:widget'] === 'textarea') return 'textarea';
  return 'text';
}

/** A container's child keys in display order (`ui:order`, then the rest). */
export function orderOf(container: Json, ui: Json): string[] {
  return inDisplayOrder(Object.keys(container.properties ?? {}), ui);
}

function inDisplayOrder(keys: string[], ui: Json): string[] {
  const order = Array.isArray(ui['ui:order']) ? (ui['ui:order'] as unknown[]).filter((k): k is string => typeof k === 'string' && keys.includes(k)) : [];
  return [...order, ...keys.filter((k) => !order.includes(k))];
}

/**
 * The fields of the form as a tree, in display order. Fields are shown where they are declared
 * (the builder edits them there), so a `$ref` is not followed.
 */
export function fieldTree(value: BuilderValue): FieldEntry[] {
  const roots: FieldEntry[] = [];
  const entries = new Map<FormSchemaField, FieldEntry>();
  const rootUi = effectiveUi(value);
  /** The uiSchema of the children of `parent` (its own, or its `items`' for a repeating group). */
  const uiBelow = (parent: FormSchemaField | undefined, inItems: boolean): Json => {
    const ui = parent ? entries.get(parent)!.ui : rootUi;
    if (!inItems) return ui;
    return isRecord(ui.items) ? ui.items : {};
  };
  const descend = (field: FormSchemaField) => field.depth < 16 && childSchema(field.schema) !== undefined;
  const order = (keys: string[], parent: FormSchemaField | undefined) => {
    const inItems = parent !== undefined && childSchema(parent.schema) !== parent.schema;
    return inDisplayOrder(keys, uiBelow(parent, inItems));
  };
  for (const field of formSchemaFields(value.form.schema as Json, { declaredOnly: true, descend, order })) {
    const ui = uiBelow(field.parent, field.inItems);
    const nodeUi = isRecord(ui[field.key]) ? (ui[field.key] as Json) : {};
    const entry: FieldEntry = { path: field.path, key: field.key, kind: kindOf(field.schema, nodeUi, field.depth), node: field.schema, ui: nodeUi, required: field.required };
    if (descend(field)) entry.children = [];
    entries.set(field, entry);
    if (field.parent) entries.get(field.parent)!.children!.push(entry);
    else roots.push(entry);
  }
  return roots;
}

/** Every entry of the tree, parents before children. */
export function flatten(entries: readonly FieldEntry[]): FieldEntry[] {
  return entries.flatMap((e) => [e, ...flatten(e.children ?? [])]);
}

/** The entry at `path`, if any. */
export function entryAt(value: BuilderValue, path: Path): FieldEntry | undefined {
  return flatten(fieldTree(value)).find((e) => samePath(e.path, path));
}

export const samePath = (a: Path, b: Path) => a.length === b.length && a.every((k, i) => k === b[i]);
export const pathId = (path: Path) => path.join('.');
export const pointerOf = (path: Path) => path.map((k) => `/${escapeSegment(k)}`).join('');

/**
 * The builder's stable identities of fields, by path: a field keeps its identity when its key is
 * renamed or it moves to another section, so the rows and properties drawn for it stay mounted
 * (a click that lands right after a key is committed still reaches its switch).
 */
export class FieldIdentities {
  private readonly ids = new Map<string, number>();
  private next = 1;

  /** The identity of the field at `path` (a new one the first time a path is seen). */
  of(path: Path): number {
    const at = JSON.stringify(path);
    let id = this.ids.get(at);
    if (id === undefined) {
      id = this.next;
      this.next += 1;
      this.ids.set(at, id);
    }
    return id;
  }

  /** Carries the identities of the field at `from` and of every field under it to `to`. */
  move(from: Path, to: Path): void {
    if (samePath(from, to)) return;
    const moved: [string, number][] = [];
    for (const [at, id] of this.ids) {
      const path = JSON.parse(at) as string[];
      if (path.length >= from.length && samePath(path.slice(0, from.length), from)) {
        this.ids.delete(at);
        moved.push([JSON.stringify([...to, ...path.slice(from.length)]), id]);
      }
    }
    for (const [at, id] of moved) this.ids.set(at, id);
  }
}

// ---------------------------------------------------------------------------------------------
// Editing: a working copy of the whole value, changed in place, returned as the new value.

interface Working {
  schema: Json;
  ui: Json;
  rules: Rule[];
  rest: Omit<FormDefinition, 'schema' | 'uiSchema' | 'rules'>;
}

function open(value: BuilderValue): Working {
  const { schema, uiSchema: _ui, rules, ...rest } = value.form;
  return { schema: structuredClone(schema) as Json, ui: structuredClone(effectiveUi(value)), rules: structuredClone(rules ?? []), rest: structuredClone(rest) };
}

function close(w: Working): BuilderValue {
  return { form: { ...w.rest, schema: w.schema as FormDefinition['schema'], ...(w.rules.length ? { rules: w.rules } : {}) }, ui: w.ui };
}

/** The container schema and its uiSchema at `path` (the root for `[]`), created in the ui as needed. */
function containerAt(w: Working, path: Path): { schema: Json; ui: Json } | undefined {
  let schema = w.schema;
  let ui = w.ui;
  for (const key of path) {
    const node = schema.properties?.[key] as Json | undefined;
    if (!isRecord(node)) return undefined;
    const inner = childSchema(node);
    if (!inner) return undefined;
    if (!isRecord(ui[key])) ui[key] = {};
    const nodeUi = ui[key] as Json;
    if (inner !== node && !isRecord(nodeUi.items)) nodeUi.items = {};
    schema = inner;
    ui = inner === node ? nodeUi : (nodeUi.items as Json);
  }
  return { schema, ui };
}

function parentAndKey(w: Working, path: Path) {
  const parent = containerAt(w, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (!parent || !isRecord(parent.schema.properties?.[key])) return undefined;
  return { parent, key, node: parent.schema.properties[key] as Json };
}

function setOrder(container: { schema: Json; ui: Json }, order: string[]) {
  container.ui['ui:order'] = order;
}

/** Every key of the form, at any depth, wherever it is declared (through `$ref`s and combined schemas too). */
function allKeys(schema: Json): Set<string> {
  const walk = formSchemaFields(schema, { descend: (field) => childSchema(field.schema) !== undefined });
  return new Set(Array.from(walk, (field) => field.key));
}

/** The next free key `prefix_N` (N one more than the highest in the form). */
export function nextKey(schema: Json, prefix: string): string {
  let max = 0;
  for (const key of allKeys(schema)) {
    const m = new RegExp(`^${prefix}_(\\d+)$`).exec(key);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}_${max + 1}`;
}

export interface NewField {
  label: { 'zh-CN': string; en?: string };
  /** The material an attachment is tied to (an id of `item.materials`). */
  material?: string;
  /** Labels of the first two choices of a choice field. */
  optionLabels?: { 'zh-CN': string; en?: string }[];
}

/** The schema and uiSchema of a new field of `kind`. */
export function newField(kind: FieldKind, spec: NewField): { node: Json; ui: Json; required: boolean } {
  const title = spec.label['zh-CN'];
  const ui: Json = spec.label.en ? { 'ui:options': { labelEn: spec.label.en } } : {};
  const withOption = (key: string, v: unknown) => { ui['ui:options'] = { ...(ui['ui:options'] ?? {}), [key]: v }; };
  const options = (spec.optionLabels ?? [{ 'zh-CN': '选项一', en: 'Option 1' }, { 'zh-CN': '选项二', en: 'Option 2' }]).map((l, i) => ({ value: `option${i + 1}`, label: l }));
  const oneOf = options.map((o) => ({ const: o.value, title: o.label['zh-CN'] }));
  const labelsEn = Object.fromEntries(options.filter((o) => o.label.en).map((o) => [o.value, o.label.en]));
  switch (kind) {
    case 'text': return { node: { type: 'string', title, maxLength: 100 }, ui, required: false };
    case 'textarea': ui['ui:widget'] = 'textarea'; return { node: { type: 'string', title, maxLength: 2000 }, ui, required: false };
    // Default ranges keep every value storable and exact (forms/src/formats/storable-number.ts):
    // 15 digits for a number, cents below 10^13 yuan for money. The designer may narrow them.
    case 'number': return { node: { type: 'number', title, minimum: -999_999_999_999_999, maximum: 999_999_999_999_999 }, ui, required: false };
    case 'money': ui['ui:widget'] = 'money'; return { node: { type: 'number', title, minimum: 0, maximum: 9_999_999_999_999.99, multipleOf: 0.01 }, ui, required: false };
    case 'date': return { node: { type: 'string', title, format: 'date' }, ui, required: false };
    case 'single':
      ui['ui:widget'] = 'radio';
      if (Object.keys(labelsEn).length) withOption('enumLabelsEn', labelsEn);
      return { node: { type: 'string', title, oneOf }, ui, required: false };
    case 'multiple':
      ui['ui:widget'] = 'checkboxes';
      if (Object.keys(labelsEn).length) withOption('enumLabelsEn', labelsEn);
      return { node: { type: 'array', title, items: { type: 'string', oneOf }, uniqueItems: true }, ui, required: false };
    case 'boolean': ui['ui:widget'] = 'radio'; withOption('enumLabelsEn', { true: 'Yes', false: 'No' }); return { node: { type: 'boolean', title }, ui, required: false };
    case 'residentId':
      ui['ui:placeholder'] = '18位公民身份号码';
      withOption('placeholderEn', '18-character resident ID number');
      return { node: { type: 'string', title, format: 'resident-id' }, ui, required: false };
    case 'creditCode': return { node: { type: 'string', title, format: 'credit-code' }, ui, required: false };
    case 'mobile': ui['ui:widget'] = 'mobile'; return { node: { type: 'string', title, format: 'mobile' }, ui, required: false };
    case 'region': ui['ui:widget'] = 'region'; return { node: { type: 'string', title, format: 'region-code' }, ui, required: false };
    case 'address': ui['ui:autocomplete'] = 'street-address'; return { node: { type: 'string', title, minLength: 2, maxLength: 200 }, ui, required: false };
    case 'attachment':
      ui['ui:field'] = 'attachment';
      return {
        node: {
          type: 'array',
          title,
          'x-attachment': { ...(spec.material ? { material: spec.material } : {}), accept: ['image/jpeg', 'image/png', 'application/pdf'], maxSizeKb: 5120 },
          minItems: 1,
          maxItems: 3,
          items: structuredClone(ATTACHMENT_ITEM),
        },
        ui,
        required: true,
      };
    case 'group':
      return { node: { type: 'array', title, items: { type: 'object', properties: {}, required: [], additionalProperties: false } }, ui: { ...ui, items: {} }, required: false };
    case 'section':
    case 'step':
      return { node: { type: 'object', title, properties: {}, required: [], additionalProperties: false }, ui, required: true };
  }
}

const KEY_PREFIX: Partial<Record<FieldKind, string>> = { section: 'section', step: 'step', group: 'group' };

/**
 * Adds a field of `kind` at the end of the container at `parent` (a step is always added at the
 * top level). Its key is `field_N` (`section_N`, `step_N`, `group_N`), or the material's id for
 * an attachment when that is free.
 *
 * @returns the new value and the new field's path; the value unchanged and no path when `parent` is not a container
 */
export function addField(value: BuilderValue, kind: FieldKind, parent: Path, spec: NewField): { value: BuilderValue; path?: Path } {
  const w = open(value);
  const at = kind === 'step' ? [] : parent;
  const container = containerAt(w, at);
  if (!container) return { value };
  const keys = allKeys(w.schema);
  const key = kind === 'attachment' && spec.material && KEY_PATTERN.test(spec.material) && !keys.has(spec.material) ? spec.material : nextKey(w.schema, KEY_PREFIX[kind] ?? 'field');
  const { node, ui, required } = newField(kind, spec);
  container.schema.properties = { ...(container.schema.properties ?? {}), [key]: node };
  container.ui[key] = ui;
  setOrder(container, [...orderOf(container.schema, container.ui).filter((k) => k !== key), key]);
  if (required) container.schema.required = [...(Array.isArray(container.schema.required) ? container.schema.required : []), key];
  return { value: close(w), path: [...at, key] };
}

/** Whether a rule's field pointer is `pointer` or lies below it. */
const atOrUnder = (field: string, pointer: string) => field === pointer || field.startsWith(`${pointer}/`);

/** Removes the field at `path`, its uiSchema, its `required` entry and the rules set on it (or below it). */
export function removeField(value: BuilderValue, path: Path): BuilderValue {
  const w = open(value);
  const found = parentAndKey(w, path);
  if (!found) return value;
  const { parent, key } = found;
  const { [key]: _gone, ...properties } = parent.schema.properties as Json;
  parent.schema.properties = properties;
  delete parent.ui[key];
  if (Array.isArray(parent.schema.required)) parent.schema.required = parent.schema.required.filter((k: unknown) => k !== key);
  if (Array.isArray(parent.ui['ui:order'])) parent.ui['ui:order'] = (parent.ui['ui:order'] as unknown[]).filter((k) => k !== key);
  const pointer = pointerOf(path);
  w.rules = w.rules.filter((r) => !atOrUnder(r.field, pointer));
  return close(w);
}

/** Moves the field at `path` to position `to` among its siblings. */
export function moveField(value: BuilderValue, path: Path, to: number): BuilderValue {
  const w = open(value);
  const found = parentAndKey(w, path);
  if (!found) return value;
  const order = orderOf(found.parent.schema, found.parent.ui);
  const from = order.indexOf(found.key);
  const target = Math.max(0, Math.min(order.length - 1, to));
  if (from === target) return value;
  order.splice(from, 1);
  order.splice(target, 0, found.key);
  setOrder(found.parent, order);
  return close(w);
}

/** Why `key` cannot name the field at `path` ('' when it can): the pattern, or a sibling's key. */
export function keyProblem(value: BuilderValue, path: Path, key: string): '' | 'pattern' | 'taken' {
  if (!KEY_PATTERN.test(key)) return 'pattern';
  const siblings = path.length === 1 ? (value.form.schema as Json) : entryAt(value, path.slice(0, -1))?.node;
  const container = siblings ? childSchema(siblings) : undefined;
  if (key !== path[path.length - 1] && container && key in (container.properties ?? {})) return 'taken';
  return '';
}

/** Rewrites `var` paths (and `missing` names) at or under `from` to lie under `to`, in any JSON Logic. */
export function renameVars(logic: unknown, from: string, to: string): unknown {
  const rename = (name: unknown) =>
    typeof name === 'string' && (name === from || name.startsWith(`${from}.`)) ? `${to}${name.slice(from.length)}` : name;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isRecord(node)) return node;
    const keys = Object.keys(node);
    if (keys.length === 1 && keys[0] === 'var') {
      const arg = node.var;
      return { var: Array.isArray(arg) ? [rename(arg[0]), ...arg.slice(1).map(walk)] : rename(arg) };
    }
    if (keys.length === 1 && (keys[0] === 'missing' || keys[0] === 'missing_some')) {
      const arg = node[keys[0]];
      return { [keys[0]]: Array.isArray(arg) ? arg.map((a) => (Array.isArray(a) ? a.map(rename) : walk(rename(a)))) : rename(arg) };
    }
    return Object.fromEntries(keys.map((k) => [k, walk(node[k])]));
  };
  return walk(logic);
}

function retargetRules(rules: Rule[], from: Path, to: Path): Rule[] {
  const fromPointer = pointerOf(from);
  const toPointer = pointerOf(to);
  const fromVar = from.join('.');
  const toVar = to.join('.');
  return rules.map((rule) => {
    const field = atOrUnder(rule.field, fromPointer) ? `${toPointer}${rule.field.slice(fromPointer.length)}` : rule.field;
    if (rule.kind === 'calculate') return { ...rule, field, value: renameVars(rule.value, fromVar, toVar) } as Rule;
    return { ...rule, field, when: renameVars(rule.when, fromVar, toVar) } as Rule;
  });
}

/**
 * Moves the field at `path` to `newPath` — a new key, another container, or both — carrying its
 * uiSchema, its `required` entry and every rule that names it (rule fields and `var` paths).
 *
 * @returns the value unchanged when the target key is not valid or taken, or the target container is inside the field itself
 */
export function relocateField(value: BuilderValue, path: Path, newPath: Path): BuilderValue {
  if (samePath(path, newPath) || newPath.length === 0) return value;
  if (newPath.length > path.length && samePath(newPath.slice(0, path.length), path)) return value;
  const newKey = newPath[newPath.length - 1]!;
  if (!KEY_PATTERN.test(newKey)) return value;
  const w = open(value);
  const found = parentAndKey(w, path);
  const target = containerAt(w, newPath.slice(0, -1));
  if (!found || !target) return value;
  if (newKey in (target.schema.properties ?? {})) return value;
  const { parent, key, node } = found;
  const nodeUi = parent.ui[key];
  const wasRequired = Array.isArray(parent.schema.required) && parent.schema.required.includes(key);
  const sameParent = parent.schema === target.schema;
  const order = orderOf(parent.schema, parent.ui);
  // Keep the position when renaming in place; append when moving to another container.
  const entries = Object.entries(parent.schema.properties as Json).filter(([k]) => k !== key);
  parent.schema.properties = Object.fromEntries(entries);
  delete parent.ui[key];
  if (Array.isArray(parent.schema.required)) parent.schema.required = parent.schema.required.filter((k: unknown) => k !== key);
  target.schema.properties = { ...(target.schema.properties ?? {}), [newKey]: node };
  if (nodeUi !== undefined) target.ui[newKey] = nodeUi;
  if (wasRequired) target.schema.required = [...(Array.isArray(target.schema.required) ? target.schema.required : []), newKey];
  if (sameParent) {
    setOrder(parent, order.map((k) => (k === key ? newKey : k)));
  } else {
    setOrder(parent, order.filter((k) => k !== key));
    setOrder(target, [...orderOf(target.schema, target.ui).filter((k) => k !== newKey), newKey]);
  }
  w.rules = retargetRules(w.rules, path, newPath);
  return close(w);
}

/** Changes the field's schema node and uiSchema through `edit` (given copies to change in place). */
export function editField(value: BuilderValue, path: Path, edit: (node: Json, ui: Json) => void): BuilderValue {
  const w = open(value);
  const found = parentAndKey(w, path);
  if (!found) return value;
  if (!isRecord(found.parent.ui[found.key])) found.parent.ui[found.key] = {};
  edit(found.node, found.parent.ui[found.key] as Json);
  return close(w);
}

/** Marks the field at `path` required or optional (an attachment also needs at least one file). */
export function setRequired(value: BuilderValue, path: Path, required: boolean): BuilderValue {
  const w = open(value);
  const found = parentAndKey(w, path);
  if (!found) return value;
  const list: unknown[] = Array.isArray(found.parent.schema.required) ? found.parent.schema.required : [];
  found.parent.schema.required = required ? [...list.filter((k) => k !== found.key), found.key] : list.filter((k) => k !== found.key);
  if (found.node['x-attachment']) {
    if (required) found.node.minItems = Math.max(1, Number(found.node.minItems ?? 0));
    else delete found.node.minItems;
  }
  return close(w);
}

/** Sets a keyword of the field's schema; `undefined` removes it. */
export function setKeyword(value: BuilderValue, path: Path, keyword: string, v: unknown): BuilderValue {
  return editField(value, path, (node) => {
    if (v === undefined) delete node[keyword];
    else node[keyword] = v;
  });
}

/** Sets a key of the field's uiSchema (`ui:help`), or of its `ui:options` (`options.labelEn`); `undefined` or '' removes it. */
export function setUi(value: BuilderValue, path: Path, key: string, v: unknown): BuilderValue {
  return editField(value, path, (_node, ui) => {
    const empty = v === undefined || v === '';
    if (key.startsWith('options.')) {
      const name = key.slice('options.'.length);
      const options = { ...(isRecord(ui['ui:options']) ? ui['ui:options'] : {}) };
      if (empty) delete options[name];
      else options[name] = v;
      if (Object.keys(options).length) ui['ui:options'] = options;
      else delete ui['ui:options'];
    } else if (empty) {
      delete ui[key];
    } else {
      ui[key] = v;
    }
  });
}

/** One choice of a single or multiple choice field. */
export interface ChoiceOption {
  value: string;
  label: string;
  labelEn?: string;
}

/** The choices of a choice field (its `oneOf` of consts, or its `enum`), with English labels. */
export function optionsOfField(entry: FieldEntry): ChoiceOption[] {
  const node = entry.kind === 'multiple' && isRecord(entry.node.items) ? entry.node.items : entry.node;
  const labelsEn = isRecord(entry.ui['ui:options']) && isRecord(entry.ui['ui:options'].enumLabelsEn) ? (entry.ui['ui:options'].enumLabelsEn as Json) : {};
  const en = (v: unknown) => (typeof labelsEn[String(v)] === 'string' ? { labelEn: labelsEn[String(v)] as string } : {});
  if (Array.isArray(node.oneOf)) return node.oneOf.map((o: Json) => ({ value: String(o.const), label: String(o.title ?? o.const), ...en(o.const) }));
  if (Array.isArray(node.enum)) return node.enum.map((v: unknown) => ({ value: String(v), label: String(v), ...en(v) }));
  return [];
}

/** Replaces the choices of a choice field (as `oneOf` of `{const, title}`, English in `enumLabelsEn`). */
export function setOptions(value: BuilderValue, path: Path, options: readonly ChoiceOption[]): BuilderValue {
  return editField(value, path, (node, ui) => {
    const target = node.type === 'array' && isRecord(node.items) ? node.items : node;
    delete target.enum;
    target.oneOf = options.map((o) => ({ const: o.value, title: o.label }));
    const labelsEn = Object.fromEntries(options.filter((o) => o.labelEn).map((o) => [o.value, o.labelEn]));
    const uiOptions = { ...(isRecord(ui['ui:options']) ? ui['ui:options'] : {}) };
    if (Object.keys(labelsEn).length) uiOptions.enumLabelsEn = labelsEn;
    else delete uiOptions.enumLabelsEn;
    if (Object.keys(uiOptions).length) ui['ui:options'] = uiOptions;
    else delete ui['ui:options'];
  });
}

/** Sets one setting of an attachment's `x-attachment` (`material`, `accept`, `maxSizeKb`); `undefined` removes it. */
export function setAttachment(value: BuilderValue, path: Path, name: 'material' | 'accept' | 'maxSizeKb', v: unknown): BuilderValue {
  return editField(value, path, (node) => {
    const spec = { ...(isRecord(node['x-attachment']) ? node['x-attachment'] : {}) };
    if (v === undefined) delete spec[name];
    else spec[name] = v;
    node['x-attachment'] = spec;
  });
}

// ---------------------------------------------------------------------------------------------
// Rules of one field.

/** The rules set on the field at `path`. */
export function rulesOf(value: BuilderValue, path: Path, kind: Rule['kind']): Rule[] {
  const pointer = pointerOf(path);
  return (value.form.rules ?? []).filter((r) => r.kind === kind && r.field === pointer);
}

/** A rule id not used yet, from `base` (`visible_name`, `visible_name_2`…). */
export function freeRuleId(value: BuilderValue, base: string): string {
  const ids = new Set((value.form.rules ?? []).map((r) => r.id));
  const stem = (/^[A-Za-z]/.test(base) ? base : `r_${base}`).replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 56);
  if (!ids.has(stem)) return stem;
  for (let n = 2; ; n += 1) if (!ids.has(`${stem}_${n}`)) return `${stem}_${n}`;
}

function withRules(value: BuilderValue, rules: Rule[]): BuilderValue {
  const { rules: _old, ...form } = value.form;
  return { ...value, form: rules.length ? { ...form, rules } : form };
}

/**
 * Sets the field's one rule of `kind` 'visible' or 'calculate' to `logic`, or removes it when
 * `logic` is undefined. The rule keeps its place and id when it exists.
 */
export function setFieldLogic(value: BuilderValue, path: Path, kind: 'visible' | 'calculate', logic: unknown): BuilderValue {
  const pointer = pointerOf(path);
  const rules = value.form.rules ?? [];
  const at = rules.findIndex((r) => r.kind === kind && r.field === pointer);
  if (logic === undefined) return at < 0 ? value : withRules(value, rules.filter((_, i) => i !== at));
  const body = kind === 'visible' ? { when: logic } : { value: logic };
  if (at >= 0) return withRules(value, rules.map((r, i) => (i === at ? ({ ...r, ...body } as Rule) : r)));
  const id = freeRuleId(value, `${kind === 'visible' ? 'visible' : 'calc'}_${path.join('_')}`);
  return withRules(value, [...rules, { id, kind, field: pointer, ...body } as Rule]);
}

/** Adds or replaces the check rule `id` on the field at `path`; `when` undefined removes it. */
export function setCheck(value: BuilderValue, path: Path, id: string, when: unknown, message: { 'zh-CN': string; en?: string }): BuilderValue {
  const rules = value.form.rules ?? [];
  const at = rules.findIndex((r) => r.id === id);
  if (when === undefined) return at < 0 ? value : withRules(value, rules.filter((_, i) => i !== at));
  const rule = { id, kind: 'check' as const, field: pointerOf(path), when, message };
  if (at >= 0) return withRules(value, rules.map((r, i) => (i === at ? rule : r)));
  return withRules(value, [...rules, rule]);
}

// ---------------------------------------------------------------------------------------------
// Problems from the server's check.

/**
 * The field a problem's pointer (rooted at the draft: `/form/schema/properties/a/properties/b/…`,
 * `/form/rules/3/when`, `/ui/a/b`) is about, or undefined when it is about the form as a whole.
 */
export function pathOfProblem(value: BuilderValue, pointer: string): Path | undefined {
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return undefined;
  }
  if (segments[0] === 'form' && segments[1] === 'rules' && segments[2] !== undefined) {
    const rule = (value.form.rules ?? [])[Number(segments[2])];
    if (!rule) return undefined;
    try {
      return parsePointer(rule.field);
    } catch {
      return undefined;
    }
  }
  let rest: string[];
  if (segments[0] === 'form' && segments[1] === 'schema') rest = segments.slice(2);
  else if (segments[0] === 'form' && segments[1] === 'uiSchema') return deepestField(value, segments.slice(2));
  else if (segments[0] === 'ui') return deepestField(value, segments.slice(1));
  else return undefined;
  const path: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    if (rest[i] === 'properties' && rest[i + 1] !== undefined) {
      path.push(rest[i + 1]!);
      i += 1;
    } else if (rest[i] !== 'items') {
      break;
    }
  }
  return path.length ? path : undefined;
}

/** The longest prefix of `segments` (skipping `items`) that names a field. */
function deepestField(value: BuilderValue, segments: string[]): Path | undefined {
  const keys = segments.filter((s) => s !== 'items' && !s.startsWith('ui:'));
  for (let n = keys.length; n > 0; n -= 1) if (entryAt(value, keys.slice(0, n))) return keys.slice(0, n);
  return undefined;
}
