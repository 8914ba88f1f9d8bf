/**
 * Errors of the form runtime. Validation failures are data (FieldError[]), never exceptions;
 * the only thrown error is a definition that cannot be compiled.
 */

/** A form definition (schema or rules) that cannot be compiled; `problems` says why, one per line. */
export class FormDefinitionError extends Error {
  readonly code = 'form-definition-invalid';
  constructor(readonly problems: string[], options?: { cause?: unknown }) {
    super(`invalid form definition: ${problems.join('; ')}`, options);
    this.name = 'FormDefinitionError';
  }
}
