import type { FieldError, ItemDraft } from '@banshi/schemas';

/** The props every part editor takes. */
export interface PartEditorProps<T> {
  value: T;
  /**
   * One edit. `field` names what was edited (a path within the part), so that quick edits of one
   * field fold into one undo entry while edits of different fields stay apart.
   */
  onChange(next: T, field?: string): void;
  /** The whole draft, for editors that need another part (the flow needs the form's fields). */
  draft: ItemDraft;
  /** The check's problems whose pointers (`/flow/steps/2/…`) fall in this part. */
  problems: FieldError[];
}
