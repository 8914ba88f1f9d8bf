import { describe, expect, it } from 'vitest';
import { schemaHasField } from '../../src/flows/schema-has-field.js';

describe('schemaHasField', () => {
  const form = {
    type: 'object',
    definitions: { person: { type: 'object', properties: { name: { type: 'string' } } } },
    $defs: { 'an agent': { type: 'object', properties: { letter: { type: 'string' } } } },
    properties: {
      applicant: { $ref: '#/definitions/person' },
      members: { type: 'array', items: { $ref: '#/definitions/person' } },
      pair: { type: 'array', prefixItems: [{ type: 'object', properties: { first: {} } }] },
      applyBy: { enum: ['self', 'agent'] },
    },
    if: { properties: { applyBy: { const: 'agent' } } },
    then: { properties: { agent: { $ref: '#/$defs/an%20agent' } } },
  };

  it.each(['applicant', 'applicant.name', 'members.0.name', 'members.12.name', 'pair.0.first', 'agent.letter', 'applyBy'])('knows %s', (path) => {
    expect(schemaHasField(form, path)).toBe(true);
  });

  it.each(['applicant.age', 'members.name', 'members.01.name', 'pair.1.first', 'agent.name', 'nope', '__proto__', 'constructor', 'applicant.toString'])(
    'refuses %s',
    (path) => {
      expect(schemaHasField(form, path)).toBe(false);
    },
  );

  it('does not take an anchor or a malformed reference for the root', () => {
    expect(schemaHasField({ properties: { a: { $ref: '#somewhere' } }, $defs: {} }, 'a.a')).toBe(false);
    expect(schemaHasField({ properties: { a: { $ref: '#/%E0%A4%A' } } }, 'a.a')).toBe(false);
  });
});
