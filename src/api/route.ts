import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ForbiddenError } from '../jobs/api-credentials.js';
import { invalidateReadCaches } from '../jobs/api-read-cache.js';
import { authenticate, checkCsrf } from './auth/authenticate.js';
import type { ApiContext, Principal } from './context.js';
import { isAllowed, PERMISSIONS, type PermissionId, type RouteId } from './permissions.js';
import { HttpProblem } from './problem.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface HandlerInput<P, Q, B> {
  readonly ctx: ApiContext;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly principal: Principal;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
}

/**
 * One API route: its id in the permission table, zod schemas of its inputs and output (validation
 * and OpenAPI both come from these), and a handler that calls a job. `raw` handlers send the reply
 * themselves (file downloads).
 */
export interface RouteDef<P = unknown, Q = unknown, B = unknown, R = unknown> {
  readonly id: RouteId;
  readonly method: Method;
  /** Below the API base path, fastify syntax: `/customers/:id`. */
  readonly url: string;
  readonly summary: string;
  readonly tag: string;
  readonly params?: z.ZodType<P>;
  readonly query?: z.ZodType<Q>;
  readonly body?: z.ZodType<B>;
  readonly response?: z.ZodType<R>;
  /** Success status (default 200; 204 sends no body). */
  readonly status?: number;
  /** Media type of a raw response, for the OpenAPI document. */
  readonly produces?: readonly string[];
  readonly raw?: boolean;
  handler(input: HandlerInput<P, Q, B>): Promise<R | JsonText | undefined>;
}

/**
 * A response body that is already JSON text (a stored document, serialised when it was built): sent
 * as is, without a parse and a re-stringify per request.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/** Keeps the generic types of a route while storing it in a plain list. */
export function defineRoute<P, Q, B, R>(def: RouteDef<P, Q, B, R>): RouteDef {
  return def as unknown as RouteDef;
}

export const isPublic = (id: RouteId): boolean => !(id in PERMISSIONS);

function parseInput<T>(schema: z.ZodType<T> | undefined, value: unknown, where: 'path' | 'query' | 'body'): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const errors = result.error.issues.slice(0, 20).map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  throw new HttpProblem(400, `invalid ${where}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
}

const MUTATING = new Set<Method>(['POST', 'PATCH', 'DELETE']);

/**
 * Handlers still running, per server context. A client that goes away does not stop its handler,
 * and closing the HTTP server does not wait for it: `settleHandlers` does, so that the store is
 * never closed under a running statement.
 */
const running = new WeakMap<ApiContext, Set<Promise<unknown>>>();

function track<T>(ctx: ApiContext, work: Promise<T>): Promise<T> {
  let handlers = running.get(ctx);
  if (!handlers) running.set(ctx, (handlers = new Set()));
  const done: Promise<unknown> = work.then(() => handlers.delete(done), () => handlers.delete(done)); // errors are the reply's, not this
  handlers.add(done);
  return work;
}

/** Resolves once every handler running for `ctx` (and any started meanwhile) has finished. */
export async function settleHandlers(ctx: ApiContext): Promise<void> {
  for (let set = running.get(ctx); set && set.size > 0;) await Promise.allSettled([...set]);
}

/** The principal of a public route (none) — handlers of public routes must not read it. */
const anonymous = undefined as unknown as Principal;

export function registerRoute(app: FastifyInstance, ctx: ApiContext, base: string, def: RouteDef, config: Record<string, unknown> = {}): void {
  app.route({
    method: def.method,
    url: `${base}${def.url}`,
    config: { ...config, routeId: def.id },
    handler: (request, reply) => track(ctx, handle(ctx, def, request, reply)),
  });
}

async function handle(ctx: ApiContext, def: RouteDef, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  let principal = anonymous;
  if (!isPublic(def.id)) {
    principal = await authenticate(ctx, request);
    if (!isAllowed(def.id as PermissionId, principal.user.roles, principal.scopes)) {
      throw new ForbiddenError(`${def.id}: not allowed for roles ${principal.user.roles.join(', ')}${principal.scopes ? ` with scopes ${principal.scopes.join(', ')}` : ''}`);
    }
    if (MUTATING.has(def.method)) checkCsrf(principal, request);
  }
  const params = parseInput(def.params, request.params, 'path');
  const query = parseInput(def.query, request.query, 'query');
  const body = parseInput(def.body, request.body, 'body');
  let result;
  try {
    result = await def.handler({ ctx, request, reply, principal, params, query, body });
  } finally {
    if (MUTATING.has(def.method)) invalidateReadCaches(ctx.wh, { afterApiWrite: true }); // whatever it changed is read fresh from now on
  }
  if (def.raw) return reply;
  reply.status(def.status ?? 200);
  if (def.status === 204) return reply.send();
  if (result instanceof JsonText) return reply.type('application/json; charset=utf-8').send(result.text);
  return reply.send(result);
}
