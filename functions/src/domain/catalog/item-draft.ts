import type { FlowDefinition, FormDefinition, ServiceItem } from '@banshi/schemas';

/** What a designer edits and publishes: the guide, the form, the flow and an optional uiSchema. */
export interface ItemDraftInput {
  item: ServiceItem;
  form: FormDefinition;
  flow: FlowDefinition;
  ui?: Record<string, unknown>;
}
