type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function resolveLocalRef(root: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isSchema(node) ? node[token] : undefined;
  }
  return isSchema(node) ? node : undefined;
}

// A subschema together with everything it is combined with: $ref (local), allOf/anyOf/oneOf,
// if/then/else, dependentSchemas — a field declared in any of them counts as declared.
function alternatives(root: Schema, schema: Schema, seen = new Set<Schema>()): Schema[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const out = [schema];
  if (typeof schema.$ref === 'string') {
    const target = resolveLocalRef(root, schema.$ref);
    if (target) out.push(...alternatives(root, target, seen));
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[key];
    if (Array.isArray(list)) for (const s of list) if (isSchema(s)) out.push(...alternatives(root, s, seen));
  }
  for (const key of ['if', 'then', 'else']) {
    const s = schema[key];
    if (isSchema(s)) out.push(...alternatives(root, s, seen));
  }
  if (isSchema(schema.dependentSchemas)) {
    for (const s of Object.values(schema.dependentSchemas)) if (isSchema(s)) out.push(...alternatives(root, s, seen));
  }
  return out;
}

function child(root: Schema, schema: Schema, segment: string): Schema[] {
  const out: Schema[] = [];
  for (const s of alternatives(root, schema)) {
    if (isSchema(s.properties) && isSchema(s.properties[segment])) out.push(s.properties[segment] as Schema);
    if (/^(0|[1-9][0-9]*)$/.test(segment)) {
      if (isSchema(s.items)) out.push(s.items);
      if (Array.isArray(s.prefixItems) && isSchema(s.prefixItems[Number(segment)])) {
        out.push(s.prefixItems[Number(segment)] as Schema);
      }
    }
  }
  return out;
}

/**
 * Tells whether a form's JSON Schema declares the field at a JSON Logic variable path: dotted
 * segments are walked through `properties` (numeric segments through `items`/`prefixItems`),
 * following local `$ref`s and `allOf`/`anyOf`/`oneOf`/`if`/`then`/`else`.
 *
 * @example schemaHasField({ type: 'object', properties: { a: { type: 'object', properties: { b: {} } } } }, 'a.b') // → true
 */
export function schemaHasField(formSchema: object, path: string): boolean {
  const root = formSchema as Schema;
  let current: Schema[] = [root];
  for (const segment of path.split('.')) {
    current = current.flatMap((s) => child(root, s, segment));
    if (current.length === 0) return false;
  }
  return true;
}
