/**
 * A read-only answer as text: the field's label (from the field template) names it, the text is
 * dark and selectable, as the read-only text fields of a submission read.
 */
import { ariaDescribedByIds } from '@rjsf/utils';

export function ReadOnlyText({ id, text }: { id: string; text: string }) {
  return <input id={id} name={id} className="form-control banshi-answer" readOnly value={text} aria-describedby={ariaDescribedByIds(id)} />;
}
