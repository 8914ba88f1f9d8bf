/**
 * Renders the OpenAPI 3.1 document of the API from the one route table (handlers/routes.ts), the
 * request schemas and the meta-schemas. `npm run generate` writes it to functions/openapi.json;
 * a test fails when the committed file drifts from what this renders.
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
import { routes } from '../handlers/routes.js';
import { requestSchemas } from './request-schemas.js';

/** The meta-schemas keep their `$id`, so their relative `$ref`s resolve as JSON Schema 2020-12 says. */
const metaSchemas = { Common: common, FlowDefinition: flow, Case: caseSchema, Task: task, AuditEvent: auditEvent, ServiceItem: serviceItem, Claim: claim, FormDefinition: formDefinition, ItemVersion: itemVersion, Department: department, User: user };

const problem = {
  type: 'object',
  description: 'RFC 9457 problem details; `title` in zh-CN or en from Accept-Language.',
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { pointer: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
        required: ['pointer', 'code', 'message'],
      },
    },
  },
  required: ['type', 'title', 'status'],
};

/** Meta-schema names a route's `returns` mentions, in the order they appear. */
function mentioned(returns: string): string[] {
  return Object.keys(metaSchemas).filter((name) => new RegExp(`\\b${name}\\b`).test(returns));
}

export function renderOpenApi(): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const [method, path] = route.key.split(' ');
    const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string', maxLength: 128 } }));
    const uses = mentioned(route.returns);
    const schema = uses.length === 1 && uses[0] === route.returns
      ? { $ref: `#/components/schemas/${uses[0]}` }
      : { type: 'object', ...(uses.length ? { description: `uses ${uses.join(', ')}` } : {}) };
    const success = String(route.status ?? 200);
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = {
      operationId: route.key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, ''),
      tags: [route.tag],
      summary: route.summary.en,
      description: route.summary['zh-CN'],
      ...(route.auth ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(params.length ? { parameters: params } : {}),
      ...(route.key === 'POST /api/cases'
        ? { parameters: [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,128}$' } }] }
        : {}),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${route.body}Request` } } } } }
        : {}),
      responses: {
        [success]: success === '204'
          ? { description: route.returns }
          : { description: route.returns, content: { 'application/json': { schema } } },
        '4XX': { description: 'Bad input, not signed in, not allowed, not found, conflict', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Banshi 办事 API',
      version: '0.1.0',
      description: 'Service items, applications (cases), their flows and the staff inbox. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'npm start' }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: problem,
        ...Object.fromEntries(Object.entries(requestSchemas).map(([name, schema]) => [`${name}Request`, schema])),
        ...metaSchemas,
      },
    },
  };
}
