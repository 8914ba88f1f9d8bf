import type { FlowDefinition } from '../../../../schemas/src/generated/flow.generated.js';
import type { FormDefinition } from '../../../../schemas/src/generated/form-definition.generated.js';
import type { ServiceItem } from '../../../../schemas/src/generated/service-item.generated.js';

/** What a designer edits and publishes: the guide, the form, the flow and an optional uiSchema. */
export interface ItemDraftInput {
  item: ServiceItem;
  form: FormDefinition;
  flow: FlowDefinition;
  ui?: Record<string, unknown>;
}
