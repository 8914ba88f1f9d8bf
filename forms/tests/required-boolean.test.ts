import { describe, expect, it } from 'vitest';
import { createValidator } from '../src/create-validator.js';

// A required yes/no question as the construction permit asks it (是否有地下室), on the server's validator.
const form = createValidator({
  schema: {
    type: 'object',
    properties: { project: { type: 'object', properties: { hasBasement: { type: 'boolean', title: '是否有地下室' } }, required: ['hasBasement'] } },
    required: ['project'],
  },
});
const opts = { locale: 'zh-CN' as const, today: '2026-03-02' };

describe('a required yes/no question on the server', () => {
  it('is a field error when left unanswered: no 否 is assumed', () => {
    const result = form.validate({ project: {} }, opts);

    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([expect.objectContaining({ pointer: '/project/hasBasement', code: 'required' })]);
    expect(result.data).toEqual({ project: {} });
  });

  it.each([true, false])('accepts %s as an answer', (answer) => {
    const result = form.validate({ project: { hasBasement: answer } }, opts);

    expect(result).toMatchObject({ valid: true, errors: [], data: { project: { hasBasement: answer } } });
  });
});
