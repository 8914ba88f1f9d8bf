/* eslint-disable */
/**
 * GENERATED from schemas/src/meta/common.schema.json — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */

/**
 * A JSON Logic rule (jsonlogic.com). Variables name form fields with dotted paths from the form data root.
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "JsonLogic".
 */
export type JsonLogicRule = {} | boolean | number | string | unknown[] | null;
/**
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "Identifier".
 */
export type Identifier = string;
/**
 * A calendar date, YYYY-MM-DD, in the region's time zone.
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "IsoDate".
 */
export type IsoDate = string;
/**
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "IsoDateTime".
 */
export type IsoDateTime = string;

/**
 * Building blocks shared by every Banshi definition.
 */
export interface Common {
  [k: string]: unknown;
}
/**
 * Text shown to people: zh-CN always, English when given.
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "LocalizedText".
 */
export interface LocalizedText {
  'zh-CN': string;
  en?: string;
}
/**
 * A time limit: a count of working days (工作日) or natural days (自然日).
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "TimeLimit".
 */
export interface TimeLimit {
  value: number;
  unit: 'workingDays' | 'naturalDays';
}
/**
 * Who did something: a signed-in user, or the system (sweep, timers).
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "Actor".
 */
export interface Actor {
  userId: string;
  role: string;
  departmentId?: string;
  name?: string;
}
