import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidateReadCaches } from '../src/jobs/api-read-cache.js';
import { buildProfileDocuments, profileDocumentsCurrent, profileSourceStamp } from '../src/jobs/profile-documents.js';
import { allRoutes } from '../src/api/routes/all-routes.js';
import { API, apiFixture, asSession, loginAs, passwordOf, type ApiFixture, type Session } from './api.testkit.js';

/** The 360 profile answered from precomputed documents is the profile assembled live, and never stale after a write. */
let f: ApiFixture;
let service: Session;
let risk: Session;
let ids: string[];
beforeAll(async () => {
  f = await apiFixture();
  service = await loginAs(f.app, 'service');
  risk = await loginAs(f.app, 'risk');
  ids = (await f.wh.query<{ id: string }>('SELECT customer_id AS id FROM customers ORDER BY customer_id LIMIT 12')).map((r) => r.id);
}, 60_000);
afterAll(async () => f?.close());

const profile = async (id: string) => {
  const res = await f.app.inject({ method: 'GET', url: `${API}/customers/${id}`, headers: asSession(service) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ customer: Record<string, unknown>; scores: { table: string }[] }>();
};

describe('customer 360 profile from documents', () => {
  it('answers the same body from documents as assembled live', async () => {
    const live = await Promise.all(ids.map(profile));
    await buildProfileDocuments(f.wh);
    invalidateReadCaches(f.wh); // as a write request would: the documents are noticed at once
    expect(await profileDocumentsCurrent(f.wh)).toBe(true);
    expect(await Promise.all(ids.map(profile))).toEqual(live);
    expect(String(live[0].customer.phone)).toContain('*');
  });

  it('shows a black-listing made through the API on the next view, documents still in use', async () => {
    const customer = f.inDistrict;
    expect((await profile(customer)).scores.map((s) => s.table)).not.toContain('risk_list_entries');
    const res = await f.app.inject({ method: 'POST', url: `${API}/risk/inspections`, headers: asSession(risk), payload: { customerId: customer, outcome: 'confirmed' } });
    expect(res.statusCode, res.body).toBe(201);
    expect((await profile(customer)).scores.map((s) => s.table)).toContain('risk_list_entries');
    expect(await profileDocumentsCurrent(f.wh)).toBe(true);
  });

  it('sends the stored document as stored, as JSON', async () => {
    const id = ids[2];
    const res = await f.app.inject({ method: 'GET', url: `${API}/customers/${id}`, headers: asSession(service) });
    const [{ document }] = await f.wh.query<{ document: string }>('SELECT document FROM customer_profile_documents WHERE customer_id = ?', [id]);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toBe(document);
  });

  // The API keeps its answer of profileDocumentsCurrent across write requests: none may write a source.
  it('write requests change no table the documents are made of', async () => {
    const before = await profileSourceStamp(f.wh);
    const admin = await loginAs(f.app, 'admin');
    const tariff = (await f.wh.query<{ id: string }>('SELECT tariff_id AS id FROM customers WHERE customer_id = ?', [ids[5]]))[0].id;
    const send = async (route: string, request: { method: 'POST' | 'PATCH' | 'DELETE'; url: string; headers: Record<string, string>; payload?: object }) => {
      const res = await f.app.inject(request);
      expect(res.statusCode, `${route}: ${res.body}`).toBeLessThan(300);
      return res;
    };
    const sent = new Set<string>();
    const write = (route: string, request: Parameters<typeof send>[1]) => (sent.add(route), send(route, request));
    await write('auth.login', { method: 'POST', url: `${API}/auth/login`, headers: {}, payload: { username: 'analyst', password: passwordOf('analyst') } });
    await write('customers.unmask', { method: 'POST', url: `${API}/customers/${ids[3]}/unmask`, headers: asSession(admin), payload: { fields: ['phone'], reason: 'customer called' } });
    await write('risk.inspections.create', { method: 'POST', url: `${API}/risk/inspections`, headers: asSession(risk), payload: { customerId: ids[4], outcome: 'clear' } });
    await write('tariffs.simulate', { method: 'POST', url: `${API}/tariffs/${tariff}/simulate`, headers: asSession(admin), payload: { customerId: ids[5], from: '2025-03-01', to: '2025-03-03' } });
    await write('admin.users.create', { method: 'POST', url: `${API}/admin/users`, headers: asSession(admin), payload: { username: 'writer', roles: ['analyst'], password: 'password-writer-123' } });
    await write('admin.users.update', { method: 'PATCH', url: `${API}/admin/users/writer`, headers: asSession(admin), payload: { roles: ['service'] } });
    const token = (await write('admin.tokens.create', { method: 'POST', url: `${API}/admin/tokens`, headers: asSession(admin), payload: { username: 'writer', name: 'w', scopes: ['customers:read'] } }))
      .json<{ info: { tokenId: string } }>().info.tokenId;
    await write('admin.tokens.revoke', { method: 'DELETE', url: `${API}/admin/tokens/${token}`, headers: asSession(admin) });
    await write('auth.logout', { method: 'POST', url: `${API}/auth/logout`, headers: asSession(await loginAs(f.app, 'service')) });
    expect(await profileSourceStamp(f.wh)).toBe(before);
    // a new write route must be added above
    expect([...sent].sort()).toEqual(allRoutes.filter((r) => r.method !== 'GET').map((r) => r.id).sort());
  });
});
