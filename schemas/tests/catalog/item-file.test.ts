import { describe, expect, it } from 'vitest';
import { definitionOfFile, readItemFile, toItemFile } from '../../src/catalog/item-file.js';
import { loadBuiltInItems, loadReference } from '../../src/catalog/load-builtins.js';

const senior = loadBuiltInItems().find((b) => b.slug === 'senior-card')!;
const definition = { item: senior.item, form: senior.form, ui: senior.ui, flow: senior.flow };
const claims = loadReference().claims.filter((c) => c.itemId === 'senior-card');

describe('item files', () => {
  it('reads back exactly what was written, claims included', () => {
    const text = JSON.stringify(toItemFile(definition, claims), null, 2);

    const read = readItemFile(text);

    expect(read.problems).toEqual([]);
    expect(definitionOfFile(read.file!)).toEqual(definition);
    expect(read.file!.claims).toEqual(claims);
  });

  it('refuses text that is not JSON, in Chinese', () => {
    expect(readItemFile('{ item: 1 ').problems).toEqual([{ pointer: '', code: 'json', message: '文件不是有效的 JSON' }]);
  });

  it('refuses another format, a missing flow and an unknown property, each at its pointer', () => {
    const { flow: _flow, ...rest } = toItemFile(definition);
    const text = JSON.stringify({ ...rest, format: 'something-else', extra: 1 });

    const pointers = readItemFile(text).problems.map((p) => p.pointer);

    expect(pointers).toEqual(expect.arrayContaining(['/format', '/flow', '/extra']));
  });

  it('refuses an item that breaks the meta-schema, pointing into the item', () => {
    const file = toItemFile(definition);
    const broken = { ...file, item: { ...file.item, promisedLimit: { value: -1, unit: 'workingDays' } } };

    const { problems } = readItemFile(JSON.stringify(broken), 'en');

    expect(problems.map((p) => p.pointer)).toContain('/item/promisedLimit/value');
  });

  it("refuses a claim of another item", () => {
    const file = toItemFile(definition, [{ ...claims[0], itemId: 'other-item' }]);

    expect(readItemFile(JSON.stringify(file)).problems.map((p) => p.pointer)).toContain('/claims/0/itemId');
  });
});
