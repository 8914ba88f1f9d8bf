import type { ErrorObject } from 'ajv/dist/2020.js';
import localizeEn from 'ajv-i18n/localize/en/index.js';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import { creditCodeProblem } from '../formats/credit-code.js';
import { residentIdProblem } from '../formats/resident-id.js';
import { formatMessage } from '../messages/format-message.js';
import type { MessageParams } from '../messages/message-table.js';
import { escapeSegment, unescapeSegment } from '@banshi/schemas/core';
import type { FieldError, Locale } from '../types.js';
import type { AttachmentErrorParams } from './attachment-keyword.js';

/** Keywords whose failure is already reported by the errors of their subschemas. */
const SILENT_KEYWORDS: ReadonlySet<string> = new Set(['if']);

function titleOf(schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const title = (schema as Record<string, unknown>).title;
  return typeof title === 'string' && title !== '' ? title : undefined;
}

function childSchema(parent: unknown, name: string): unknown {
  if (typeof parent !== 'object' || parent === null) return undefined;
  const props = (parent as Record<string, unknown>).properties;
  if (typeof props !== 'object' || props === null || !Object.prototype.hasOwnProperty.call(props, name)) return undefined;
  return (props as Record<string, unknown>)[name];
}

/**
 * The title of the schema at a data pointer, following `properties` and `items` from the root
 * schema: the fallback for errors raised in subschemas (oneOf branches, if/then) that carry
 * no title themselves.
 */
export function titleAt(root: unknown, pointer: string): string | undefined {
  let schema: unknown = root;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const segment = unescapeSegment(raw);
    if (typeof schema !== 'object' || schema === null) return undefined;
    const s = schema as Record<string, unknown>;
    const child = childSchema(s, segment);
    schema = child !== undefined ? child : /^\d+$/.test(segment) ? s.items : undefined;
  }
  return titleOf(schema);
}

function lastSegment(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  return unescapeSegment(pointer.slice(pointer.lastIndexOf('/') + 1));
}

function formatCode(format: string, data: unknown): string {
  if (format === 'resident-id') return `format.resident-id.${residentIdProblem(String(data)) ?? 'shape'}`;
  if (format === 'credit-code') return `format.credit-code.${creditCodeProblem(String(data)) ?? 'shape'}`;
  return `format.${format}`;
}

function fallbackMessage(error: ErrorObject, locale: Locale): string {
  const copy = [{ ...error }];
  (locale === 'en' ? localizeEn : localizeZh)(copy);
  return copy[0].message ?? error.keyword;
}

/**
 * Turns one ajv error (from an ajv created by `createAjv`, verbose) into a FieldError, or
 * `null` for errors that only repeat their subschemas' errors. `required` points at the missing
 * child, `additionalProperties` at the extra property, attachments at the offending item.
 */
export function mapAjvError(error: ErrorObject, locale: Locale, rootSchema?: object): FieldError | null {
  if (SILENT_KEYWORDS.has(error.keyword)) return null;
  const params = error.params as Record<string, unknown>;
  let pointer = error.instancePath;
  let code = error.keyword;
  const p: MessageParams = { title: titleOf(error.parentSchema), field: lastSegment(pointer) };

  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      pointer = `${pointer}/${escapeSegment(missing)}`;
      p.title = titleOf(childSchema(error.parentSchema, missing)) ?? titleAt(rootSchema, pointer);
      p.field = missing;
      break;
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      pointer = `${pointer}/${escapeSegment(extra)}`;
      p.title = undefined;
      p.field = extra;
      break;
    }
    case 'format':
      code = formatCode(String(params.format), error.data);
      p.format = String(params.format);
      break;
    case 'type':
      p.types = String(params.type).split(',');
      break;
    case 'enum':
      p.allowed = params.allowedValues as unknown[];
      break;
    case 'const':
      p.allowed = [params.allowedValue];
      break;
    case 'multipleOf':
      p.limit = Number(params.multipleOf);
      break;
    case 'x-attachment': {
      const a = error.params as AttachmentErrorParams;
      code = `x-attachment.${a.reason}`;
      p.title = a.title;
      p.fileName = a.fileName;
      p.accept = a.accept;
      p.limit = a.maxSizeKb;
      break;
    }
    default:
      if (typeof params.limit === 'number') p.limit = params.limit;
  }

  if (p.title === undefined && error.keyword !== 'additionalProperties') p.title = titleAt(rootSchema, pointer);
  const message = formatMessage(code, p, locale, fallbackMessage(error, locale));
  return { pointer, code, message };
}

/** Sorts field errors by pointer, then code, dropping repeats of the same pointer and code. */
export function sortAndDedupe(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  const unique: FieldError[] = [];
  for (const e of errors) {
    const key = `${e.pointer}\u0000${e.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(e);
  }
  return unique.sort((a, b) =>
    a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
}
