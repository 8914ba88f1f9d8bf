import { describe, expect, it } from 'vitest';
import {
  childSchemas,
  combinedSchemas,
  declaresProperties,
  derefSchema,
  formSchemaFields,
  propertySchema,
  resolveRef,
  type FormSchemaField,
  type JsonSchema,
} from '../../src/core/form-schema.js';
import { loadBuiltInItems } from '../../src/catalog/load-builtins.js';

const pointers = (root: JsonSchema, walk?: Parameters<typeof formSchemaFields>[1]) => Array.from(formSchemaFields(root, walk), (f) => f.pointer);

/** A form whose applicant and agent share one definition, written the draft-07 way. */
const withDefinitions: JsonSchema = {
  type: 'object',
  definitions: { person: { type: 'object', title: '人员', properties: { name: { type: 'string', title: '姓名' }, idNumber: { type: 'string', format: 'resident-id' } }, required: ['name'] } },
  properties: {
    applicant: { $ref: '#/definitions/person', title: '申请人' },
    agent: { $ref: '#/definitions/person' },
  },
};

describe('resolveRef', () => {
  const root: JsonSchema = {
    $defs: { a: { type: 'string' }, 'x/y': { type: 'number' }, 'with space': { type: 'boolean' } },
    definitions: { b: { type: 'integer' } },
    properties: { c: { type: 'object', properties: { d: { type: 'string', title: 'D' } } } },
    allOf: [{ properties: { e: { type: 'string' } } }],
  };

  it.each([
    ['#/$defs/a', { type: 'string' }],
    ['#/definitions/b', { type: 'integer' }],
    ['#/properties/c/properties/d', { type: 'string', title: 'D' }],
    ['#/allOf/0/properties/e', { type: 'string' }],
    ['#/$defs/x~1y', { type: 'number' }],
    ['#/$defs/with%20space', { type: 'boolean' }],
  ])('resolves the local pointer %s', (ref, target) => {
    expect(resolveRef(root, ref)).toEqual(target);
  });

  it('resolves # to the root itself', () => {
    expect(resolveRef(root, '#')).toBe(root);
  });

  it.each(['https://example.org/s.json#/$defs/a', '#anchor', '#/$defs/missing', '#/$defs/%E0%A4%A', '#/__proto__', '#/$defs/a/type'])(
    'resolves nothing for %s',
    (ref) => {
      expect(resolveRef(root, ref)).toBeUndefined();
    },
  );
});

describe('derefSchema', () => {
  it('returns a schema without $ref as it is', () => {
    const schema = { type: 'string' };
    expect(derefSchema({}, schema)).toBe(schema);
  });

  it('overlays the referring schema on the target, so a title beside the $ref wins', () => {
    expect(derefSchema(withDefinitions, { $ref: '#/definitions/person', title: '申请人' })).toMatchObject({ type: 'object', title: '申请人', required: ['name'] });
  });

  it('follows a chain of references', () => {
    const root = { $defs: { a: { $ref: '#/$defs/b', title: 'A' }, b: { $ref: '#/definitions/c' } }, definitions: { c: { type: 'integer', title: 'C' } } };
    expect(derefSchema(root, { $ref: '#/$defs/a' })).toEqual({ type: 'integer', title: 'A' });
  });

  it('stops at a cycle and at a reference that names nothing', () => {
    const root = { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } } };
    expect(derefSchema(root, { $ref: '#/$defs/a' })).toHaveProperty('$ref');
    expect(derefSchema(root, { $ref: '#/$defs/nope', title: 'kept' })).toEqual({ $ref: '#/$defs/nope', title: 'kept' });
  });
});

describe('combinedSchemas and childSchemas', () => {
  const root: JsonSchema = {
    type: 'object',
    $defs: { extra: { properties: { viaRef: { type: 'string' } } } },
    properties: { applyBy: { enum: ['self', 'agent'] } },
    allOf: [{ $ref: '#/$defs/extra' }, { properties: { viaAllOf: { type: 'string' } } }],
    if: { properties: { applyBy: { const: 'agent' } } },
    then: { properties: { agent: { type: 'string' } } },
    else: { properties: { reason: { type: 'string' } } },
    dependentSchemas: { agent: { properties: { letter: { type: 'string' } } } },
    anyOf: [{ properties: { viaAnyOf: { type: 'string' } } }],
  };

  it('lists the schema and everything combined with it once, even when it refers to itself', () => {
    const looped: JsonSchema = { $defs: { self: { $ref: '#' } }, allOf: [{ $ref: '#/$defs/self' }] };
    expect(combinedSchemas(looped, looped)).toHaveLength(3);
    expect(combinedSchemas(root, root)).toHaveLength(9);
  });

  it.each(['applyBy', 'viaRef', 'viaAllOf', 'agent', 'reason', 'letter', 'viaAnyOf'])('finds %s wherever it is declared', (key) => {
    expect(childSchemas(root, root, key)).toHaveLength(key === 'applyBy' ? 2 : 1);
    expect(propertySchema(root, root, key)).toBeDefined();
  });

  it('reads array indexes through items and prefixItems, and nothing through the prototype', () => {
    const tuple: JsonSchema = { type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'integer' } };
    expect(childSchemas(tuple, tuple, '0')).toEqual([{ type: 'integer' }, { type: 'string' }]);
    expect(childSchemas(tuple, tuple, '1')).toEqual([{ type: 'integer' }]);
    expect(childSchemas(tuple, tuple, '01')).toEqual([]);
    expect(childSchemas(root, root, '__proto__')).toEqual([]);
    expect(childSchemas(root, root, 'toString')).toEqual([]);
  });

  it('tells an object of fields from a value', () => {
    expect(declaresProperties(withDefinitions, { $ref: '#/definitions/person' })).toBe(true);
    expect(declaresProperties(withDefinitions, { type: 'string' })).toBe(false);
  });
});

describe('formSchemaFields', () => {
  it('walks every field of a built-in form, parents first, with pointers, titles and required', () => {
    const senior = loadBuiltInItems().find((b) => b.slug === 'senior-card')!;
    const fields = [...formSchemaFields(senior.form.schema as JsonSchema)];
    const id = fields.find((f) => f.pointer === '/applicant/idNumber')!;

    expect(id).toMatchObject({ key: 'idNumber', path: ['applicant', 'idNumber'], title: '公民身份号码', depth: 1, inItems: false });
    expect(id.parent?.pointer).toBe('/applicant');
    expect(fields.indexOf(id.parent!)).toBeLessThan(fields.indexOf(id));
    expect(fields.every((f) => f.parent === undefined || fields.indexOf(f.parent) < fields.indexOf(f))).toBe(true);
  });

  it('follows #/definitions/ references, keeping the title written beside the $ref', () => {
    const fields = [...formSchemaFields(withDefinitions)];

    expect(fields.map((f) => [f.pointer, f.title, f.required])).toEqual([
      ['/applicant', '申请人', false],
      ['/applicant/name', '姓名', true],
      ['/applicant/idNumber', undefined, false],
      ['/agent', '人员', false],
      ['/agent/name', '姓名', true],
      ['/agent/idNumber', undefined, false],
    ]);
    expect(fields[0]!.declared).toEqual({ $ref: '#/definitions/person', title: '申请人' });
    expect(fields[2]!.schema).toEqual({ type: 'string', format: 'resident-id' });
  });

  it('counts fields declared in allOf, if/then/else and dependentSchemas once each', () => {
    const root: JsonSchema = {
      type: 'object',
      properties: { applyBy: { type: 'string' } },
      required: ['applyBy'],
      allOf: [{ properties: { phone: { type: 'string' } }, required: ['phone'] }],
      if: { properties: { applyBy: { const: 'agent' } } },
      then: { properties: { agent: { type: 'string' } }, required: ['agent'] },
      dependentSchemas: { agent: { properties: { letter: { type: 'string' } } } },
    };
    const fields = [...formSchemaFields(root)];

    expect(fields.map((f) => f.key)).toEqual(['applyBy', 'phone', 'agent', 'letter']);
    // A field required only under a condition is not required.
    expect(fields.map((f) => f.required)).toEqual([true, true, false, false]);
  });

  it('walks the columns of a repeating group under the group, and escapes keys', () => {
    const root: JsonSchema = {
      properties: {
        members: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
        'a/b~c': { type: 'string' },
      },
    };
    const fields = [...formSchemaFields(root)];

    expect(fields.map((f) => [f.pointer, f.inItems, f.required])).toEqual([
      ['/members', false, false],
      ['/members/name', true, true],
      ['/a~1b~0c', false, false],
    ]);
    expect(fields[2]!.path).toEqual(['a/b~c']);
  });

  it('descends only where told, in the order asked for', () => {
    const root: JsonSchema = { properties: { b: { properties: { x: {} } }, a: { properties: { y: {} } } } };

    expect(pointers(root, { descend: (f) => f.key === 'a' })).toEqual(['/b', '/a', '/a/y']);
    expect(pointers(root, { order: (keys) => [...keys].sort() })).toEqual(['/a', '/a/y', '/b', '/b/x']);
  });

  it('walks only what is declared when asked', () => {
    expect(pointers(withDefinitions, { declaredOnly: true })).toEqual(['/applicant', '/agent']);
  });

  it('ends the walk of a schema that contains itself', () => {
    const root: JsonSchema = { $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } }, $ref: '#/$defs/node' };
    const fields: FormSchemaField[] = [...formSchemaFields(root)];

    expect(fields.length).toBeGreaterThan(10);
    expect(fields.length).toBeLessThan(40);
    expect(fields.at(-1)!.pointer).toMatch(/^(\/child)+$/);
  });

  it('skips boolean schemas and prototype keys', () => {
    expect(pointers({ properties: { yes: true, no: false, ok: { type: 'string' } } })).toEqual(['/ok']);
    expect(pointers(JSON.parse('{"properties":{"__proto__":{"type":"string"},"ok":{}}}') as JsonSchema)).toEqual(['/ok']);
  });
});
