/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/item-version.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */
import type { Identifier, IsoDateTime } from './common.generated.js';
import type { FlowDefinition } from './flow.generated.js';
import type { FormDefinition } from './form-definition.generated.js';
import type { ServiceItem } from './service-item.generated.js';

/**
 * An immutable published version of a service item: guide, form and flow as they were when published. Cases pin to one and finish on it.
 */
export interface ItemVersion {
  itemId: Identifier;
  version: number;
  item: ServiceItem;
  form: FormDefinition;
  flow: FlowDefinition;
  publishedAt: IsoDateTime;
  /**
   * The user id of the designer who published it.
   */
  publishedBy: string;
}
