import { describe, expect, it } from 'vitest';
import { CopyOnWrite, escapeSegment, getAt, parsePointer, unescapeSegment } from '../../src/core/json-pointer.js';

describe('JSON pointers', () => {
  it.each([
    ['', []],
    ['/a', ['a']],
    ['/a~1b/c~0d', ['a/b', 'c~d']],
    ['/items/0', ['items', '0']],
  ])('parses %s', (pointer, segments) => {
    expect(parsePointer(pointer)).toEqual(segments);
  });

  it('escapes what it parses back', () => {
    expect(parsePointer(`/${escapeSegment('a/b~c')}`)).toEqual(['a/b~c']);
  });

  it.each([
    ['a~1b', 'a/b'],
    ['c~0d', 'c~d'],
    ['~01', '~1'],
    ['~10', '/0'],
    ['plain', 'plain'],
  ])('unescapes the segment %s', (segment, key) => {
    expect(unescapeSegment(segment)).toBe(key);
  });

  it.each(['a/b~c', '~1', '~0', '/~/', ''])('unescapes what it escapes: %s', (key) => {
    expect(unescapeSegment(escapeSegment(key))).toBe(key);
  });

  it('reads own properties only', () => {
    expect(getAt({ a: { b: 1 } }, '/a/b')).toBe(1);
    expect(getAt({}, '/toString')).toBeUndefined();
    expect(getAt({}, '/__proto__')).toBeUndefined();
  });

  it('copies only the containers it changes', () => {
    const shared = { x: 1 };
    const input = { a: { b: 1 }, shared };
    const doc = new CopyOnWrite(input);

    doc.set('/a/b', 2);
    doc.set('/new/deep', 3);

    expect(doc.root).toEqual({ a: { b: 2 }, shared: { x: 1 }, new: { deep: 3 } });
    expect(doc.root.shared).toBe(shared);
    expect(input.a.b).toBe(1);
  });

  it('refuses to write or delete through forbidden segments', () => {
    const doc = new CopyOnWrite({});

    expect(doc.set('/__proto__/polluted', 1)).toBe(false);
    expect(doc.set('/constructor/prototype/polluted', 1)).toBe(false);
    expect(doc.remove('/__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
