import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiFixture, asSession, loginAs, type ApiFixture, type Session } from './api.testkit.js';

/** Tags with coverage, the search's segment and tag filters, and the load curve's default window, on stored tag and segment rows. */
let f: ApiFixture;
let marketing: Session;

beforeAll(async () => {
  f = await apiFixture();
  const ids = (await f.wh.query<{ customer_id: string }>('SELECT customer_id FROM customers WHERE customer_id <> ? ORDER BY customer_id LIMIT 2', [f.inDistrict])).map((r) => r.customer_id);
  await f.wh.append('customer_tags', {
    rowCount: 3,
    columns: { customer_id: [ids[0], ids[1], f.inDistrict], tag_id: ['ev_owner', 'ev_owner', 'night_user'], tag_version: [1, 1, 1], as_of: ['2025-03-03', '2025-03-03', '2025-03-03'], evidence: [{}, {}, {}] },
  });
  await f.wh.append('customer_segments', {
    rowCount: 2,
    columns: { run_id: [4, 4], customer_id: [ids[0], f.inDistrict], kind: ['load-shape', 'load-shape'], segment: ['S02', 'S01'], distance: [0.1, 0.2], assigned: [false, false] },
  });
  marketing = await loginAs(f.app, 'marketing');
}, 60_000);
afterAll(async () => f?.close());

const get = (url: string) => f.app.inject({ method: 'GET', url: API + url, headers: asSession(marketing) });

describe('segments, tags and search filters', () => {
  it('tags: the whole catalogue with counts and coverage of the latest tag day', async () => {
    const res = await get('/tags');
    expect(res.statusCode).toBe(200);
    const tags = res.json<{ id: string; customers: number; coverage: number; asOf: string; label: { en: string } }[]>();
    const ev = tags.find((t) => t.id === 'ev_owner')!;
    expect(ev).toMatchObject({ customers: 2, asOf: '2025-03-03' });
    expect(ev.coverage).toBeCloseTo(2 / 60, 6);
    expect(ev.label.en.length).toBeGreaterThan(0);
    expect(tags.find((t) => t.id === 'pv_prosumer')).toMatchObject({ customers: 0, coverage: 0 });
  });

  it('segments without a segmentation run: an empty list', async () => {
    expect((await get('/segments')).json()).toEqual([]);
  });

  it('search filters by segment and tag and shows both on each item', async () => {
    const bySegment = (await get('/customers?segment=S01')).json<{ total: number; items: { customerId: string; segment: string; tags: string[] }[] }>();
    expect(bySegment.total).toBe(1);
    expect(bySegment.items[0]).toMatchObject({ customerId: f.inDistrict, segment: 'S01', tags: ['night_user'] });
    const byTag = (await get('/customers?tag=ev_owner&pageSize=50')).json<{ total: number; items: { tags: string[] }[] }>();
    expect(byTag.total).toBe(2);
    expect(byTag.items.every((i) => i.tags.includes('ev_owner'))).toBe(true);
    expect((await get('/customers?tag=ev_owner&segment=S01')).json<{ total: number }>().total).toBe(0);
    expect((await get('/customers?tag=no%20such')).statusCode).toBe(400);
  });

  it('load curve: without from/to, the last 30 local days of the customer\'s data', async () => {
    const [last] = await f.wh.query<{ day: string }>(`SELECT CAST(CAST(max(r.ts) + INTERVAL 8 HOUR AS DATE) AS VARCHAR) AS day FROM readings r JOIN meters m USING (meter_id)
      WHERE m.customer_id = ? AND r.channel = 1`, [f.inDistrict]);
    const res = await get(`/customers/${f.inDistrict}/load?resolution=1d`);
    expect(res.statusCode, res.body).toBe(200);
    const points = res.json<{ points: { ts: string; kwh: number }[] }>().points;
    expect(points.length).toBeGreaterThan(0);
    expect(points.length).toBeLessThanOrEqual(30);
    const lastLocalDay = new Date(Date.parse(points.at(-1)!.ts) + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(lastLocalDay).toBe(last.day);
    const explicit = (await get(`/customers/${f.inDistrict}/load?resolution=1d&from=2025-03-01&to=2025-03-01`)).json<{ points: unknown[] }>().points;
    expect(explicit).toHaveLength(1);
  });
});
