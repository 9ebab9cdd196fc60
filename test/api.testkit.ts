import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer, type ServerOptions } from '../src/api/server.js';
import { loadSynthetic } from '../src/jobs/load-synthetic.js';
import { addUser, ROLES, type Role } from '../src/jobs/users.js';
import { parseSynthOptions } from '../src/synth/synth-options.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';

/** A tiny demo utility in memory, one user per role (password `password-<role>`), and the server on it. */
export interface ApiFixture {
  readonly wh: Warehouse;
  readonly app: FastifyInstance;
  /** A district of the demo and a customer in it, and a customer in another district. */
  readonly district: string;
  readonly inDistrict: string;
  readonly otherDistrict: string;
  readonly outside: string;
  close(): Promise<void>;
}

export const API = '/api/v1';
export const passwordOf = (username: string) => `password-${username}-123`;

export async function apiFixture(options: ServerOptions = {}): Promise<ApiFixture> {
  const wh = await openDuckDb(':memory:', { threads: 1 });
  await migrate(wh);
  await loadSynthetic(wh, parseSynthOptions({ customers: 60, days: 3, start: '2025-03-01' }));
  for (const role of ROLES) await addUser(wh, { username: role, roles: [role], password: passwordOf(role) }, 'test');
  const [a, b] = await wh.query<{ district: string; customer_id: string }>(
    'SELECT district, min(customer_id) AS customer_id FROM customers GROUP BY district ORDER BY count(*) DESC LIMIT 2');
  await addUser(wh, { username: 'regional', roles: ['service'], regions: [a.district], password: passwordOf('regional') }, 'test');
  const app = await buildServer({ wh, config: { db: ':memory:', lang: 'en', timeZone: 'Asia/Shanghai', threads: 1 }, secureCookies: false }, { loginRateLimitPerMinute: 10_000, ...options });
  return {
    wh, app, district: a.district, inDistrict: a.customer_id, otherDistrict: b.district, outside: b.customer_id,
    close: async () => { await app.close(); await wh.close(); },
  };
}

export interface Session { readonly cookie: string; readonly csrf: string }

export async function loginAs(app: FastifyInstance, username: string, password = passwordOf(username)): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: `${API}/auth/login`, payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'gl_session');
  return { cookie: `gl_session=${cookie?.value}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
}

export function asSession(s: Session, extra: Record<string, string> = {}) {
  return { cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra };
}

export function isProblem(res: LightMyRequestResponse): boolean {
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) return false;
  const body = res.json<Record<string, unknown>>();
  return typeof body.status === 'number' && body.status === res.statusCode && typeof body.title === 'string' && typeof body.detail === 'string'
    && !res.body.includes('    at ') && !/\.ts:\d+|node_modules/.test(res.body);
}

export type { Role };

/** Tables that requests legitimately write (logins, sessions, the audit log); everything else must never change. */
const REQUEST_WRITTEN = new Set(['audit_log', 'login_attempts', 'sessions']);

/** A checksum of every table but those requests write: equal before and after means nothing changed. */
export async function dataChecksum(wh: Warehouse): Promise<string> {
  const { allTables } = await import('../src/warehouse/schema/index.js');
  const parts = allTables.filter((t) => !REQUEST_WRITTEN.has(t.name)).map((t) =>
    `SELECT '${t.name}' AS t, count(*) AS n, bit_xor(hash(${t.columns.map((c) => wh.dialect.quoteIdent(c.name)).join(', ')})) AS h FROM ${wh.dialect.quoteIdent(t.name)}`);
  const rows = await wh.query<{ t: string; n: number; h: unknown }>(parts.join(' UNION ALL '));
  return rows.sort((a, b) => a.t.localeCompare(b.t)).map((r) => `${r.t}:${r.n}:${String(r.h)}`).join('|');
}

/** A request that each route accepts from a caller allowed to make it (valid path, query and body). */
export function sampleRequests(f: Pick<ApiFixture, 'inDistrict'>): Record<string, { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: Record<string, unknown> }> {
  const c = f.inDistrict;
  return {
    'health': { method: 'GET', url: '/healthz' },
    'auth.login': { method: 'POST', url: '/auth/login', payload: { username: 'nobody', password: 'wrong-password' } },
    'auth.me': { method: 'GET', url: '/auth/me' },
    'auth.logout': { method: 'POST', url: '/auth/logout' },
    'overview.get': { method: 'GET', url: '/overview' },
    'customers.search': { method: 'GET', url: '/customers?q=C&page=1&pageSize=5' },
    'customers.profile': { method: 'GET', url: `/customers/${c}` },
    'customers.unmask': { method: 'POST', url: `/customers/${c}/unmask`, payload: { fields: ['phone'], reason: 'customer called about a bill' } },
    'customers.load': { method: 'GET', url: `/customers/${c}/load?from=2025-03-01&to=2025-03-02&resolution=1h` },
    'quality.report': { method: 'GET', url: '/quality/report?by=source' },
    'ingest.runs': { method: 'GET', url: '/ingest/runs' },
    'tariffs.list': { method: 'GET', url: '/tariffs' },
    'tariffs.get': { method: 'GET', url: '/tariffs/ZJ-RES-TIER' },
    'tariffs.simulate': { method: 'POST', url: '/tariffs/ZJ-RES-TIER/simulate', payload: { customerId: c, from: '2025-03-01', to: '2025-03-03' } },
    'forecasts.runs': { method: 'GET', url: '/forecasts/runs?limit=5' },
    'forecasts.series': { method: 'GET', url: `/forecasts?scope=customer&id=${c}` },
    'offers.list': { method: 'GET', url: `/offers?customerId=${c}` },
    'dr.programs': { method: 'GET', url: '/dr/programs' },
    'dr.events': { method: 'GET', url: '/dr/events' },
    'dr.event': { method: 'GET', url: '/dr/events/DR-PEAK-20250305-1800' },
    'segments.list': { method: 'GET', url: '/segments' },
    'tags.list': { method: 'GET', url: '/tags' },
    'risk.theft': { method: 'GET', url: '/risk/theft?top=20' },
    'risk.inspections.create': { method: 'POST', url: '/risk/inspections', payload: { customerId: c, outcome: 'clear', note: 'meter seal intact' } },
    'risk.alerts': { method: 'GET', url: '/risk/alerts?limit=50' },
    'risk.overview': { method: 'GET', url: '/risk/overview' },
    'risk.lists': { method: 'GET', url: '/risk/lists?kind=black' },
    'credit.get': { method: 'GET', url: `/credit/${c}` },
    'exports.get': { method: 'GET', url: '/exports/customers?format=csv' },
    'admin.users.list': { method: 'GET', url: '/admin/users' },
    'admin.users.create': { method: 'POST', url: '/admin/users', payload: { username: 'newcomer', roles: ['analyst'] } },
    'admin.users.update': { method: 'PATCH', url: '/admin/users/analyst', payload: { displayName: 'Analyst' } },
    'admin.tokens.list': { method: 'GET', url: '/admin/tokens' },
    'admin.tokens.create': { method: 'POST', url: '/admin/tokens', payload: { username: 'analyst', name: 'bi', scopes: ['customers:read'] } },
    'admin.tokens.revoke': { method: 'DELETE', url: '/admin/tokens/AAAAAAAAAAAA' },
    'admin.audit.list': { method: 'GET', url: '/admin/audit?page=1&pageSize=5' },
    'admin.audit.verify': { method: 'GET', url: '/admin/audit/verify' },
  };
}
