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

  it('declare each definition once, in the file of the schema that defines it, under its own name', async () => {
    const declaredIn = new Map<string, string[]>();
    for (const { path, source } of await renderAllTypes()) {
      for (const [, name] of source.matchAll(/^export (?:interface|type) (\w+)/gm)) {
        declaredIn.set(name!, [...(declaredIn.get(name!) ?? []), path]);
      }
    }

    const repeated = [...declaredIn].filter(([, paths]) => paths.length > 1);
    expect(repeated).toEqual([]);
    const numbered = [...declaredIn.keys()].filter((name) => /\D\d+$/.test(name));
    expect(numbered).toEqual([]);
    expect(declaredIn.get('LocalizedText')).toEqual([expect.stringMatching(/common\.generated\.ts$/)]);
    expect(declaredIn.get('FlowAction')).toEqual([expect.stringMatching(/flow\.generated\.ts$/)]);
  });

  it('import what other schemas define', async () => {
    const caseTypes = (await renderAllTypes()).find(({ path }) => path.endsWith('case.generated.ts'))!.source;

    expect(caseTypes).toMatch(/import type \{[^}]*\bLocalizedText\b[^}]*\} from '\.\/common\.generated\.js';/);
  });
});
