import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderAllTypes } from '../scripts/render-types.js';

describe('generated types', () => {
  it('match what the generator renders from the meta-schemas (run `npm run generate` when this fails)', async () => {
    const rendered = await renderAllTypes();

    for (const { path, source } of rendered) {
      const committed = await readFile(path, 'utf8').catch(() => '(missing)');
      expect(committed, path).toBe(source);
    }
    expect(rendered.length).toBeGreaterThanOrEqual(11);
  });
});
