/**
 * Safe JSON request bodies: content type, size, encoding, nesting depth, prototype keys and
 * numbers are checked before any handler sees the data. Every rejection is a 4xx problem; the
 * body's text is never echoed back (it may hold personal data).
 */
import type { MiddlewareObj } from '@middy/core';
import { formatMessage, unstorableNumbers } from '@banshi/forms';
import { escapeSegment } from '@banshi/schemas/core';
import { ValidationError } from '../domain/errors.js';
import { wordings } from '../domain/messages.js';
import { PayloadTooLargeError, RequestBodyError, UnsupportedMediaTypeError } from './errors.js';
import { headerOf } from './headers.js';
import type { Locale } from './negotiate-locale.js';

/** Largest accepted body, in bytes (after base64 decoding). */
export const MAX_BODY_BYTES = 262_144;
/** Deepest accepted nesting of arrays and objects. */
export const MAX_JSON_DEPTH = 64;
/** Keys that could reach an object's prototype if some code ever merged the body naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Methods whose body is read; for others the body is ignored. */
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

export interface RawBodyEvent {
  body?: string | null;
  isBase64Encoded?: boolean;
  headers?: Record<string, string | undefined> | null;
}

export interface ParseBodyOptions {
  maxBytes?: number;
  maxDepth?: number;
  /** For routes whose body is optional: an absent or blank body is read as `undefined`, not refused. */
  optional?: boolean;
  /** The language of field messages (numbers out of range); default zh-CN. */
  locale?: Locale;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

const details = {
  empty: wordings('body.empty'),
  invalidUtf8: wordings('body.invalidUtf8'),
  malformed: wordings('body.malformed'),
  tooDeep: (max: number) => wordings('body.tooDeep', max),
  forbiddenKey: (key: string) => wordings('body.forbiddenKey', key),
};

function checkContentType(headers: RawBodyEvent['headers']): void {
  const contentType = headerOf(headers, 'content-type');
  if (contentType === undefined) throw new UnsupportedMediaTypeError('application/json');
  const [mediaType, ...params] = contentType.split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json') throw new UnsupportedMediaTypeError('application/json');
  for (const param of params) {
    const [name, value = ''] = param.split('=');
    if (name.trim().toLowerCase() === 'charset' && !/^"?utf-?8"?$/i.test(value.trim())) {
      throw new UnsupportedMediaTypeError('application/json; charset=utf-8');
    }
  }
}

function decode(event: RawBodyEvent, maxBytes: number): string {
  const body = event.body ?? '';
  if (!event.isBase64Encoded) {
    // A UTF-8 byte is at least one UTF-16 unit and at most three: cheap bounds before counting.
    if (body.length > maxBytes || (body.length * 3 > maxBytes && Buffer.byteLength(body, 'utf8') > maxBytes)) {
      throw new PayloadTooLargeError(maxBytes);
    }
    return body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  }
  if (Math.floor((body.length * 3) / 4) > maxBytes + 3) throw new PayloadTooLargeError(maxBytes);
  const bytes = Buffer.from(body, 'base64');
  if (bytes.byteLength > maxBytes) throw new PayloadTooLargeError(maxBytes);
  try {
    return utf8.decode(bytes); // strips a leading BOM
  } catch {
    throw new RequestBodyError('invalid-utf8', details.invalidUtf8);
  }
}

/**
 * Measures the nesting depth of JSON text in one pass without recursion, so that even a body of
 * 200,000 `[` is answered quickly and without touching the stack. Brackets inside strings do not
 * count. Malformed text is left to JSON.parse.
 */
function exceedsDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i += 1;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth -= 1;
  }
  return false;
}

/** Walks the parsed value with an explicit stack and rejects prototype-reaching keys. */
function checkKeys(value: unknown): void {
  const stack: { value: unknown; pointer: string }[] = [{ value, pointer: '' }];
  while (stack.length > 0) {
    const { value: current, pointer } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, pointer: `${pointer}/${index}` }));
      continue;
    }
    for (const key of Object.keys(current)) {
      const at = `${pointer}/${escapeSegment(key)}`;
      if (FORBIDDEN_KEYS.has(key)) throw new RequestBodyError('forbidden-key', details.forbiddenKey(key), at);
      stack.push({ value: (current as Record<string, unknown>)[key], pointer: at });
    }
  }
}

/**
 * Refuses numbers that cannot be stored and read back unchanged (beyond 2^53 − 1, below 1e-130 in
 * magnitude, or Infinity from `1e400`): one 422 field error per number, before anything is written,
 * whichever route the body is for.
 */
function checkNumbers(value: unknown, locale: Locale): void {
  const found = unstorableNumbers(value);
  if (found.length === 0) return;
  throw new ValidationError(
    found.map(({ pointer }) => ({ pointer, code: 'number-range', message: formatMessage('number-range', {}, locale) })),
    'a number in the body is outside the range that can be stored',
  );
}

/**
 * Reads a JSON request body. Throws UnsupportedMediaTypeError (415) unless the content type is
 * `application/json` (charset utf-8 if given), PayloadTooLargeError (413) beyond `maxBytes`
 * (default 256 KB, after base64 decoding), and RequestBodyError (400) for an empty body,
 * invalid UTF-8, malformed JSON, nesting deeper than `maxDepth` (default 64) or a key named
 * `__proto__`, `constructor` or `prototype` anywhere, and ValidationError (422) for a number that
 * cannot be stored (one field error per number, see forms/src/formats/storable-number.ts). With
 * `optional`, an absent or blank body gives `undefined` instead of the empty-body error.
 *
 * @example parseJsonBody({ body: '{"a":1}', headers: { 'content-type': 'application/json' } }) // { a: 1 }
 */
export function parseJsonBody(event: RawBodyEvent, options: ParseBodyOptions = {}): unknown {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  if (event.body === undefined || event.body === null || event.body === '') {
    if (options.optional) return undefined;
    throw new RequestBodyError('empty-body', details.empty);
  }
  checkContentType(event.headers);
  const text = decode(event, maxBytes);
  if (text.trim() === '') {
    if (options.optional) return undefined;
    throw new RequestBodyError('empty-body', details.empty);
  }
  if (exceedsDepth(text, maxDepth)) throw new RequestBodyError('too-deep', details.tooDeep(maxDepth));
  let value: unknown;
  try {
    // JSON.parse defines `__proto__` as an own data property; it never sets a prototype.
    value = JSON.parse(text);
  } catch {
    throw new RequestBodyError('malformed-json', details.malformed);
  }
  checkKeys(value);
  checkNumbers(value, options.locale ?? 'zh-CN');
  return value;
}

/** An event after the JSON body middleware: the checked body, `undefined` for GET and the like. */
export interface WithParsedBody {
  parsedBody?: unknown;
}

interface MethodEvent extends RawBodyEvent {
  requestContext?: { http?: { method?: string } };
}

/**
 * Middy middleware: for POST, PUT and PATCH puts the checked body on `event.parsedBody` (see
 * {@link parseJsonBody}); other methods are left alone.
 */
export function jsonBody(options: ParseBodyOptions = {}): MiddlewareObj<MethodEvent & WithParsedBody & { locale?: Locale }> {
  return {
    before: (request) => {
      const method = request.event.requestContext?.http?.method?.toUpperCase() ?? '';
      const locale = options.locale ?? request.event.locale;
      if (METHODS_WITH_BODY.has(method)) request.event.parsedBody = parseJsonBody(request.event, { ...options, ...(locale ? { locale } : {}) });
    },
  };
}
