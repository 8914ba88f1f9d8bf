/**
 * Reading a form's JSON Schema as fields: one `$ref` resolver and one walker for everything that
 * asks "which fields does this form have" — labels of a pointer, the fields a rule or a correction
 * can name, the builder's tree, whether a flow condition names a real field.
 */
import { escapeSegment, getAt, isForbiddenSegment } from './json-pointer.js';

/** A JSON Schema object (boolean schemas declare no fields). */
export type JsonSchema = Record<string, unknown>;

/** Whether a value is a schema object (not `true`/`false`, not an array). */
export function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The schema a local `$ref` names in `root`: `#` itself, `#/$defs/x`, `#/definitions/x` or any
 * other local JSON pointer (percent-encoded or not). `undefined` for a remote reference, an anchor,
 * a malformed pointer, or one that names no schema.
 *
 * @example
 * resolveRef({ definitions: { person: { type: 'object' } } }, '#/definitions/person'); // { type: 'object' }
 */
export function resolveRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let pointer: string;
  try {
    pointer = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  const target = getAt(root, pointer);
  return isSchemaObject(target) ? target : undefined;
}

/**
 * `schema` with its local `$ref` chain followed: the target's keywords overlaid with the referring
 * schema's own, so a title written beside a `$ref` wins. A schema without `$ref` comes back as it
 * is (the same object); a reference that names nothing, or one that comes back round to a
 * reference already followed, ends the chain where it is.
 */
export function derefSchema(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let current = schema;
  const followed = new Set<string>();
  while (typeof current.$ref === 'string' && !followed.has(current.$ref)) {
    followed.add(current.$ref);
    const target = resolveRef(root, current.$ref);
    if (!target) break;
    const { $ref: _ref, ...own } = current;
    current = { ...target, ...own };
  }
  return current;
}

interface Combined {
  schema: JsonSchema;
  /** Whether the schema always applies with the one it was reached from (`$ref`, `allOf`). */
  always: boolean;
}

const SOME_OF = ['anyOf', 'oneOf'] as const;
const CONDITIONAL = ['if', 'then', 'else'] as const;

function collect(root: JsonSchema, schema: JsonSchema, always: boolean, seen: Set<JsonSchema>, out: Combined[]): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  out.push({ schema, always });
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(root, schema.$ref);
    if (target) collect(root, target, always, seen, out);
  }
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf) if (isSchemaObject(s)) collect(root, s, always, seen, out);
  for (const key of SOME_OF) {
    const list = schema[key];
    if (Array.isArray(list)) for (const s of list) if (isSchemaObject(s)) collect(root, s, false, seen, out);
  }
  for (const key of CONDITIONAL) if (isSchemaObject(schema[key])) collect(root, schema[key] as JsonSchema, false, seen, out);
  if (isSchemaObject(schema.dependentSchemas)) {
    for (const s of Object.values(schema.dependentSchemas)) if (isSchemaObject(s)) collect(root, s, false, seen, out);
  }
}

/**
 * `schema` and every schema combined with it — local `$ref`s, `allOf`/`anyOf`/`oneOf`,
 * `if`/`then`/`else`, `dependentSchemas`, at any depth — each once: a field declared in any of
 * them is a field of the data `schema` describes.
 */
export function combinedSchemas(root: JsonSchema, schema: JsonSchema): JsonSchema[] {
  const out: Combined[] = [];
  collect(root, schema, true, new Set(), out);
  return out.map((c) => c.schema);
}

const INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * The schemas, as written, that describe the data at `segment` below data described by `schema`:
 * the property `segment` of `schema` or of anything combined with it, and for an index the
 * array's `items` or its `prefixItems` at that position.
 */
export function childSchemas(root: JsonSchema, schema: JsonSchema, segment: string): JsonSchema[] {
  const out: JsonSchema[] = [];
  const forbidden = isForbiddenSegment(segment);
  for (const s of combinedSchemas(root, schema)) {
    if (!forbidden && isSchemaObject(s.properties) && Object.hasOwn(s.properties, segment) && isSchemaObject(s.properties[segment])) {
      out.push(s.properties[segment] as JsonSchema);
    }
    if (INDEX.test(segment)) {
      if (isSchemaObject(s.items)) out.push(s.items);
      if (Array.isArray(s.prefixItems) && isSchemaObject(s.prefixItems[Number(segment)])) out.push(s.prefixItems[Number(segment)] as JsonSchema);
    }
  }
  return out;
}

/**
 * The property `key` of data described by `schema`, `$ref`s followed: the first declaration of it
 * in `schema` or in anything combined with it, or `undefined` when none declares it.
 */
export function propertySchema(root: JsonSchema, schema: JsonSchema, key: string): JsonSchema | undefined {
  if (isForbiddenSegment(key)) return undefined;
  for (const s of combinedSchemas(root, schema)) {
    if (isSchemaObject(s.properties) && Object.hasOwn(s.properties, key) && isSchemaObject(s.properties[key])) {
      return derefSchema(root, s.properties[key] as JsonSchema);
    }
  }
  return undefined;
}

/** Whether `schema`, or anything combined with it, declares `properties` (an object of fields). */
export function declaresProperties(root: JsonSchema, schema: JsonSchema): boolean {
  return combinedSchemas(root, schema).some((s) => isSchemaObject(s.properties));
}

/** One field of a form schema, as {@link formSchemaFields} meets it. */
export interface FormSchemaField {
  /**
   * JSON pointer of the field (`/applicant/idNumber`). A column of a repeating group is named
   * under the group (`/members/name`), the way rules and the builder name it.
   */
  pointer: string;
  /** The property keys from the root, unescaped (`['applicant', 'idNumber']`). */
  path: readonly string[];
  /** The field's property key. */
  key: string;
  /** The field's schema as written in its parent's `properties`. */
  declared: JsonSchema;
  /** The field's schema with its `$ref`s followed ({@link derefSchema}). */
  schema: JsonSchema;
  /** The schema's `title`, when it has one. */
  title: string | undefined;
  /** Whether the parent's `required` (its own, or one it always applies with) names the field. */
  required: boolean;
  /** 0 for a field of the root, one more per level below. */
  depth: number;
  /** The field it lies in; `undefined` at the top level. */
  parent: FormSchemaField | undefined;
  /** Whether it is a property of the parent's array `items` (a column of a repeating group). */
  inItems: boolean;
}

/** How {@link formSchemaFields} walks. */
export interface FormSchemaWalk {
  /** Whether to walk into the field's properties and the properties of its `items` (default: yes). */
  descend?: (field: FormSchemaField) => boolean;
  /** The order to list a container's keys in (default: as the schema declares them). */
  order?: (keys: string[], parent: FormSchemaField | undefined) => string[];
  /**
   * Walk only `properties` and `items` as written, without following `$ref`s or combined schemas
   * (the form builder, which edits fields where they are declared).
   */
  declaredOnly?: boolean;
}

/** No form a person fills is this deep; the bound ends the walk of a schema that refers to itself. */
const MAX_DEPTH = 32;

interface Child {
  declared: JsonSchema;
  required: boolean;
  inItems: boolean;
}

function childrenOf(root: JsonSchema, container: JsonSchema, declaredOnly: boolean): Map<string, Child> {
  const children = new Map<string, Child>();
  const holders = (schema: JsonSchema): Combined[] => {
    if (declaredOnly) return [{ schema, always: true }];
    const out: Combined[] = [];
    collect(root, schema, true, new Set(), out);
    return out;
  };
  const add = (parts: Combined[], inItems: boolean) => {
    const required = new Set(parts.flatMap(({ schema, always }) => (always && Array.isArray(schema.required) ? (schema.required as unknown[]) : [])));
    for (const { schema } of parts) {
      if (!isSchemaObject(schema.properties)) continue;
      for (const [key, declared] of Object.entries(schema.properties)) {
        if (!isSchemaObject(declared) || isForbiddenSegment(key) || children.has(key)) continue;
        children.set(key, { declared, required: required.has(key), inItems });
      }
    }
  };
  const parts = holders(container);
  add(parts, false);
  for (const { schema } of parts) if (isSchemaObject(schema.items)) add(holders(schema.items), true);
  return children;
}

/**
 * Every field of a form schema, parents before their children: the properties of the root and,
 * below each field the walk descends into, its properties and those of its array `items`, with
 * local `$ref`s followed and fields declared in `allOf`, `anyOf`/`oneOf`, `if`/`then`/`else` and
 * `dependentSchemas` counted (unless `declaredOnly`). A key declared twice is met once, at its
 * first declaration.
 *
 * @example
 * [...formSchemaFields(seniorCard.form.schema)].map((f) => f.pointer); // ['/applicant', '/applicant/name', …]
 */
export function* formSchemaFields(root: JsonSchema, walk: FormSchemaWalk = {}): Generator<FormSchemaField> {
  const declaredOnly = walk.declaredOnly ?? false;
  function* below(container: JsonSchema, parent: FormSchemaField | undefined): Generator<FormSchemaField> {
    const depth = parent ? parent.depth + 1 : 0;
    if (depth > MAX_DEPTH) return;
    const children = childrenOf(root, container, declaredOnly);
    const keys = walk.order ? walk.order([...children.keys()], parent) : [...children.keys()];
    for (const key of keys) {
      const child = children.get(key);
      if (!child) continue;
      const schema = declaredOnly ? child.declared : derefSchema(root, child.declared);
      const path = [...(parent?.path ?? []), key];
      const field: FormSchemaField = {
        pointer: `${parent?.pointer ?? ''}/${escapeSegment(key)}`,
        path,
        key,
        declared: child.declared,
        schema,
        title: typeof schema.title === 'string' ? schema.title : undefined,
        required: child.required,
        depth,
        parent,
        inItems: child.inItems,
      };
      yield field;
      if (walk.descend?.(field) ?? true) yield* below(schema, field);
    }
  }
  yield* below(root, undefined);
}
