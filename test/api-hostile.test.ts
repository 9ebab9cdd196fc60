import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../src/api/routes/all-routes.js';
import { API, apiFixture, asSession, dataChecksum, isProblem, loginAs, sampleRequests, type ApiFixture, type Session } from './api.testkit.js';

/**
 * Hostile input: SQL injection and path traversal in every path, query and body parameter of every
 * route, oversized bodies, malformed JSON and bad pagination get a 4xx problem+json without a stack
 * trace, and nothing in the store changes. Free-text filters may answer 200, but then find nothing.
 */
const HOSTILE = [
  "' OR '1'='1", "1; DROP TABLE customers; --", "C00000001' UNION SELECT password_hash, 1, 1 FROM users --", '../../../../etc/passwd',
  '..\\..\\windows\\win.ini', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'x\u0000y', '<script>alert(1)</script>', '${7*7}', '-1', '1e309', 'A'.repeat(5000),
];
/** Query keys that are free text by design: hostile text is a search that matches nothing. */
const FREE_TEXT = new Set(['q', 'district', 'customerClass', 'action', 'actor', 'username']);
/** Body fields that are free text by design: stored literally (checked last, after the store checksum). */
const FREE_TEXT_BODY = new Set(['reason', 'name', 'displayName', 'note']);
const validUsername = (v: string) => /^[a-z0-9][a-z0-9_.-]{1,31}$/.test(v);

let f: ApiFixture;
let admin: Session;
let before: string;

beforeAll(async () => {
  f = await apiFixture();
  admin = await loginAs(f.app, 'admin');
  before = await dataChecksum(f.wh);
}, 60_000);
afterAll(async () => f?.close());

/** A page, list or wrapper of lists with no records in it. */
function isEmptyResult(body: unknown): boolean {
  if (Array.isArray(body)) return body.length === 0;
  if (body === null || typeof body !== 'object') return false;
  const values = Object.values(body as Record<string, unknown>);
  return values.some(Array.isArray) && values.filter(Array.isArray).every((v) => (v as unknown[]).length === 0);
}

function withParam(url: string, key: string, value: string): string {
  const [path, search = ''] = url.split('?');
  const params = new URLSearchParams(search);
  params.set(key, value);
  return `${path}?${params.toString()}`;
}

describe('hostile input', () => {
  const samples = () => sampleRequests(f);

  it('in every path parameter', async () => {
    for (const route of allRoutes.filter((r) => r.url.includes(':'))) {
      const sample = samples()[route.id];
      const segments = route.url.split('/');
      for (const value of HOSTILE) {
        const url = sample.url.split('?')[0].split('/').map((seg, i) => (segments[i]?.startsWith(':') ? encodeURIComponent(value) : seg)).join('/');
        const res = await f.app.inject({ method: sample.method, url: API + url + (sample.url.includes('?') ? `?${sample.url.split('?')[1]}` : ''), headers: asSession(admin), payload: sample.payload });
        expect(res.statusCode, `${route.id} ${url}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${route.id} ${url}`).toBeLessThan(500);
        expect(isProblem(res), `${route.id} ${res.body.slice(0, 200)}`).toBe(true);
      }
    }
  });

  it('in every query parameter', async () => {
    for (const route of allRoutes.filter((r) => r.query)) {
      const sample = samples()[route.id];
      const keys = Object.keys((route.query as unknown as { shape: Record<string, unknown> }).shape);
      for (const key of keys) {
        for (const value of HOSTILE) {
          const res = await f.app.inject({ method: sample.method, url: API + withParam(sample.url, key, value), headers: asSession(admin) });
          const where = `${route.id} ?${key}=${value.slice(0, 40)}`;
          if (res.statusCode === 200) {
            // A well-formed filter value (free text, or an id such as "-1") may answer, with nothing found.
            expect(FREE_TEXT.has(key) || /^[A-Za-z0-9_.:-]+$/.test(value), where).toBe(true);
            expect(isEmptyResult(res.json()), `${where}: ${res.body.slice(0, 200)}`).toBe(true);
            continue;
          }
          expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, where).toBeLessThan(500);
          expect(isProblem(res), where).toBe(true);
        }
      }
      const unknown = await f.app.inject({ method: sample.method, url: API + withParam(sample.url, 'sql', "1' OR 1=1"), headers: asSession(admin) });
      expect(unknown.statusCode, `${route.id} unknown key`).toBe(400);
    }
  });

  it('in every body field', async () => {
    for (const route of allRoutes.filter((r) => r.body)) {
      const sample = samples()[route.id];
      for (const key of Object.keys(sample.payload ?? {}).filter((k) => !FREE_TEXT_BODY.has(k))) {
        for (const value of HOSTILE.filter((v) => !(key === 'username' && route.id !== 'auth.login' && validUsername(v)))) {
          const payload = { ...sample.payload, [key]: value };
          const res = await f.app.inject({ method: sample.method, url: API + sample.url, headers: asSession(admin), payload });
          const where = `${route.id} body.${key}=${value.slice(0, 40)}`;
          // Wrong credentials: 401, or 429 once the hostile attempts have locked the username.
          if (route.id === 'auth.login') expect(value.length <= (key === 'password' ? 256 : 64) ? [401, 429] : [400], where).toContain(res.statusCode);
          else expect(res.statusCode === 400 || (res.statusCode === 404 && /^[A-Za-z0-9_.:-]+$/.test(value)), `${where}: ${res.statusCode}`).toBe(true);
          if (res.statusCode >= 400) expect(isProblem(res), where).toBe(true);
        }
      }
    }
  });

  it('oversized, malformed and mistyped bodies', async () => {
    const login = (payload: string, type = 'application/json') => f.app.inject({ method: 'POST', url: `${API}/auth/login`, headers: { 'content-type': type }, payload });
    const big = await login(JSON.stringify({ username: 'admin', password: 'x'.repeat(200_000) }));
    expect(big.statusCode).toBe(413);
    expect(isProblem(big)).toBe(true);
    for (const body of ['{"username": "admin", "password": ', '{"username":}', 'null', '[]', '"admin"', '{"username":"admin","password":"x","__proto__":{"admin":true}}']) {
      const res = await login(body);
      expect(res.statusCode, body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, body).toBeLessThan(500);
      expect(isProblem(res), body).toBe(true);
    }
    const text = await login('username=admin&password=x', 'application/x-www-form-urlencoded');
    expect(text.statusCode).toBe(415);
    expect(isProblem(text)).toBe(true);
  });

  it('invalid pagination', async () => {
    for (const query of ['page=0', 'page=-1', 'page=1.5', 'page=abc', 'pageSize=0', 'pageSize=201', 'pageSize=1e9', 'page=1&page=2', 'pageSize=']) {
      for (const url of ['/customers', '/admin/audit', '/ingest/runs']) {
        const res = await f.app.inject({ method: 'GET', url: `${API}${url}?${query}`, headers: asSession(admin) });
        expect(res.statusCode, `${url}?${query}`).toBe(400);
        expect(isProblem(res)).toBe(true);
      }
    }
  });

  it('unknown routes and methods get a problem, never the dashboard', async () => {
    for (const [method, url] of [['GET', '/nope'], ['GET', '/../../etc/passwd'], ['PUT', '/customers'], ['GET', '/customers/C1%2F..%2F..%2Fadmin%2Fusers'], ['GET', '/exports/..%2F..%2Fetc%2Fpasswd']] as const) {
      const res = await f.app.inject({ method, url: API + url, headers: asSession(admin) });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(isProblem(res)).toBe(true);
    }
  });

  it('changed nothing in the store', async () => {
    expect(await dataChecksum(f.wh)).toBe(before);
    const [{ n }] = await f.wh.query<{ n: number }>("SELECT count(*) AS n FROM users WHERE username NOT IN ('admin','marketing','service','operations','risk','analyst','auditor','regional')");
    expect(Number(n)).toBe(0);
  });

  it('free-text body fields are stored literally, as data', async () => {
    const name = "x'); DROP TABLE customers; --";
    const res = await f.app.inject({ method: 'POST', url: `${API}/admin/tokens`, headers: asSession(admin), payload: { username: 'analyst', name, scopes: ['customers:read'] } });
    expect(res.statusCode).toBe(201);
    const [row] = await f.wh.query<{ name: string }>('SELECT name FROM api_tokens WHERE token_id = ?', [res.json<{ info: { tokenId: string } }>().info.tokenId]);
    expect(row.name).toBe(name);
    expect((await f.wh.query('SELECT count(*) AS n FROM customers'))[0]).toEqual({ n: 60 });
  });
});
