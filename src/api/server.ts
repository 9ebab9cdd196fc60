import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { GridLensConfig } from '../core/config.js';
import { warmSearchIndex } from '../jobs/api-search-index.js';
import { openStore } from '../jobs/store.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import type { ApiContext } from './context.js';
import { openApiDocument } from './openapi.js';
import { sendProblem } from './problem.js';
import { registerRoute, settleHandlers } from './route.js';
import { allRoutes } from './routes/all-routes.js';

export const API_BASE = '/api/v1';

export interface ServerOptions {
  /** Serve this built dashboard (web/dist) with SPA fallback, when the directory exists. */
  readonly webRoot?: string | null;
  /** Log requests (JSON lines on stdout; cookies, authorization and query strings never logged). */
  readonly logger?: boolean;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-*, send HSTS and Secure cookies. */
  readonly trustProxy?: boolean;
  /** Login attempts per client IP per minute (default 20). */
  readonly loginRateLimitPerMinute?: number;
  /** Request body limit in bytes (default 64 KiB). */
  readonly bodyLimit?: number;
}

const CSP = {
  defaultSrc: ["'self'"], scriptSrc: ["'self'"],
  // Ant Design writes its CSS-in-JS as style elements; ECharts draws on canvas.
  styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'blob:'], fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"], objectSrc: ["'none'"], baseUri: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

function logSafeRequest(request: FastifyRequest) {
  return { method: request.method, path: request.url.split('?')[0], remoteAddress: request.ip };
}

/** Builds the HTTP server on an open store (tests inject requests into it). */
export async function buildServer(ctx: ApiContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info', serializers: { req: logSafeRequest }, redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'] } : false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    return503OnClosing: true,
    // Bad URLs and over-long path parameters are answered by the router: as problems too.
    frameworkErrors: (error, request, reply) => void sendProblem(reply, request, Object.assign(error, { statusCode: 400 })),
  });
  app.setErrorHandler((error, request, reply) => sendProblem(reply, request, error));
  await app.register(helmet, { contentSecurityPolicy: { directives: CSP }, hsts: options.trustProxy ? { maxAge: 31_536_000, includeSubDomains: true } : false, frameguard: { action: 'deny' }, crossOriginEmbedderPolicy: false });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  const document = openApiDocument(allRoutes, API_BASE);
  await app.register(swagger, { mode: 'static', specification: { document: document as never } });
  await app.register(swaggerUi, { routePrefix: `${API_BASE}/docs`, staticCSP: true });
  const loginLimit = { max: options.loginRateLimitPerMinute ?? 20, timeWindow: 60_000 };
  await app.register(async (api) => {
    for (const def of allRoutes) registerRoute(api, ctx, API_BASE, def, def.id === 'auth.login' ? { rateLimit: loginLimit } : {});
  });
  await serveDashboard(app, options.webRoot);
  return app;
}

async function serveDashboard(app: FastifyInstance, webRoot: string | null | undefined): Promise<void> {
  const root = webRoot ? resolve(webRoot) : null;
  const hasWeb = root !== null && existsSync(resolve(root, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    if (hasWeb && request.method === 'GET' && !path.startsWith('/api/')) return reply.type('text/html').sendFile('index.html');
    return sendProblem(reply, request, Object.assign(new Error(`no route ${request.method} ${path}`), { statusCode: 404 }));
  });
}

export interface StartServerOptions extends ServerOptions {
  readonly port?: number;
  readonly host?: string;
  /** An open store (tests, benchmarks); the configured DuckDB file otherwise (closed with the server). */
  readonly warehouse?: Warehouse;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  close(): Promise<void>;
}

/** Opens the store and serves the API (and the dashboard when `webRoot` holds a build) on one port. */
export async function startServer(config: GridLensConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  const wh = await openStore(config, { warehouse: options.warehouse });
  const ctx: ApiContext = { wh, config, secureCookies: Boolean(options.trustProxy) };
  const app = await buildServer(ctx, options);
  await warmSearchIndex(wh);
  const address = await app.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1' });
  return {
    app, url: address,
    close: async () => {
      await app.close();
      // Requests whose client went away are still running (the HTTP server does not wait for them):
      // closing the store under their statements can block the process for good.
      await settleHandlers(ctx);
      if (!options.warehouse) await wh.close();
    },
  };
}
