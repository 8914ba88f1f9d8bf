/**
 * JSON Schemas of the API's request bodies. They are checked at the edge (unknown fields, wrong
 * types → 400 with one entry per field) and published in the OpenAPI document.
 */

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
const id = { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.:@-]+$' } as const;
const object = { type: 'object' } as const;
/** Page size and position of a listed query (the store caps the size per list). */
const pageLimit = { type: 'integer', minimum: 1 } as const;
const cursor = { type: 'string', maxLength: 4096 } as const;
const queryText = { type: 'string', maxLength: 512 } as const;
/** Named date ranges of a calendar year (holidays or make-up working days), both ends included. */
const dateRanges = {
  type: 'array',
  maxItems: 60,
  items: {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 40 },
      from: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      to: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    },
    required: ['name', 'from', 'to'],
    additionalProperties: false,
  },
} as const;

export const requestSchemas = {
  SignIn: {
    type: 'object',
    properties: { userId: id },
    required: ['userId'],
    additionalProperties: false,
  },
  SubmitCase: {
    type: 'object',
    properties: {
      itemId: id,
      claimId: id,
      data: object,
      onBehalfOf: id,
      subjectRelation: {
        enum: ['parent', 'guardian', 'child', 'spouse', 'relative'],
        description: "Applying for someone else (forms that declare subject.mayDiffer): the submitter's relation to the subject.",
      },
    },
    required: ['itemId', 'data'],
    additionalProperties: false,
  },
  CaseAction: {
    type: 'object',
    properties: {
      action: {
        enum: ['accept', 'notAccept', 'returnForCorrection', 'resubmit', 'approve', 'reject', 'suspend', 'resume', 'extend', 'complete', 'withdraw', 'transfer'],
      },
      expectedVersion: { type: 'integer', minimum: 1 },
      taskId: id,
      comment: { type: 'string', maxLength: 2000 },
      reason: text(2000),
      correction: {
        type: 'array',
        minItems: 1,
        maxItems: 100,
        items: {
          type: 'object',
          properties: { pointer: { type: 'string', maxLength: 500 }, message: text(1000) },
          required: ['message'],
          additionalProperties: false,
        },
      },
      extensionDays: { type: 'integer', minimum: 1, maximum: 365 },
      procedure: { enum: ['1', '2', '3', '4', '9'] },
      data: object,
    },
    required: ['action', 'expectedVersion'],
    additionalProperties: false,
  },
  ItemDraft: {
    type: 'object',
    properties: {
      item: object,
      form: object,
      ui: object,
      flow: object,
      expectedRevision: { type: 'integer', minimum: 0 },
    },
    required: ['item', 'form', 'flow'],
    additionalProperties: false,
  },
  Publish: {
    type: 'object',
    properties: {
      expectedRevision: { type: 'integer', minimum: 0 },
      /** Roll back: publish this earlier version's definition again, as the next version. */
      fromVersion: { type: 'integer', minimum: 1 },
    },
    additionalProperties: false,
  },
  ClaimWrite: {
    type: 'object',
    properties: {
      id: id,
      departmentId: id,
      level: { type: 'string', maxLength: 2 },
      region: { type: 'string', maxLength: 12 },
      departments: { type: 'object', maxProperties: 50, additionalProperties: { type: 'string', maxLength: 128 } },
      overrides: object,
    },
    required: ['departmentId', 'level', 'region'],
    additionalProperties: false,
  },
  DryRun: {
    type: 'object',
    properties: {
      data: object,
      actions: {
        type: 'array',
        maxItems: 50,
        items: {
          type: 'object',
          properties: {
            action: { type: 'string', maxLength: 40 },
            branchId: { type: 'string', maxLength: 64 },
            extensionDays: { type: 'integer', minimum: 1, maximum: 365 },
          },
          required: ['action'],
          additionalProperties: false,
        },
      },
    },
    required: ['data'],
    additionalProperties: false,
  },
  Draft: {
    type: 'object',
    properties: {
      data: object,
      idempotencyKey: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,128}$' },
      onBehalfOf: id,
      step: { type: 'integer', minimum: 0, maximum: 100 },
    },
    required: ['data'],
    additionalProperties: false,
  },
  CreateBlob: {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[^\\u0000-\\u001f\\u007f/\\\\]+$' },
      contentType: { enum: ['image/jpeg', 'image/png', 'application/pdf'] },
      size: { type: 'integer', minimum: 1 },
      material: id,
    },
    required: ['name', 'contentType', 'size'],
    additionalProperties: false,
  },
  CalendarYear: {
    type: 'object',
    properties: {
      holidays: dateRanges,
      workingDays: dateRanges,
      /** The revision the admin started from (0: nothing stored yet); a stale one is a 409. */
      expectedRevision: { type: 'integer', minimum: 0 },
    },
    required: ['holidays', 'workingDays'],
    additionalProperties: false,
  },
  CalendarRegion: {
    type: 'object',
    properties: {
      name: {
        type: 'object',
        properties: { 'zh-CN': text(200), en: { type: 'string', maxLength: 200 } },
        required: ['zh-CN'],
        additionalProperties: false,
      },
      holidays: dateRanges,
      workingDays: dateRanges,
      expectedRevision: { type: 'integer', minimum: 0 },
    },
    required: ['name', 'holidays', 'workingDays'],
    additionalProperties: false,
  },
  CalendarRecompute: {
    type: 'object',
    properties: { cursor: { type: 'string', minLength: 1, maxLength: 4096 } },
    additionalProperties: false,
  },
} as const;

export type RequestSchemaName = keyof typeof requestSchemas;

/**
 * JSON Schemas of the API's query strings, checked at the edge like bodies (400 with one entry per
 * parameter). Parameters arrive as text; those declared integers are read as numbers first, empty
 * ones count as absent, and parameters a schema does not name are ignored.
 */
export const querySchemas = {
  PageQuery: {
    type: 'object',
    properties: { limit: pageLimit, cursor },
  },
  CatalogQuery: {
    type: 'object',
    properties: { department: queryText, level: queryText, type: queryText, q: queryText, limit: pageLimit, cursor },
  },
  InboxQuery: {
    type: 'object',
    properties: { role: queryText, limit: pageLimit, cursor },
  },
  StatisticsQuery: {
    type: 'object',
    properties: { department: queryText, month: queryText },
  },
  DraftQuery: {
    type: 'object',
    properties: {
      for: { type: 'string', pattern: '^[A-Za-z0-9_][A-Za-z0-9._~:@-]{0,127}$', description: "An agent's draft for this applicant." },
    },
  },
} as const;

export type QuerySchemaName = keyof typeof querySchemas;
