import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFromFile } from 'json-schema-to-typescript';

const metaDir = fileURLToPath(new URL('../src/meta/', import.meta.url));
const outDir = fileURLToPath(new URL('../src/generated/', import.meta.url));

const banner = `/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/{file} — do not edit by hand.
 * Change the schema, then run \`npm run generate\`.
 */`;

/** Renders every meta-schema to its `*.generated.ts` source, without writing anything. */
export async function renderAllTypes(): Promise<{ path: string; source: string }[]> {
  const files = (await readdir(metaDir)).filter((f) => f.endsWith('.schema.json')).sort();
  const out: { path: string; source: string }[] = [];
  for (const file of files) {
    const source = await compileFromFile(join(metaDir, file), {
      cwd: metaDir,
      bannerComment: banner.replace('{file}', file),
      additionalProperties: false,
      strictIndexSignatures: false,
      unreachableDefinitions: true,
      ignoreMinAndMaxItems: true,
      style: { singleQuote: true, printWidth: 100 },
    });
    out.push({ path: join(outDir, `${basename(file, '.schema.json')}.generated.ts`), source });
  }
  return out;
}
