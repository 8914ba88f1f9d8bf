/**
 * Opaque pagination cursors: base64url of the JSON of a DynamoDB LastEvaluatedKey (or of a
 * small object for merged queries). Decoding validates the shape, so a tampered or truncated
 * cursor is a 400, never a DynamoDB ValidationException (a 500).
 */
import { BadRequestError } from '../../domain/errors.js';

/** A page of results; `cursor` is present when there may be more. */
export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** Options of every list: page size (1..100, default 20) and the cursor of the previous page. */
export interface PageOptions {
  limit?: number;
  cursor?: string;
}

const MAX_CURSOR_LENGTH = 4_096;
const MAX_VALUE_LENGTH = 1_024;

function badCursor(reason: string): BadRequestError {
  return new BadRequestError(`invalid cursor: ${reason}`, [
    { pointer: '/cursor', code: 'invalid-cursor', message: '分页游标无效 / the page cursor is invalid' },
  ]);
}

/** Encodes any JSON value as an opaque cursor; undefined stays undefined. */
export function encodeCursor(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Decodes a cursor to its JSON value; throws BadRequestError when it is not base64url JSON. */
export function decodeCursorJson(cursor: string): unknown {
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) {
    throw badCursor('length');
  }
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor('alphabet');
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('not JSON');
  }
}

/**
 * Checks that `value` is a key with exactly the attributes `attributes`, all short strings, and
 * with the pinned values (e.g. the queried partition) — returns it as an ExclusiveStartKey.
 */
export function asStartKey(
  value: unknown,
  attributes: readonly string[],
  pinned: Record<string, string> = {},
): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badCursor('not an object');
  const record = value as Record<string, unknown>;
  const names = Object.keys(record);
  if (names.length !== attributes.length || !attributes.every((name) => names.includes(name))) {
    throw badCursor('attributes');
  }
  for (const name of attributes) {
    const v = record[name];
    if (typeof v !== 'string' || v.length === 0 || v.length > MAX_VALUE_LENGTH) throw badCursor(`value of ${name}`);
  }
  for (const [name, expected] of Object.entries(pinned)) {
    if (record[name] !== expected) throw badCursor(`${name} does not match the query`);
  }
  return record as Record<string, string>;
}

/** Decodes an optional cursor into an ExclusiveStartKey (see asStartKey). */
export function decodeStartKey(
  cursor: string | undefined,
  attributes: readonly string[],
  pinned: Record<string, string> = {},
): Record<string, string> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  return asStartKey(decodeCursorJson(cursor), attributes, pinned);
}

/** The page size: an integer 1..max (default 20); anything else is a BadRequestError. */
export function pageLimit(limit: number | undefined, max = 100): number {
  if (limit === undefined) return Math.min(20, max);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new BadRequestError(`limit must be an integer from 1 to ${max}`, [
      { pointer: '/limit', code: 'invalid-limit', message: `每页条数须为 1 至 ${max} / limit must be 1 to ${max}` },
    ]);
  }
  return limit;
}
