/**
 * Renders the OpenAPI 3.1 document of the API from the one route table (handlers/routes.ts), the
 * request and response schemas and the meta-schemas. `npm run generate` writes it to
 * functions/openapi.json; a test fails when the committed file drifts from what this renders.
 */
import { routes } from '../handlers/routes.js';
import { querySchemas, requestSchemas } from './request-schemas.js';
import { metaSchemas, responseSchemas } from './response-schemas.js';

export function renderOpenApi(): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const [method, path] = route.key.split(' ');
    const params: object[] = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string', maxLength: 128 } }));
    // Query parameters from the route's query schema: each optional, checked as the handler kit checks it.
    const query = route.query ? querySchemas[route.query] : undefined;
    if (query) for (const [name, schema] of Object.entries(query.properties)) params.push({ name, in: 'query', required: false, schema });
    if (route.key === 'POST /api/cases') {
      params.push({ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,128}$' } });
    }
    // A route without a JSON body answers raw bytes (an attachment).
    const content = route.response
      ? { 'application/json': { schema: { $ref: `#/components/schemas/${route.response}` } } }
      : { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } };
    const success = String(route.status ?? 200);
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = {
      operationId: route.key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, ''),
      tags: [route.tag],
      summary: route.summary.en,
      description: route.summary['zh-CN'],
      ...(route.auth ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(params.length ? { parameters: params } : {}),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${route.body}Request` } } } } }
        : {}),
      responses: {
        [success]: success === '204'
          ? { description: route.returns }
          : { description: route.returns, content },
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
        ...responseSchemas,
        ...Object.fromEntries(Object.entries(requestSchemas).map(([name, schema]) => [`${name}Request`, schema])),
        ...metaSchemas,
      },
    },
  };
}
