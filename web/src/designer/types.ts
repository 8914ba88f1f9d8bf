/**
 * What the designer edits: one item draft (guide, form, flow, optional uiSchema), exactly the
 * body of `PUT /api/items/{itemId}/draft`. Each editor takes the part it edits and reports a
 * whole new value; the designer page keeps the draft, its undo history and saving.
 */
import type { FlowDefinition, FormDefinition, ServiceItem } from '@banshi/schemas';

export type { FlowDefinition, FormDefinition, ServiceItem };

export interface ItemDraft {
  item: ServiceItem;
  form: FormDefinition;
  flow: FlowDefinition;
  ui?: Record<string, unknown>;
}

/** A problem the server's check reports: a JSON pointer into the draft (`/flow/steps/2/…`). */
export interface DraftProblem {
  pointer: string;
  code: string;
  message: string;
}

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
  /** The check's problems whose pointers fall in this part. */
  problems: DraftProblem[];
}
