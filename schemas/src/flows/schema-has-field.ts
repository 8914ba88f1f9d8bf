import { childSchemas, type JsonSchema } from '../core/form-schema.js';

/**
 * Tells whether a form's JSON Schema declares the field at a JSON Logic variable path: dotted
 * segments are walked through `properties` (numeric segments through `items`/`prefixItems`),
 * following local `$ref`s and `allOf`/`anyOf`/`oneOf`/`if`/`then`/`else`/`dependentSchemas`.
 *
 * @example schemaHasField({ type: 'object', properties: { a: { type: 'object', properties: { b: {} } } } }, 'a.b') // → true
 */
export function schemaHasField(formSchema: object, path: string): boolean {
  const root = formSchema as JsonSchema;
  let current: JsonSchema[] = [root];
  for (const segment of path.split('.')) {
    current = current.flatMap((s) => childSchemas(root, s, segment));
    if (current.length === 0) return false;
  }
  return true;
}
