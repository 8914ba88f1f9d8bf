import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiTypesPath, renderApiTypes } from '../../scripts/render-api-types.js';

describe("the web client's API types", () => {
  it('match what the generator renders from the response schemas (run `npm run generate` when this fails)', async () => {
    const committed = await readFile(apiTypesPath, 'utf8').catch(() => '(missing)');

    expect(committed).toBe(await renderApiTypes());
  });

  it('import the meta-schema types from @banshi/schemas instead of declaring them again', async () => {
    const source = await renderApiTypes();

    for (const name of ['Case', 'Task', 'AuditEvent', 'LocalizedText', 'FieldError', 'ItemDraft']) {
      expect(source).not.toMatch(new RegExp(`export (interface|type) ${name}\\b`));
    }
    expect(source).toContain("from '@banshi/schemas'");
  });
});
