/**
 * Writes functions/openapi.json from the route table, and the web client's types from the response
 * schemas; `functions/tests/api/openapi.test.ts` and `openapi-types.test.ts` check neither has drifted.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderOpenApi } from '../src/api/openapi.js';
import { apiTypesPath, renderApiTypes } from './render-api-types.js';

const path = fileURLToPath(new URL('../openapi.json', import.meta.url));
await writeFile(path, `${JSON.stringify(renderOpenApi(), null, 2)}\n`);
console.log(`wrote ${path}`);

await writeFile(apiTypesPath, await renderApiTypes());
console.log(`wrote ${apiTypesPath}`);
