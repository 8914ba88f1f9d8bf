/**
 * JSON Schemas of the API's success bodies, built on the meta-schemas. The route table names one
 * per route (`response`), the OpenAPI document publishes them under `components.schemas`, the web
 * client's types are generated from them (web/src/shared/api-types.generated.ts), and a test
 * checks real responses against them, so they say what the handlers answer.
 *
 * References: `#/components/schemas/<Name>` for a schema of this file or a whole meta-schema, and
 * the meta-schemas' own `$id` URIs for their definitions (`…/common.schema.json#/$defs/LocalizedText`).
 */
import auditEvent from '@banshi/schemas/meta/audit-event.schema.json' with { type: 'json' };
import caseSchema from '@banshi/schemas/meta/case.schema.json' with { type: 'json' };
import claim from '@banshi/schemas/meta/claim.schema.json' with { type: 'json' };
import common from '@banshi/schemas/meta/common.schema.json' with { type: 'json' };
import department from '@banshi/schemas/meta/department.schema.json' with { type: 'json' };
import flow from '@banshi/schemas/meta/flow.schema.json' with { type: 'json' };
import formDefinition from '@banshi/schemas/meta/form-definition.schema.json' with { type: 'json' };
import itemVersion from '@banshi/schemas/meta/item-version.schema.json' with { type: 'json' };
import serviceItem from '@banshi/schemas/meta/service-item.schema.json' with { type: 'json' };
import task from '@banshi/schemas/meta/task.schema.json' with { type: 'json' };
import user from '@banshi/schemas/meta/user.schema.json' with { type: 'json' };

type Schema = Record<string, unknown>;

/** The meta-schemas by title. They keep their `$id`, so their relative `$ref`s resolve as JSON Schema 2020-12 says. */
export const metaSchemas = {
  Common: common,
  FlowDefinition: flow,
  Case: caseSchema,
  Task: task,
  AuditEvent: auditEvent,
  ServiceItem: serviceItem,
  Claim: claim,
  FormDefinition: formDefinition,
  ItemVersion: itemVersion,
  Department: department,
  User: user,
} as const;

export type MetaSchemaName = keyof typeof metaSchemas;

/** A schema of this file or a whole meta-schema. */
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
/** A definition of a meta-schema, by the meta-schema's `$id`. */
const def = (file: 'common' | 'case' | 'service-item' | 'user' | 'flow' | 'form-definition', name: string): Schema => ({
  $ref: `https://schemas.banshi.local/${file}.schema.json#/$defs/${name}`,
});
const string = { type: 'string' } as const;
const integer = { type: 'integer' } as const;
const dateTime = def('common', 'IsoDateTime');
const date = def('common', 'IsoDate');
const branchState = absolute((caseSchema.$defs.BranchState.properties as Schema).state, caseSchema.$id) as Schema;
/** Any JSON object: form data, a uiSchema. */
const anyObject = { type: 'object', additionalProperties: true } as const;
const arrayOf = (items: Schema): Schema => ({ type: 'array', items });

/** A closed object: every property listed, `required` those always present. */
const object = (properties: Record<string, Schema>, required: string[] = Object.keys(properties), description?: string): Schema => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required,
  additionalProperties: false,
});

/** A page of a list: `cursor` is present when there may be more. */
const page = (items: Schema, description: string, extra: Record<string, Schema> = {}): Schema =>
  object({ ...extra, items: arrayOf(items), cursor: { ...string, description: 'Opaque; pass it back as `?cursor=` for the next page.' } }, [...Object.keys(extra), 'items'], description);

/** `$ref`s of a meta-schema made absolute, so a part of it can stand outside it. */
function absolute(node: unknown, base: string): unknown {
  if (Array.isArray(node)) return node.map((entry) => absolute(entry, base));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' ? new URL(value, base).href : absolute(value, base)]),
  );
}

/** One property's schema of a meta-schema, references made absolute. */
function metaProperty(base: MetaSchemaName, name: string): Schema {
  const meta = metaSchemas[base] as unknown as { $id: string; properties: Record<string, Schema> };
  return absolute(meta.properties[name], meta.$id) as Schema;
}

/** A closed object of some of a meta-schema's properties. */
function picking(base: MetaSchemaName, names: string[], required: string[], description: string): Schema {
  return object(Object.fromEntries(names.map((name) => [name, metaProperty(base, name)])), required, description);
}

/**
 * A meta-schema's object with more properties the server derives at read time. The meta-schemas
 * are closed (`additionalProperties: false`), so the base's properties are listed again, with
 * their references made absolute; `x-extends` names the base, and the generated type is
 * `Base & { … }`.
 */
function extending(base: 'Case' | 'Task', properties: Record<string, Schema>, required: string[], description: string): Schema {
  const meta = metaSchemas[base] as unknown as { $id: string; properties: Schema; required: string[] };
  return {
    type: 'object',
    description,
    'x-extends': base,
    properties: { ...(absolute(meta.properties, meta.$id) as Schema), ...properties },
    required: [...meta.required, ...required],
    additionalProperties: false,
  };
}

const itemDraft = {
  type: 'object',
  description: 'What a designer edits and publishes (ItemDraft of @banshi/schemas).',
  properties: {
    item: ref('ServiceItem'),
    form: ref('FormDefinition'),
    flow: ref('FlowDefinition'),
    ui: { ...anyObject, description: 'A uiSchema kept apart from the form.' },
  },
  required: ['item', 'form', 'flow'],
  additionalProperties: false,
};

export const responseSchemas = {
  FieldError: object(
    { pointer: { ...string, description: 'JSON pointer into the request body or the checked definition.' }, code: string, message: string },
    undefined,
    'One failing field or part: where, a stable code, and a message in the caller’s language.',
  ),
  Problem: object(
    {
      type: { ...string, format: 'uri' },
      title: string,
      status: integer,
      detail: string,
      errors: arrayOf(ref('FieldError')),
    },
    ['type', 'title', 'status'],
    'RFC 9457 problem details; `title` in zh-CN or en from Accept-Language.',
  ),

  Health: object({ status: { const: 'ok' }, dynamo: { const: 'up' } }),
  PublicUser: picking(
    'User',
    ['id', 'name', 'roles', 'departmentId', 'staffRoles', 'kind', 'agentFor'],
    ['id', 'name', 'roles'],
    'A sample user as the sign-in list shows them: no ID or phone numbers.',
  ),
  SignedIn: object({ token: { ...string, description: 'A bearer token (JWT).' }, user: ref('PublicUser') }),
  SampleUsers: object({ items: arrayOf(ref('PublicUser')) }),
  Principal: object(
    {
      userId: string,
      name: string,
      roles: arrayOf(def('user', 'PrincipalRole')),
      departmentId: string,
      staffRoles: arrayOf(string),
      level: string,
      region: string,
      kind: metaProperty('User', 'kind'),
      onBehalfOf: arrayOf(string),
      idNumber: string,
      creditCode: string,
    },
    ['userId', 'name', 'roles'],
    'Who the token says the caller is.',
  ),

  ItemSummary: object(
    {
      itemId: string,
      name: def('common', 'LocalizedText'),
      itemType: def('service-item', 'ItemType'),
      useLevel: arrayOf(def('service-item', 'UseLevel')),
      status: metaProperty('ServiceItem', 'status'),
      revision: { ...integer, description: 'Grows by one with every saved draft.' },
      latestVersion: { ...integer, description: 'The newest published version, if any.' },
      updatedAt: dateTime,
    },
    ['itemId', 'name', 'itemType', 'useLevel', 'status', 'revision', 'updatedAt'],
    'The head of an item: what catalog lists show.',
  ),
  CatalogPage: page(ref('ItemSummary'), 'A page of the catalog.'),
  ItemGuide: object(
    { itemId: string, version: integer, publishedAt: dateTime, item: ref('ServiceItem'), claims: arrayOf(ref('Claim')) },
    undefined,
    'The service guide of the newest published version, with its claims.',
  ),
  VersionList: object({ items: arrayOf(object({ itemId: string, version: integer, publishedAt: dateTime, publishedBy: string })) }, undefined, 'Published versions, newest first.'),
  ClaimList: object({ items: arrayOf(ref('Claim')) }),
  DepartmentPage: page(ref('Department'), 'A page of departments.'),

  ItemDraft: itemDraft,
  StoredItemDraft: {
    type: 'object',
    description: 'The saved draft and its revision.',
    'x-extends': 'ItemDraft',
    properties: { ...itemDraft.properties, revision: integer },
    required: [...itemDraft.required, 'revision'],
    additionalProperties: false,
  },
  DraftSaved: object(
    { itemId: string, revision: integer, problems: { ...arrayOf(ref('FieldError')), description: 'What would stop publishing (the draft is saved anyway).' } },
    undefined,
    'A saved draft: its new revision and what would stop publishing it.',
  ),
  DraftCheck: object({ ok: { type: 'boolean' }, revision: integer, problems: arrayOf(ref('FieldError')) }),
  DryRunStep: object(
    {
      action: { anyOf: [def('flow', 'Action'), { const: 'submit' }], description: 'The action taken (`submit` first).' },
      stepId: { ...string, description: 'Where the case stood afterwards.' },
      status: def('case', 'CaseStatus'),
      dueDate: date,
      openTasks: arrayOf(object({ stepId: string, branchId: string, departmentId: string, role: string, dueDate: date }, ['stepId', 'departmentId', 'role', 'dueDate'])),
      branches: { ...arrayOf(object({ id: string, state: branchState })), description: 'At a parallel step: each branch and its state.' },
      effects: arrayOf(string),
      refused: { ...string, description: 'Why the engine refused the action; the run stops there.' },
    },
    ['action', 'stepId', 'status', 'openTasks', 'effects'],
    'One step of a dry-run.',
  ),
  DryRunResult: object({ today: date, path: arrayOf(ref('DryRunStep')) }, undefined, 'The path sample data takes through the draft flow; nothing is stored.'),
  Published: object({ itemId: string, version: integer, publishedAt: dateTime, fromVersion: integer }, ['itemId', 'version', 'publishedAt']),
  InFlight: object(
    { itemId: string, versions: arrayOf(object({ version: integer, inFlight: integer })), total: integer },
    undefined,
    'Unfinished cases per published version.',
  ),

  DeadlineState: {
    enum: ['overdue', 'dueSoon', 'onTime', 'paused', 'finished'],
    description: 'overdue 已超期, dueSoon 即将到期, onTime 正常, paused 暂停计时, finished 已结束.',
  },
  Deadline: object(
    {
      state: ref('DeadlineState'),
      dueDate: date,
      remainingWorkingDays: integer,
      provisional: { const: true, description: 'The due date reaches a year without holiday data: it may still move (暂定).' },
    },
    ['state'],
    'Where a deadline stands, derived at read time.',
  ),
  CaseWithDeadline: extending('Case', { deadline: ref('Deadline') }, ['deadline'], 'A case with its deadline, as every case route answers it.'),
  CaseView: object({ case: ref('CaseWithDeadline'), openTasks: arrayOf(ref('Task')) }, undefined, 'A case and its open tasks.'),
  SubmittedCase: object({ case: ref('CaseWithDeadline') }),
  MyCasesPage: page(ref('CaseWithDeadline'), 'My applications (or, for an agent, those I filed), newest first.'),
  CaseHistory: object({ items: arrayOf(ref('AuditEvent')) }, undefined, 'Audit events, oldest first.'),

  ApplicationDraft: object(
    {
      itemId: string,
      data: anyObject,
      step: { ...integer, description: 'The form step the user was on.' },
      idempotencyKey: { ...string, description: 'The Idempotency-Key the client will submit with.' },
      onBehalfOf: string,
      updatedAt: dateTime,
    },
    ['itemId', 'data', 'updatedAt'],
    'An application draft (申请草稿), not checked against the form.',
  ),
  BlobUpload: object(
    {
      blobId: string,
      uploadUrl: { ...string, description: 'Where to send the bytes, once.' },
      method: { const: 'PUT' },
      headers: { type: 'object', additionalProperties: string },
      maxBytes: integer,
    },
    undefined,
    'Where to upload a declared attachment.',
  ),

  StatisticsPage: object({
    departmentId: string,
    month: { ...string, pattern: '^\\d{4}-\\d{2}$' },
    items: arrayOf(object({ departmentId: string, month: string, itemId: string, counters: { type: 'object', additionalProperties: integer } })),
  }),
  InboxTask: extending('Task', { deadline: ref('Deadline') }, ['deadline'], 'An open task with where its deadline stands.'),
  InboxPage: page(ref('InboxTask'), 'Open tasks of my department and role, by due date.', { today: date }),
  HandledTask: extending(
    'Task',
    { case: object({ status: def('case', 'CaseStatus'), version: integer, outcome: def('case', 'Outcome') }, ['status', 'version'], 'Where the case stands now.') },
    [],
    'A task I closed, with where its case stands now.',
  ),
  HandledPage: page(ref('HandledTask'), 'The tasks I closed, newest first.'),

  CalendarYears: {
    type: 'object',
    properties: {
      today: date,
      reminderYear: integer,
      years: arrayOf({ type: 'object', properties: { year: integer, source: { enum: ['stored', 'package'] }, revision: integer }, required: ['year', 'source'] }),
      regions: arrayOf({ type: 'object', properties: { year: integer, region: string, name: def('common', 'LocalizedText'), revision: integer }, required: ['year', 'region', 'name'] }),
    },
    required: ['today', 'years', 'regions'],
  },
  CalendarYearView: {
    type: 'object',
    properties: { year: integer, source: { enum: ['stored', 'package', 'none'] }, revision: integer, holidays: arrayOf(ref('DateRange')), workingDays: arrayOf(ref('DateRange')), regions: arrayOf(anyObject) },
    required: ['year', 'source', 'revision', 'holidays', 'workingDays', 'regions'],
  },
  DateRange: object({ name: string, from: date, to: date }, undefined, 'Days off or make-up working days, both ends included.'),
  RecomputeReport: object(
    { year: integer, examined: integer, casesChanged: integer, tasksMoved: integer, complete: { type: 'boolean' }, cursor: string },
    ['year', 'examined', 'casesChanged', 'tasksMoved', 'complete'],
    'What one recount of open due dates did; continue with `cursor` when not complete.',
  ),
  CalendarYearSaved: {
    type: 'object',
    properties: { year: integer, revision: integer, holidays: arrayOf(ref('DateRange')), workingDays: arrayOf(ref('DateRange')), recompute: ref('RecomputeReport') },
    required: ['year', 'revision', 'holidays', 'workingDays', 'recompute'],
  },
  CalendarRegionSaved: {
    type: 'object',
    properties: { year: integer, region: string, name: def('common', 'LocalizedText'), revision: integer, holidays: arrayOf(ref('DateRange')), workingDays: arrayOf(ref('DateRange')), recompute: ref('RecomputeReport') },
    required: ['year', 'region', 'name', 'revision', 'holidays', 'workingDays', 'recompute'],
  },
  CalendarAudit: object({
    items: arrayOf({
      type: 'object',
      properties: { id: string, at: dateTime, actor: def('common', 'Actor'), year: integer, scope: { enum: ['national', 'region'] }, region: string, before: { anyOf: [anyObject, { type: 'null' }] }, after: anyObject },
      required: ['id', 'at', 'actor', 'year', 'scope', 'before', 'after'],
    }),
  }),
} satisfies Record<string, Schema>;

/** What a route's `response` may name: a schema of this file or a whole meta-schema. */
export type ResponseSchemaName = keyof typeof responseSchemas | MetaSchemaName;
