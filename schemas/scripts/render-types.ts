/**
 * Renders JSON Schemas to TypeScript with json-schema-to-typescript, one declaration per
 * definition: every `$ref` is handed to the compiler as the name of the type it points at, the
 * definition itself is declared only by the module of its own schema, and other modules import it.
 * Used for the meta-schemas (schemas/src/generated/) and the API's response schemas (the web
 * client's types, functions/scripts/render-api-types.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const metaDir = fileURLToPath(new URL('../src/meta/', import.meta.url));
const outDir = fileURLToPath(new URL('../src/generated/', import.meta.url));

const banner = `/* eslint-disable */
/**
 * GENERATED from {source} — do not edit by hand.
 * Change the schema, then run \`npm run generate\`.
 */`;

type SchemaNode = { [key: string]: unknown };

/** The type a `$ref` stands for, and the module that declares it when that is another file. */
export interface RefTarget {
  name: string;
  from?: string;
}

/** TypeScript declarations of one schema, and the types they import, by module. */
export interface RenderedTypes {
  declarations: string;
  imports: Map<string, Set<string>>;
}

/**
 * Renders one schema's declarations, each `$ref` becoming the name of the type it points at
 * (`resolveRef` says which name and which module), so every definition is declared once, in the
 * file of the schema that defines it, and imported everywhere else.
 */
export async function renderSchema(schema: SchemaNode, resolveRef: (ref: string) => RefTarget): Promise<RenderedTypes> {
  const imports = new Map<string, Set<string>>();
  const named = replaceRefs(schema, (ref) => {
    const target = resolveRef(ref);
    if (target.from) {
      const names = imports.get(target.from) ?? new Set<string>();
      names.add(target.name);
      imports.set(target.from, names);
    }
    return target.name;
  });
  const declarations = await compile(named as JSONSchema, String(schema.title ?? 'Schema'), {
    bannerComment: '',
    additionalProperties: false,
    strictIndexSignatures: false,
    unreachableDefinitions: true,
    ignoreMinAndMaxItems: true,
    style: { singleQuote: true, printWidth: 100, bracketSpacing: true },
  });
  return { declarations, imports };
}

/** A generated module: the banner naming its source, the imports of every part, then the parts. */
export function renderModule(source: string, parts: RenderedTypes[]): string {
  const imports = new Map<string, Set<string>>();
  for (const part of parts) {
    for (const [from, names] of part.imports) imports.set(from, new Set([...(imports.get(from) ?? []), ...names]));
  }
  const importLines = [...imports.keys()].sort().map((from) => importLine([...imports.get(from)!].sort(), from));
  const head = [banner.replace('{source}', source), ...importLines].join('\n');
  return `${head}\n\n${parts.map((part) => part.declarations).join('\n')}`;
}

/** `import type { … } from '…';`, one name a line when it would pass 100 characters. */
function importLine(names: string[], from: string): string {
  const line = `import type { ${names.join(', ')} } from '${from}';`;
  return line.length <= 100 ? line : `import type {\n${names.map((name) => `  ${name},\n`).join('')}} from '${from}';`;
}

/** A copy of `node` where each `{ $ref, ...annotations }` is `{ tsType, ...annotations }`. */
function replaceRefs(node: unknown, nameOf: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((entry) => replaceRefs(entry, nameOf));
  if (node === null || typeof node !== 'object') return node;
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') out.tsType = nameOf(value);
    else out[key] = replaceRefs(value, nameOf);
  }
  return out;
}

/** The type name of a definition: its `title`, else its key. */
export function typeNameAt(schema: SchemaNode, pointer: string): string {
  let node: unknown = schema;
  const segments = pointer.replace(/^#?\/?/, '').split('/').filter(Boolean);
  for (const segment of segments) {
    node = (node as SchemaNode | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (node === undefined || node === null || typeof node !== 'object') {
    throw new Error(`no definition at ${pointer}`);
  }
  const title = (node as SchemaNode).title;
  return typeof title === 'string' ? title : (segments.at(-1) ?? String(schema.title));
}

/** Reads every meta-schema, keyed by file name. */
export async function readMetaSchemas(): Promise<Map<string, SchemaNode>> {
  const files = (await readdir(metaDir)).filter((f) => f.endsWith('.schema.json')).sort();
  const schemas = new Map<string, SchemaNode>();
  for (const file of files) {
    schemas.set(file, JSON.parse(await readFile(join(metaDir, file), 'utf8')) as SchemaNode);
  }
  return schemas;
}

/**
 * Resolves a meta-schema `$ref` (`file.schema.json#/$defs/X`, `#/$defs/X` inside `fromFile`, or a
 * whole file) to its type name and the generated module that declares it, as seen from a module
 * whose import of `generated/x.generated.js` is `modulePath('x')`.
 */
export function metaRefResolver(
  schemas: Map<string, SchemaNode>,
  fromFile: string | undefined,
  modulePath: (stem: string) => string,
): (ref: string) => RefTarget {
  return (ref) => {
    const [file, pointer = ''] = ref.split('#');
    const targetFile = file === '' ? fromFile : basename(file!);
    const target = targetFile === undefined ? undefined : schemas.get(targetFile);
    if (!targetFile || !target) throw new Error(`cannot resolve $ref ${ref}`);
    const name = typeNameAt(target, pointer);
    return targetFile === fromFile ? { name } : { name, from: modulePath(basename(targetFile, '.schema.json')) };
  };
}

/** Renders every meta-schema to its `*.generated.ts` source, without writing anything. */
export async function renderAllTypes(): Promise<{ path: string; source: string }[]> {
  const schemas = await readMetaSchemas();
  const out: { path: string; source: string }[] = [];
  for (const [file, schema] of schemas) {
    const stem = basename(file, '.schema.json');
    const resolveRef = metaRefResolver(schemas, file, (other) => `./${other}.generated.js`);
    const types = await renderSchema(schema, resolveRef);
    out.push({ path: join(outDir, `${stem}.generated.ts`), source: renderModule(`schemas/src/meta/${file}`, [types]) });
  }
  out.push({ path: join(outDir, 'index.ts'), source: renderBarrel([...schemas.keys()]) });
  return out;
}

/** The generated barrel: every generated type, from one module. */
function renderBarrel(files: string[]): string {
  const lines = files.map((file) => `export type * from './${basename(file, '.schema.json')}.generated.js';`);
  const header = banner.replace('/* eslint-disable */\n', '').replace('{source}', 'schemas/src/meta/*.schema.json');
  return `${header}\n\n${lines.join('\n')}\n`;
}
