import type { AnySchemaObject, ErrorObject, FuncKeywordDefinition } from 'ajv/dist/2020.js';
import type { DataValidationCxt } from 'ajv/dist/types/index.js';
import { fileNameProblem } from '../formats/file-name.js';

/** The `x-attachment` keyword's value in a form schema. */
export interface AttachmentSpec {
  material?: string;
  accept?: string[];
  maxSizeKb?: number;
}

/** Params of an `x-attachment` error. */
export interface AttachmentErrorParams {
  reason: 'type' | 'size' | 'name';
  fileName: string;
  accept?: string[];
  maxSizeKb?: number;
  title?: string;
}

type AttachmentValidate = ((
  spec: AttachmentSpec,
  data: unknown[],
  parentSchema?: AnySchemaObject,
  cxt?: DataValidationCxt,
) => boolean) & { errors?: Partial<ErrorObject>[] };

const validateAttachments: AttachmentValidate = (spec, data, parentSchema, cxt) => {
  const errors: Partial<ErrorObject>[] = [];
  const title = typeof parentSchema?.title === 'string' ? parentSchema.title : undefined;
  data.forEach((item, index) => {
    // Shape (object, required keys, types) is the `items` schema's job; only judge what is there.
    if (typeof item !== 'object' || item === null) return;
    const { contentType, size, name } = item as Record<string, unknown>;
    const disguised = typeof name === 'string' && fileNameProblem(name) !== null;
    // A disguised name is never repeated in a message: it is the disguise.
    const fileName = typeof name === 'string' && !disguised ? name : '';
    const instancePath = `${cxt?.instancePath ?? ''}/${index}`;
    if (disguised) {
      const params: AttachmentErrorParams = { reason: 'name', fileName: '', title };
      errors.push({ keyword: 'x-attachment', instancePath, params });
    }
    if (spec.accept !== undefined && typeof contentType === 'string' && !spec.accept.includes(contentType)) {
      const params: AttachmentErrorParams = { reason: 'type', fileName, accept: spec.accept, title };
      errors.push({ keyword: 'x-attachment', instancePath, params });
    }
    if (spec.maxSizeKb !== undefined && typeof size === 'number' && size > spec.maxSizeKb * 1024) {
      const params: AttachmentErrorParams = { reason: 'size', fileName, maxSizeKb: spec.maxSizeKb, title };
      errors.push({ keyword: 'x-attachment', instancePath, params });
    }
  });
  validateAttachments.errors = errors;
  return errors.length === 0;
};

/**
 * The `x-attachment` keyword: on an array of uploaded-file references, each item's
 * `contentType` must be in `accept`, its `size` (bytes) at most `maxSizeKb` KiB, and its `name`
 * free of characters that disguise it (see formats/file-name.ts).
 * Errors point at the offending item (`/field/0`).
 */
export const attachmentKeyword: FuncKeywordDefinition = {
  keyword: 'x-attachment',
  type: 'array',
  schemaType: 'object',
  errors: true,
  metaSchema: {
    type: 'object',
    properties: {
      material: { type: 'string' },
      accept: { type: 'array', items: { type: 'string' } },
      maxSizeKb: { type: 'number', exclusiveMinimum: 0 },
    },
    additionalProperties: false,
  },
  validate: validateAttachments as FuncKeywordDefinition['validate'],
};
