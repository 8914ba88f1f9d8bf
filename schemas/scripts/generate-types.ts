/**
 * Generates TypeScript types from the meta-schemas into `schemas/src/generated/`.
 * Run with `npm run generate`; `schemas/tests/generated-types.test.ts` fails when the committed
 * files drift from what this script would write.
 */
import { writeFile } from 'node:fs/promises';
import { renderAllTypes } from './render-types.js';

for (const { path, source } of await renderAllTypes()) {
  await writeFile(path, source);
  console.log(`wrote ${path}`);
}
