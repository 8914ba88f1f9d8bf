/** Which step of a long form a correction sends the applicant to: the step of its first flagged field. */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { unescapeSegment } from '@banshi/schemas/core';
import { formSections } from '../shared/forms/form-sections.js';

/**
 * The index of the form step that holds the first of `pointers` (JSON pointers into the data, with
 * or without the request's `/data` prefix); 0 when none is on a step (or the form has one step).
 *
 * @example
 * correctionStep(permit.schema, permit.uiSchema, ['/data/attachments/airDefenceDesign']); // 2
 */
export function correctionStep(schema: RJSFSchema, uiSchema: UiSchema | undefined, pointers: readonly string[]): number {
  const sections = formSections(schema, uiSchema);
  const hasData = Boolean((schema.properties as Record<string, unknown> | undefined)?.data);
  for (const raw of pointers) {
    const pointer = !hasData && raw.startsWith('/data/') ? raw.slice('/data'.length) : raw;
    const first = pointer.split('/')[1];
    const top = first === undefined ? undefined : unescapeSegment(first);
    const at = top === undefined ? -1 : sections.findIndex((s) => s.properties.includes(top));
    if (at >= 0) return at;
  }
  return 0;
}
