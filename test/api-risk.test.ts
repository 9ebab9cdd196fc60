import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../src/jobs/audit.js';
import { recordRiskRun } from '../src/jobs/risk-store.js';
import { addUser } from '../src/jobs/users.js';
import { API, apiFixture, asSession, loginAs, passwordOf, type ApiFixture, type Session } from './api.testkit.js';

/**
 * The risk routes on a stored theft run and credit run: the inspection list masked and limited to
 * the caller's districts, an inspection outcome recorded (audited, black-listing a confirmed theft),
 * lists, credit and the risk overview reflecting it.
 */
let f: ApiFixture;
let risk: Session;
let regionalRisk: Session;

beforeAll(async () => {
  f = await apiFixture();
  await addUser(f.wh, { username: 'regional-risk', roles: ['risk'], regions: [f.district], password: passwordOf('regional-risk') }, 'test');
  const meters = await f.wh.query<{ customer_id: string; meter_id: number; area_id: string | null }>(
    'SELECT m.customer_id, m.meter_id, c.area_id FROM meters m JOIN customers c USING (customer_id) WHERE m.customer_id IN (?, ?) ORDER BY m.customer_id', [f.inDistrict, f.outside]);
  await recordRiskRun(f.wh, { runId: 1, kind: 'theft', asOf: '2025-03-03', modelVersion: 'test', model: null, metrics: {}, stats: {} });
  await f.wh.append('theft_scores', {
    rowCount: meters.length,
    columns: {
      run_id: meters.map(() => 1), rank: meters.map((_, i) => i + 1), customer_id: meters.map((m) => m.customer_id), meter_id: meters.map((m) => m.meter_id),
      area_id: meters.map((m) => m.area_id ?? 'A1'), score: meters.map((_, i) => 0.9 - i * 0.1), recoverable_kwh: meters.map(() => 120), recoverable_cny: meters.map(() => 64.8),
      evidence: meters.map(() => ({ rules: ['sudden-drop'], contributions: { dropRatio: 0.4 }, curve: [{ date: '2025-03-01', kwh: 3.2 }] })),
    },
  });
  await recordRiskRun(f.wh, { runId: 2, kind: 'credit', asOf: '2025-03-03', modelVersion: 'test', model: null, metrics: {}, stats: {} });
  await f.wh.append('credit_ratings', {
    rowCount: 1,
    columns: {
      customer_id: [f.inDistrict], run_id: [2], as_of: ['2025-03-03'], score: [612.5], bad_probability: [0.03], grade: ['A'], demerit_rating: [95], cash_only: [false],
      reasons: [[{ code: 'late-payments', points: -12 }]], model_version: ['test'],
    },
  });
  risk = await loginAs(f.app, 'risk');
  regionalRisk = await loginAs(f.app, 'regional-risk');
}, 60_000);
afterAll(async () => f?.close());

const get = (s: Session, url: string) => f.app.inject({ method: 'GET', url: API + url, headers: asSession(s) });

describe('risk routes', () => {
  it('list theft suspects with evidence, names masked, only in the caller\'s districts, audited', async () => {
    const all = await get(risk, '/risk/theft?top=10');
    expect(all.statusCode).toBe(200);
    const body = all.json<{ runId: number; entries: { customerId: string; name: string; evidence: { rules: string[] } }[] }>();
    expect(body.runId).toBe(1);
    expect(body.entries.map((e) => e.customerId).sort()).toEqual([f.inDistrict, f.outside].sort());
    const [clearName] = await f.wh.query<{ name: string }>('SELECT name FROM customers WHERE customer_id = ?', [f.inDistrict]);
    const mine = body.entries.find((e) => e.customerId === f.inDistrict)!;
    expect(mine.name).not.toBe(clearName.name);
    expect(mine.name).toContain('*');
    expect(mine.evidence.rules).toEqual(['sudden-drop']);
    const scoped = (await get(regionalRisk, '/risk/theft')).json<{ entries: { customerId: string }[] }>();
    expect(scoped.entries.map((e) => e.customerId)).toEqual([f.inDistrict]);
    expect((await listAudit(f.wh, { page: 1, pageSize: 10, action: 'risk.theft.view' })).items.length).toBeGreaterThanOrEqual(2);
  });

  it('record a confirmed theft: 201, stored, audited, black-listed; outside the districts is 404', async () => {
    const outside = await f.app.inject({ method: 'POST', url: `${API}/risk/inspections`, headers: asSession(regionalRisk), payload: { customerId: f.outside, outcome: 'confirmed' } });
    expect(outside.statusCode).toBe(404);
    const res = await f.app.inject({ method: 'POST', url: `${API}/risk/inspections`, headers: asSession(regionalRisk), payload: { customerId: f.inDistrict, outcome: 'confirmed', note: 'bypass found' } });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<{ id: string; recorded: { inspector: string }; labels: { confirmed: number } }>();
    expect(created.id).toContain(f.inDistrict);
    expect(created.recorded.inspector).toBe('regional-risk');
    expect(created.labels.confirmed).toBe(1);
    const rows = await f.wh.query<{ outcome: string; note: string }>('SELECT outcome, note FROM inspection_outcomes WHERE customer_id = ?', [f.inDistrict]);
    expect(rows).toEqual([{ outcome: 'confirmed', note: 'bypass found' }]);
    const audit = await listAudit(f.wh, { page: 1, pageSize: 10, action: 'risk.inspection' });
    expect(audit.items[0]).toMatchObject({ actor: 'regional-risk', target: f.inDistrict });

    const black = (await get(risk, '/risk/lists?kind=black')).json<{ entries: { customerId: string; name: string; ruleId: string }[] }>();
    expect(black.entries).toHaveLength(1);
    expect(black.entries[0]).toMatchObject({ customerId: f.inDistrict, ruleId: 'black.theft' });
    expect(black.entries[0].name).toContain('*');
    const overview = (await get(risk, '/risk/overview')).json<{ theft: { listed: number; inspections: { confirmed: number } }; lists: { black: number } }>();
    expect(overview.theft).toMatchObject({ listed: 2, inspections: { confirmed: 1 } });
    expect(overview.lists.black).toBe(1);
  });

  it('credit of a customer, audited; no rating is 404; alerts empty before a warning run', async () => {
    const credit = await get(risk, `/credit/${f.inDistrict}`);
    expect(credit.statusCode).toBe(200);
    expect(credit.json()).toMatchObject({ customerId: f.inDistrict, grade: 'A', score: 612.5, reasons: [{ code: 'late-payments' }] });
    expect((await get(risk, `/credit/${f.outside}`)).statusCode).toBe(404);
    expect((await get(regionalRisk, `/credit/${f.outside}`)).statusCode).toBe(404);
    expect((await listAudit(f.wh, { page: 1, pageSize: 10, action: 'customer.credit.view' })).items[0]).toMatchObject({ target: f.inDistrict });
    expect((await get(risk, '/risk/alerts')).json()).toEqual({ runId: null, alerts: [] });
  });

  it('bad input is a 400 naming the field', async () => {
    const res = await f.app.inject({ method: 'POST', url: `${API}/risk/inspections`, headers: asSession(risk), payload: { customerId: f.inDistrict, outcome: 'maybe' } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toContain('body.outcome');
    expect((await get(risk, '/risk/lists?kind=green')).statusCode).toBe(400);
  });
});
