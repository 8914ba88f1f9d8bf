import { describe, expect, it } from 'vitest';
import { createValidator } from '../../src/create-validator.js';
import { makeLargeForm } from '../../src/testing/make-large-form.js';

const OPTS = { locale: 'zh-CN', today: '2025-01-01' } as const;

describe('makeLargeForm', () => {
  it('builds a 200-field form whose data is valid', () => {
    const { form, data } = makeLargeForm(200);

    const result = createValidator(form).validate(data, OPTS);

    expect(Object.keys(form.schema.properties as object)).toHaveLength(201);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('mixes strings, numbers, enums, dates, resident IDs and mobile numbers', () => {
    const { form } = makeLargeForm(20);
    const props = Object.values(form.schema.properties as Record<string, Record<string, unknown>>);

    const kinds = new Set(props.map((p) => String(p.format ?? (p.enum ? 'enum' : p.type))));

    expect([...kinds]).toEqual(expect.arrayContaining(['string', 'integer', 'number', 'enum', 'date', 'resident-id', 'mobile']));
  });

  it('validates the same submission repeatedly with the same result (bench sanity)', () => {
    const { form, data } = makeLargeForm(200);
    const validator = createValidator(form);

    const results = Array.from({ length: 200 }, () => validator.validate(data, OPTS).valid);

    expect(results.every(Boolean)).toBe(true);
  });
});
