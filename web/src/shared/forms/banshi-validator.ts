/**
 * The rjsf validator backed by Banshi's own form runtime (forms/): the same ajv instance, formats,
 * messages and JSON Logic rules the server runs, so a field error in the browser is the error the
 * server would answer. rjsf calls `isValid` for oneOf/anyOf matching and `if` on sub-schemas; those
 * run on the same shared ajv, with the form's `$defs` and `definitions` (draft-07 style) alike, so a
 * branch that refers to `#/definitions/…` is matched as the server would match it.
 */
import type { ErrorSchema, RJSFSchema, RJSFValidationError, ValidationData, ValidatorType } from '@rjsf/utils';
import { createValidator, type FieldError, compileSubSchema } from '@banshi/forms';
import type { FormRule } from '@banshi/forms';
import { unescapeSegment, type Locale } from '@banshi/schemas/core';

export interface BanshiValidatorOptions {
  rules?: readonly FormRule[];
  locale: Locale;
  today: string;
}

/** Splits a JSON pointer into rjsf's property path. */
function segments(pointer: string): string[] {
  return pointer.split('/').slice(1).map(unescapeSegment);
}

/** Builds rjsf's nested ErrorSchema from field errors. */
export function toErrorSchema(errors: readonly FieldError[]): ErrorSchema {
  const root: Record<string, any> = {};
  for (const error of errors) {
    let node = root;
    for (const key of segments(error.pointer)) node = node[key] ??= {};
    (node.__errors ??= []).push(error.message);
  }
  return root as ErrorSchema;
}

/**
 * The rjsf validator of one form: whole-form validation through `createValidator` (rules, formats,
 * messages), sub-schema checks through `compileSubSchema`, each sub-schema compiled once.
 *
 * @throws FormDefinitionError when the form does not compile
 */
export function createBanshiValidator(schema: object, options: BanshiValidatorOptions): ValidatorType {
  const form = createValidator({ schema, ...(options.rules ? { rules: options.rules } : {}) });
  // rjsf asks about the same sub-schema objects again and again (oneOf matching on every render).
  const compiled = new WeakMap<object, ReturnType<typeof compileSubSchema>>();
  const compile = (subSchema: RJSFSchema, rootSchema: RJSFSchema) => {
    let validate = compiled.get(subSchema);
    if (!validate) {
      validate = compileSubSchema(subSchema, rootSchema);
      compiled.set(subSchema, validate);
    }
    return validate;
  };
  return {
    validateFormData(formData: unknown): ValidationData<unknown> {
      const result = form.validate(formData ?? {}, { locale: options.locale, today: options.today });
      const errors: RJSFValidationError[] = result.errors.map((e) => ({
        name: e.code,
        property: segments(e.pointer).map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('') || '.',
        message: e.message,
        stack: e.message,
        params: {},
        schemaPath: e.pointer,
      }));
      return { errors, errorSchema: toErrorSchema(result.errors) };
    },
    isValid(subSchema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
      try {
        return Boolean(compile(subSchema, rootSchema)(formData));
      } catch {
        return false;
      }
    },
    rawValidation<Result = unknown>(subSchema: RJSFSchema, formData?: unknown) {
      try {
        const validate = compile(subSchema, subSchema);
        validate(formData);
        return { errors: (validate.errors ?? undefined) as Result[] | undefined };
      } catch (error) {
        return { validationError: error as Error };
      }
    },
  };
}
