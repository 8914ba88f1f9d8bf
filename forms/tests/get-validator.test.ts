import { describe, expect, it } from 'vitest';
import { compileCount } from '../src/create-validator.js';
import { getValidator } from '../src/get-validator.js';
import { makeLargeForm } from '../src/testing/make-large-form.js';

describe('getValidator', () => {
  it('compiles a published form version once per process', () => {
    const { form, data } = makeLargeForm(50);
    const before = compileCount();

    const results = Array.from({ length: 100 }, () =>
      getValidator('large-form@1', form).validate(data, { locale: 'zh-CN', today: '2025-01-01' }),
    );

    expect(compileCount() - before).toBe(1);
    expect(results.every((r) => r.valid)).toBe(true);
  });

  it('compiles each version key separately', () => {
    const { form } = makeLargeForm(10);
    const before = compileCount();

    const v1 = getValidator('item-a@1', form);
    const v2 = getValidator('item-a@2', form);

    expect(compileCount() - before).toBe(2);
    expect(v1).not.toBe(v2);
    expect(getValidator('item-a@1', form)).toBe(v1);
  });
});
