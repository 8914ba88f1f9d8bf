import { createValidator, type FormValidator, type ValidatableForm } from './create-validator.js';

const cache = new Map<string, FormValidator>();

/**
 * The validator of a published form version, compiled on first use and kept for the life of
 * the process. Published versions are immutable, so the key (e.g. `${itemId}@${version}`) must
 * name exactly one form; a second call with the same key returns the first validator and
 * ignores `form`.
 *
 * @throws FormDefinitionError as {@link createValidator} (nothing is cached then)
 * @example
 * const v = getValidator('item-123@3', form);
 * v.validate(body, { locale: 'zh-CN', today: '2025-01-01' });
 */
export function getValidator(key: string, form: ValidatableForm): FormValidator {
  let validator = cache.get(key);
  if (validator === undefined) {
    validator = createValidator(form);
    cache.set(key, validator);
  }
  return validator;
}
