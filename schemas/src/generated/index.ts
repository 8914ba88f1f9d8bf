/**
 * GENERATED from schemas/src/meta/*.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */

export type * from './audit-event.generated.js';
export type * from './case.generated.js';
export type * from './claim.generated.js';
export type * from './common.generated.js';
export type * from './department.generated.js';
export type * from './flow.generated.js';
export type * from './form-definition.generated.js';
export type * from './item-version.generated.js';
export type * from './service-item.generated.js';
export type * from './task.generated.js';
export type * from './user.generated.js';
