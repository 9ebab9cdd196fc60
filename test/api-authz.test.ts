import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, PUBLIC_ROUTES, type PermissionId } from '../src/api/permissions.js';
import { allRoutes } from '../src/api/routes/all-routes.js';
import { createToken } from '../src/jobs/api-sessions.js';
import { ROLES, updateUser } from '../src/jobs/users.js';
import { API, apiFixture, asSession, isProblem, loginAs, sampleRequests, type ApiFixture, type Session } from './api.testkit.js';

/**
 * Table-driven authorization: every route × every role gets exactly what PERMISSIONS says (allowed:
 * anything but 401/403; denied: a 403 problem), no route answers without credentials except the
 * public ones, tokens are capped by their scopes and their owner's roles, and region scoping holds.
 */
let f: ApiFixture;
const sessions = new Map<string, Session>();
let samples: ReturnType<typeof sampleRequests>;

beforeAll(async () => {
  f = await apiFixture();
  samples = sampleRequests(f);
  for (const role of [...ROLES, 'regional']) sessions.set(role, await loginAs(f.app, role));
}, 60_000);
afterAll(async () => f?.close());

const protectedRoutes = () => allRoutes.filter((r) => !(PUBLIC_ROUTES as readonly string[]).includes(r.id));

describe('the permission table', () => {
  it('covers every route, and every route has a sample request', () => {
    for (const route of allRoutes) {
      expect((PUBLIC_ROUTES as readonly string[]).includes(route.id) || route.id in PERMISSIONS, route.id).toBe(true);
      expect(samples[route.id], `sample request for ${route.id}`).toBeDefined();
    }
    expect(Object.keys(PERMISSIONS).sort()).toEqual(protectedRoutes().map((r) => r.id).sort());
  });
});

describe('every route × every role', () => {
  it.each(ROLES.map((role) => [role]))('%s gets exactly the routes the table allows', async (role) => {
    const session = sessions.get(role)!;
    const seen: string[] = [];
    for (const route of protectedRoutes()) {
      if (route.id === 'auth.logout') continue; // would end the session; checked below
      const sample = samples[route.id];
      const res = await f.app.inject({ method: sample.method, url: API + sample.url, headers: asSession(session), payload: sample.payload });
      const allowed = (PERMISSIONS[route.id as PermissionId].roles as readonly string[]).includes(role);
      if (allowed) expect([401, 403], `${role} ${route.id}: ${res.statusCode} ${res.body.slice(0, 200)}`).not.toContain(res.statusCode);
      else {
        expect(res.statusCode, `${role} ${route.id}`).toBe(403);
        expect(isProblem(res)).toBe(true);
      }
      seen.push(route.id);
    }
    expect(seen.length).toBe(protectedRoutes().length - 1);
  });

  it('no protected route answers without credentials, or with a forged cookie or token', async () => {
    for (const route of protectedRoutes()) {
      const sample = samples[route.id];
      for (const headers of [{}, { cookie: `gl_session=${'A'.repeat(43)}` }, { authorization: `Bearer glt_AAAAAAAAAAAA_${'B'.repeat(43)}` }, { authorization: 'Basic YWRtaW46YWRtaW4=' }]) {
        const res = await f.app.inject({ method: sample.method, url: API + sample.url, headers, payload: sample.payload });
        expect(res.statusCode, `${route.id} ${JSON.stringify(headers)}`).toBe(401);
        expect(isProblem(res)).toBe(true);
      }
    }
  });

  it('public routes answer without credentials', async () => {
    expect((await f.app.inject({ method: 'GET', url: `${API}/healthz` })).statusCode).toBe(200);
    expect((await f.app.inject({ method: 'GET', url: `${API}/docs/json` })).json<{ openapi: string }>().openapi).toMatch(/^3\./);
  });
});

describe('API tokens', () => {
  it('are limited to their scopes, and never exceed their owner\'s roles', async () => {
    const { token } = await createToken(f.wh, { username: 'admin', name: 'crm', scopes: ['customers:read'] }, 'test');
    const call = (url: string) => f.app.inject({ method: 'GET', url: API + url, headers: { authorization: `Bearer ${token}` } });
    expect((await call('/customers?pageSize=1')).statusCode).toBe(200);
    expect((await call(`/customers/${f.inDistrict}`)).statusCode).toBe(200);
    expect((await call('/exports/customers')).statusCode).toBe(403);
    expect((await call('/admin/users')).statusCode).toBe(403);
    expect((await call(`/customers/${f.inDistrict}/load?from=2025-03-01&to=2025-03-01`)).statusCode).toBe(403);
    const analyst = await createToken(f.wh, { username: 'analyst', name: 'bi', scopes: ['admin:read', 'customers:read'] }, 'test');
    const asAnalyst = await f.app.inject({ method: 'GET', url: `${API}/admin/users`, headers: { authorization: `Bearer ${analyst.token}` } });
    expect(asAnalyst.statusCode).toBe(403);
  });

  it('need no CSRF header, and stop working when revoked', async () => {
    const { token, info } = await createToken(f.wh, { username: 'service', name: 'ivr', scopes: ['customers:unmask'] }, 'test');
    const unmask = () => f.app.inject({ method: 'POST', url: `${API}/customers/${f.inDistrict}/unmask`, headers: { authorization: `Bearer ${token}` }, payload: { fields: ['name'], reason: 'caller verification' } });
    expect((await unmask()).statusCode).toBe(200);
    const admin = sessions.get('admin')!;
    expect((await f.app.inject({ method: 'DELETE', url: `${API}/admin/tokens/${info.tokenId}`, headers: asSession(admin) })).statusCode).toBe(204);
    expect((await unmask()).statusCode).toBe(401);
  });

  it('of partners always get 15/15-aggregated exports', async () => {
    const { token } = await createToken(f.wh, { username: 'analyst', name: 'university', scopes: ['exports:read'], partner: true }, 'test');
    const res = await f.app.inject({ method: 'GET', url: `${API}/exports/customers?external=false`, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.body.split('\n')[0]).toBe('district,customer_class,customers');
    expect(res.body).not.toMatch(/C\d{8}/);
    for (const line of res.body.trim().split('\n').slice(1)) expect(Number(line.split(',')[2])).toBeGreaterThanOrEqual(15);
  });
});

describe('CSRF and sessions', () => {
  it('rejects a cookie-session mutation without the CSRF header or with a wrong one', async () => {
    const s = sessions.get('service')!;
    const url = `${API}/customers/${f.inDistrict}/unmask`;
    const payload = { fields: ['phone'], reason: 'callback requested' };
    expect((await f.app.inject({ method: 'POST', url, headers: { cookie: s.cookie }, payload })).statusCode).toBe(403);
    expect((await f.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) }, payload })).statusCode).toBe(403);
    expect((await f.app.inject({ method: 'POST', url, headers: asSession(s), payload })).statusCode).toBe(200);
  });

  it('sets an httpOnly SameSite=Strict cookie, and logout ends the session', async () => {
    const res = await f.app.inject({ method: 'POST', url: `${API}/auth/login`, payload: { username: 'marketing', password: 'password-marketing-123' } });
    const cookie = res.cookies.find((c) => c.name === 'gl_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const s = { cookie: `gl_session=${cookie.value}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
    expect((await f.app.inject({ method: 'POST', url: `${API}/auth/logout`, headers: asSession(s) })).statusCode).toBe(204);
    expect((await f.app.inject({ method: 'GET', url: `${API}/auth/me`, headers: asSession(s) })).statusCode).toBe(401);
  });
});

describe('region scoping', () => {
  const get = (url: string) => f.app.inject({ method: 'GET', url: API + url, headers: asSession(sessions.get('regional')!) });

  it('limits search to the user\'s districts, whatever the filter', async () => {
    const page = (await get('/customers?pageSize=200')).json<{ items: { district: string }[]; total: number }>();
    const [{ n }] = await f.wh.query<{ n: number }>('SELECT count(*) AS n FROM customers WHERE district = ?', [f.district]);
    expect(page.total).toBe(Number(n));
    expect(new Set(page.items.map((i) => i.district))).toEqual(new Set([f.district]));
    expect((await get(`/customers?district=${encodeURIComponent(f.otherDistrict)}`)).json<{ total: number }>().total).toBe(0);
    expect((await get(`/customers?q=${f.outside}`)).json<{ total: number }>().total).toBe(0);
  });

  it('hides profiles, load and unmask outside them (404, no existence leak)', async () => {
    expect((await get(`/customers/${f.inDistrict}`)).statusCode).toBe(200);
    expect((await get(`/customers/${f.outside}`)).statusCode).toBe(404);
    expect((await get(`/customers/${f.outside}/load?from=2025-03-01&to=2025-03-01`)).statusCode).toBe(404);
    const s = sessions.get('regional')!;
    const unmask = await f.app.inject({ method: 'POST', url: `${API}/customers/${f.outside}/unmask`, headers: asSession(s), payload: { fields: ['phone'], reason: 'not my district' } });
    expect(unmask.statusCode).toBe(404);
  });

  it('limits exports to them', async () => {
    await updateUser(f.wh, 'regional', { roles: ['service', 'marketing'] }, 'test');
    const res = await get('/exports/customers');
    expect(res.statusCode).toBe(200);
    const rows = res.body.trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set([f.district]));
  });
});
