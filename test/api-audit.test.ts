import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPii } from '../src/core/pii-mask.js';
import { sha256Hex } from '../src/jobs/api-credentials.js';
import { auditVerify, canonicalJson, verifyAuditChain } from '../src/jobs/audit.js';
import { ensureFirstAdmin } from '../src/jobs/users.js';
import { API, apiFixture, asSession, isProblem, loginAs, type ApiFixture } from './api.testkit.js';

/** Masking per role, audited unmasking, the hash chain and its tamper detection, lockout. */
let f: ApiFixture;

beforeAll(async () => {
  f = await apiFixture();
}, 60_000);
afterAll(async () => f?.close());

const raw = async (id: string) =>
  (await f.wh.query<{ name: string; phone: string; id_number: string; address: string }>('SELECT name, phone, id_number, address FROM customers WHERE customer_id = ?', [id]))[0];

describe('personal data', () => {
  it.each(['admin', 'marketing', 'service', 'operations', 'risk', 'analyst'])('is masked for %s in search and profile', async (role) => {
    const s = await loginAs(f.app, role);
    const truth = await raw(f.inDistrict);
    const search = (await f.app.inject({ method: 'GET', url: `${API}/customers?q=${f.inDistrict}`, headers: asSession(s) })).json<{ items: Record<string, string>[] }>();
    const profile = (await f.app.inject({ method: 'GET', url: `${API}/customers/${f.inDistrict}`, headers: asSession(s) })).json<{ customer: Record<string, string> }>();
    for (const c of [search.items[0], profile.customer]) {
      expect(c.name).toBe(maskPii('name', truth.name));
      expect(c.phone).toBe(maskPii('phone', truth.phone));
      expect(c.phone).toMatch(/^1\d\d\*{4}\d{4}$/);
      expect(c.idNumber).toBe(maskPii('id_number', truth.id_number));
      expect(c.address).toBe(maskPii('address', truth.address));
      expect(JSON.stringify(c)).not.toContain(truth.phone);
    }
  });

  it('is unmasked for service with an audit entry; analysts cannot unmask', async () => {
    const truth = await raw(f.inDistrict);
    const service = await loginAs(f.app, 'service');
    const res = await f.app.inject({ method: 'POST', url: `${API}/customers/${f.inDistrict}/unmask`, headers: asSession(service), payload: { fields: ['phone', 'name'], reason: 'customer on the line' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ customerId: f.inDistrict, values: { phone: truth.phone, name: truth.name } });
    const audit = await f.app.inject({ method: 'GET', url: `${API}/admin/audit?action=customer.unmask`, headers: asSession(await loginAs(f.app, 'auditor')) });
    const entry = audit.json<{ items: { actor: string; target: string; details: { fields: string[]; reason: string } }[] }>().items[0];
    expect(entry).toMatchObject({ actor: 'service', target: f.inDistrict, details: { fields: ['phone', 'name'], reason: 'customer on the line' } });
    expect(JSON.stringify(audit.json())).not.toContain(truth.phone);
    const analyst = await loginAs(f.app, 'analyst');
    const denied = await f.app.inject({ method: 'POST', url: `${API}/customers/${f.inDistrict}/unmask`, headers: asSession(analyst), payload: { fields: ['phone'], reason: 'curious' } });
    expect(denied.statusCode).toBe(403);
    const [{ n }] = await f.wh.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'customer.unmask' AND actor = 'analyst'");
    expect(Number(n)).toBe(0);
  });

  it('profile views are audited', async () => {
    const [{ n }] = await f.wh.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'customer.view' AND target = ?", [f.inDistrict]);
    expect(Number(n)).toBeGreaterThanOrEqual(6);
  });
});

describe('login lockout', () => {
  it('locks a username after 5 failures in 15 minutes, even for the right password, and audits every attempt', async () => {
    const attempt = (password: string) => f.app.inject({ method: 'POST', url: `${API}/auth/login`, payload: { username: 'operations', password } });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}`)).statusCode).toBe(401);
    const locked = await attempt('password-operations-123');
    expect(locked.statusCode).toBe(429);
    expect(isProblem(locked)).toBe(true);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    const actions = await f.wh.query<{ action: string }>("SELECT action FROM audit_log WHERE actor = 'operations' AND action LIKE 'auth.login_%' ORDER BY seq");
    expect(actions.map((a) => a.action)).toEqual([...Array(5).fill('auth.login_failed'), 'auth.login_locked']);
  });

  it('treats unknown usernames the same way', async () => {
    for (let i = 0; i < 5; i++) expect((await f.app.inject({ method: 'POST', url: `${API}/auth/login`, payload: { username: 'ghost', password: 'x' } })).statusCode).toBe(401);
    expect((await f.app.inject({ method: 'POST', url: `${API}/auth/login`, payload: { username: 'ghost', password: 'x' } })).statusCode).toBe(429);
  });
});

describe('the audit hash chain', () => {
  it('verifies, over the API and as a job', async () => {
    const res = await f.app.inject({ method: 'GET', url: `${API}/admin/audit/verify`, headers: asSession(await loginAs(f.app, 'auditor')) });
    const body = res.json<{ ok: boolean; entries: number }>();
    expect(body.ok).toBe(true);
    expect(body.entries).toBeGreaterThan(20);
    expect((await auditVerify({ db: ':memory:' }, f.wh)).ok).toBe(true);
  });

  it('detects a modified entry, a re-hashed entry and a removed entry', async () => {
    const [{ n }] = await f.wh.query<{ n: number }>('SELECT count(*) AS n FROM audit_log');
    await f.wh.run("UPDATE audit_log SET actor = 'nobody' WHERE seq = 5");
    expect(await verifyAuditChain(f.wh)).toMatchObject({ ok: false, entries: 4, firstBadEntry: { seq: 5, reason: expect.stringMatching(/modified/) } });
    // Re-hashing the changed entry moves the break to the next one, whose prev_hash no longer matches.
    const [e] = await f.wh.query<Record<string, unknown> & { logged_at: Date; prev_hash: string; details: string }>('SELECT * FROM audit_log WHERE seq = 5');
    const body = { seq: 5, at: e.logged_at.toISOString(), actor: e.actor, action: e.action, target: e.target, outcome: e.outcome, ip: e.ip, details: JSON.parse(e.details) as unknown };
    await f.wh.run('UPDATE audit_log SET hash = ? WHERE seq = 5', [sha256Hex(e.prev_hash + canonicalJson(body))]);
    expect(await verifyAuditChain(f.wh)).toMatchObject({ ok: false, firstBadEntry: { seq: 6, reason: expect.stringMatching(/prev_hash/) } });
    await f.wh.run('DELETE FROM audit_log WHERE seq = 5');
    expect(await verifyAuditChain(f.wh)).toMatchObject({ ok: false, firstBadEntry: { seq: 6, reason: expect.stringMatching(/sequence gap/) } });
    expect(Number(n)).toBeGreaterThan(6);
  });
});

describe('overview', () => {
  it('agrees with the store, and scopes to the caller\'s districts', async () => {
    const get = async (user: string) => (await f.app.inject({ method: 'GET', url: `${API}/overview`, headers: asSession(await loginAs(f.app, user)) })).json<Record<string, number> & { trend: { kwh: number }[] }>();
    const all = await get('auditor');
    const [{ kwh }] = await f.wh.query<{ kwh: number }>('SELECT sum(kwh) AS kwh FROM readings WHERE channel = 1');
    expect(all.customers).toBe(60);
    expect(all.consumptionKwh30d).toBeCloseTo(kwh, 0);
    expect(all.trend.length).toBeGreaterThanOrEqual(3);
    const [{ n }] = await f.wh.query<{ n: number }>('SELECT count(*) AS n FROM customers WHERE district = ?', [f.district]);
    expect((await get('regional')).customers).toBe(Number(n));
  });
});

describe('first admin', () => {
  it('is created only when the store has no user', async () => {
    expect(await ensureFirstAdmin({ db: ':memory:' }, f.wh)).toEqual({ created: false, username: 'admin' });
  });
});
