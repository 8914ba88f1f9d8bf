/**
 * One service item as one JSON file, for export and import between Banshi installations:
 * `{ format: 'banshi-item', formatVersion: 1, item, form, ui?, flow, claims? }`. Pure.
 */
import type { FieldError, Locale } from '../core/field-error.js';
import type { Claim } from '../generated/claim.generated.js';
import type { FlowDefinition } from '../generated/flow.generated.js';
import type { FormDefinition } from '../generated/form-definition.generated.js';
import type { ServiceItem } from '../generated/service-item.generated.js';
import { validateDefinition } from '../validate-definition.js';

export const ITEM_FILE_FORMAT = 'banshi-item';
export const ITEM_FILE_VERSION = 1;

export interface ItemFile {
  format: typeof ITEM_FILE_FORMAT;
  formatVersion: typeof ITEM_FILE_VERSION;
  item: ServiceItem;
  form: FormDefinition;
  ui?: Record<string, unknown>;
  flow: FlowDefinition;
  claims?: Claim[];
}

/** The definition an item file carries: exactly the body of `PUT /api/items/{itemId}/draft`. */
export interface ItemFileDefinition {
  item: ServiceItem;
  form: FormDefinition;
  flow: FlowDefinition;
  ui?: Record<string, unknown>;
}

/**
 * The file of a definition (a draft, or a published version) and, optionally, its claims.
 *
 * @example
 * const text = JSON.stringify(toItemFile(draft, claims), null, 2);
 */
export function toItemFile(definition: ItemFileDefinition, claims?: Claim[]): ItemFile {
  return {
    format: ITEM_FILE_FORMAT,
    formatVersion: ITEM_FILE_VERSION,
    item: definition.item,
    form: definition.form,
    ...(definition.ui ? { ui: definition.ui } : {}),
    flow: definition.flow,
    ...(claims && claims.length > 0 ? { claims } : {}),
  };
}

/** The definition part of a file (what an import writes to the draft). */
export function definitionOfFile(file: ItemFile): ItemFileDefinition {
  return { item: file.item, form: file.form, flow: file.flow, ...(file.ui ? { ui: file.ui } : {}) };
}

const KNOWN = new Set(['format', 'formatVersion', 'item', 'form', 'ui', 'flow', 'claims']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads an item file: its text parsed, its envelope checked, its item, form, flow and claims
 * checked against their meta-schemas.
 *
 * @returns `{ file }` when it can be imported, else `{ problems }` — one per problem, with a JSON
 *   pointer into the file and a message in the requested language
 */
export function readItemFile(text: string, locale: Locale = 'zh-CN'): { file: ItemFile; problems: [] } | { file?: undefined; problems: FieldError[] } {
  const zh = locale === 'zh-CN';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problems: [{ pointer: '', code: 'json', message: zh ? '文件不是有效的 JSON' : 'the file is not valid JSON' }] };
  }
  if (!isObject(json)) {
    return { problems: [{ pointer: '', code: 'type', message: zh ? '文件内容须为 JSON 对象' : 'the file must hold a JSON object' }] };
  }
  const problems: FieldError[] = [];
  if (json.format !== ITEM_FILE_FORMAT) {
    problems.push({ pointer: '/format', code: 'const', message: zh ? `不是 Banshi 事项文件（format 须为 "${ITEM_FILE_FORMAT}"）` : `not a Banshi item file (format must be "${ITEM_FILE_FORMAT}")` });
  }
  if (json.formatVersion !== ITEM_FILE_VERSION) {
    problems.push({ pointer: '/formatVersion', code: 'const', message: zh ? `不支持的文件版本（须为 ${ITEM_FILE_VERSION}）` : `unsupported file version (must be ${ITEM_FILE_VERSION})` });
  }
  for (const key of Object.keys(json)) {
    if (!KNOWN.has(key)) problems.push({ pointer: `/${key}`, code: 'additionalProperties', message: zh ? `未知的内容「${key}」` : `unknown property "${key}"` });
  }
  for (const part of ['item', 'form', 'flow'] as const) {
    if (!isObject(json[part])) {
      problems.push({ pointer: `/${part}`, code: 'required', message: zh ? `缺少${{ item: '办事指南（item）', form: '表单（form）', flow: '流程（flow）' }[part]}` : `the ${part} is missing` });
    } else {
      const kind = part;
      problems.push(...validateDefinition(kind, json[part], locale).map((e) => ({ ...e, pointer: `/${part}${e.pointer}` })));
    }
  }
  if (json.ui !== undefined && !isObject(json.ui)) {
    problems.push({ pointer: '/ui', code: 'type', message: zh ? 'ui 须为对象' : 'ui must be an object' });
  }
  if (json.claims !== undefined) {
    if (!Array.isArray(json.claims)) {
      problems.push({ pointer: '/claims', code: 'type', message: zh ? 'claims 须为数组' : 'claims must be an array' });
    } else {
      const itemId = isObject(json.item) ? json.item.id : undefined;
      json.claims.forEach((claim, i) => {
        problems.push(...validateDefinition('claim', claim, locale).map((e) => ({ ...e, pointer: `/claims/${i}${e.pointer}` })));
        if (isObject(claim) && claim.itemId !== itemId) {
          problems.push({ pointer: `/claims/${i}/itemId`, code: 'const', message: zh ? '认领须属于文件中的事项' : "the claim must be of the file's item" });
        }
      });
    }
  }
  if (problems.length > 0) return { problems };
  return { file: json as unknown as ItemFile, problems: [] };
}
