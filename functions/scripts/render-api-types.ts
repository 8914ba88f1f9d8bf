/**
 * Renders the web client's types from the API's response schemas (src/api/response-schemas.ts)
 * into web/src/shared/api-types.generated.ts. Meta-schema types and `FieldError` are imported
 * from `@banshi/schemas`, never declared again. `npm run generate` writes the file;
 * functions/tests/api/openapi-types.test.ts fails when it drifts.
 */
import { fileURLToPath } from 'node:url';
import { metaRefResolver, readMetaSchemas, renderModule, renderSchema, type RefTarget } from '@banshi/schemas/scripts/render-types';
import { metaSchemas, responseSchemas } from '../src/api/response-schemas.js';

export const apiTypesPath = fileURLToPath(new URL('../../web/src/shared/api-types.generated.ts', import.meta.url));

type Schema = Record<string, unknown>;

/** Response schemas whose type `@banshi/schemas` already declares. */
const DECLARED_IN_SCHEMAS = new Set(['FieldError', 'ItemDraft']);
const COMPONENT = '#/components/schemas/';

/**
 * The schema as the type generator should see it: a schema that extends a closed meta-schema
 * (`x-extends`) lists the base's properties again; its type is `Base & { the rest }`.
 */
function forTypes(name: string, schema: Schema): Schema {
  const base = schema['x-extends'];
  if (typeof base !== 'string') return { title: name, ...schema };
  const baseSchema = ((responseSchemas as Record<string, Schema>)[base] ?? (metaSchemas as Record<string, Schema>)[base]) as { properties: Schema; required?: string[] };
  const inherited = new Set(Object.keys(baseSchema.properties));
  const properties = Object.fromEntries(Object.entries(schema.properties as Schema).filter(([key]) => !inherited.has(key)));
  const required = (schema.required as string[]).filter((key) => !inherited.has(key));
  return {
    title: name,
    ...(schema.description ? { description: schema.description } : {}),
    allOf: [{ $ref: `${COMPONENT}${base}` }, { type: 'object', properties, required, additionalProperties: false }],
  };
}

/** Renders the module's source, without writing it. */
export async function renderApiTypes(): Promise<string> {
  const metas = await readMetaSchemas();
  const metaRef = metaRefResolver(metas, undefined, () => '@banshi/schemas');
  const resolveRef = (ref: string): RefTarget => {
    if (!ref.startsWith(COMPONENT)) return metaRef(ref.replace('https://schemas.banshi.local/', ''));
    const name = ref.slice(COMPONENT.length);
    if (name in metaSchemas || DECLARED_IN_SCHEMAS.has(name)) return { name, from: '@banshi/schemas' };
    if (name in responseSchemas) return { name };
    throw new Error(`cannot resolve $ref ${ref}`);
  };
  const parts = [];
  for (const [name, schema] of Object.entries(responseSchemas)) {
    if (DECLARED_IN_SCHEMAS.has(name)) continue;
    parts.push(await renderSchema(forTypes(name, schema), resolveRef));
  }
  return renderModule('functions/src/api/response-schemas.ts', parts);
}
