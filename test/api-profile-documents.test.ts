import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidateReadCaches } from '../src/jobs/api-read-cache.js';
import { buildProfileDocuments, profileDocumentsCurrent } from '../src/jobs/profile-documents.js';
import { API, apiFixture, asSession, loginAs, type ApiFixture, type Session } from './api.testkit.js';

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
});
