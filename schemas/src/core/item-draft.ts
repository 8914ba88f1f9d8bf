import type { FlowDefinition } from '../generated/flow.generated.js';
import type { FormDefinition } from '../generated/form-definition.generated.js';
import type { ServiceItem } from '../generated/service-item.generated.js';

/**
 * What a designer edits and publishes: the guide, the form, the flow and an optional separate
 * uiSchema (forms usually carry theirs in `form.uiSchema`). The API's draft body, the draft store
 * and the designer all speak this shape.
 */
export interface ItemDraft {
  item: ServiceItem;
  form: FormDefinition;
  flow: FlowDefinition;
  ui?: Record<string, unknown>;
}
