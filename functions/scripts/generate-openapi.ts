/** Writes functions/openapi.json from the route table; `functions/tests/api/openapi.test.ts` checks it has not drifted. */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderOpenApi } from '../src/api/openapi.js';

const path = fileURLToPath(new URL('../openapi.json', import.meta.url));
await writeFile(path, `${JSON.stringify(renderOpenApi(), null, 2)}\n`);
console.log(`wrote ${path}`);
