import { z } from 'zod';
import { PERMISSIONS, type PermissionId } from './permissions.js';
import { isPublic, type RouteDef } from './route.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as JsonSchema;

const problemSchema: JsonSchema = {
  type: 'object', required: ['type', 'title', 'status', 'detail', 'instance'],
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, instance: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
  },
};

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({ name, in: where, required: where === 'path' || required.has(name), schema: s }));
}

function responses(def: RouteDef): Record<string, unknown> {
  const problem = { description: 'Problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  const status = String(def.status ?? 200);
  const ok = status === '204' ? { description: 'No content' }
    : def.produces ? { description: 'File', content: Object.fromEntries(def.produces.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) }
      : { description: 'OK', content: { 'application/json': { schema: def.response ? toSchema(def.response, 'output') : {} } } };
  const out: Record<string, unknown> = { [status]: ok, 400: problem };
  if (!isPublic(def.id)) Object.assign(out, { 401: problem, 403: problem });
  if (def.id === 'auth.login') out[429] = problem;
  return out;
}

function operation(def: RouteDef): Record<string, unknown> {
  const policy = isPublic(def.id) ? null : PERMISSIONS[def.id as PermissionId];
  const access = policy ? `\n\nRoles: ${policy.roles.join(', ')}. Token scope: ${policy.scope ?? 'any'}.` : '\n\nPublic.';
  return {
    operationId: def.id, summary: def.summary, description: def.summary + access, tags: [def.tag],
    parameters: [...parameters(def.params, 'path'), ...parameters(def.query, 'query')],
    ...(def.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(def.body, 'input') } } } } : {}),
    responses: responses(def),
    ...(policy ? {} : { security: [] }),
  };
}

/** The OpenAPI 3 document of the API, generated from the route definitions and their zod schemas. */
export function openApiDocument(routes: readonly RouteDef[], base: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of routes) {
    const path = `${base}${def.url}`.replace(/:([A-Za-z]+)/g, '{$1}');
    (paths[path] ??= {})[def.method.toLowerCase()] = operation(def);
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'GridLens API', version: '1.0.0',
      description: 'Customers, load, quality, tariffs, exports and administration of GridLens. Errors are application/problem+json (RFC 9457). '
        + 'Authenticate with the session cookie from POST /auth/login (mutations then need the x-csrf-token header) or a Bearer API token.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'gl_session' },
        token: { type: 'http', scheme: 'bearer', description: 'glt_<id>_<secret> from `gridlens user token create`' },
      },
    },
    security: [{ session: [] }, { token: [] }],
    paths,
  };
}
