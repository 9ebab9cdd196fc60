import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLoadShapes } from '../src/analytics/features/index.js';
import { createDemo } from '../src/jobs/create-demo.js';
import { runFeatures } from '../src/jobs/features.js';
import { batchFromRows } from '../src/core/record-batch.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import type { Row, Warehouse } from '../src/warehouse/warehouse.js';

/** Rows of a table in a stable order, without the wall-clock column. */
async function snapshot(wh: Warehouse, table: string, order: string, where = ''): Promise<Row[]> {
  const rows = await wh.query(`SELECT * FROM ${table} ${where} ORDER BY ${order}`);
  return rows.map(({ computed_at: _ignored, ...rest }) => rest);
}

/** Equal rows, numbers (also inside JSON columns) to 6 decimals: sums aggregated in another order differ in the last bits. */
function expectSameRows(a: Row[], b: Row[]): void {
  expect(a.length).toBe(b.length);
  const same = (v: unknown, w: unknown, where: string): void => {
    if (typeof v === 'string' && v.startsWith('{') && typeof w === 'string') return same(JSON.parse(v), JSON.parse(w), where);
    if (typeof v === 'number' && typeof w === 'number') expect(w, where).toBeCloseTo(v, 6);
    else if (v && typeof v === 'object' && !(v instanceof Date) && w && typeof w === 'object') {
      expect(Object.keys(w).sort(), where).toEqual(Object.keys(v).sort());
      for (const [k, x] of Object.entries(v)) same(x, (w as Record<string, unknown>)[k], `${where}.${k}`);
    } else expect(w, where).toEqual(v);
  };
  for (let i = 0; i < a.length; i++) for (const [k, v] of Object.entries(a[i])) same(v, b[i][k], `${k} of row ${i}`);
}

describe('feature store (gridlens run features)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gridlens-features-'));
  const db = join(dir, 'store.duckdb');
  let wh: Warehouse;

  beforeAll(async () => {
    await createDemo({ db }, { customers: 200, days: 40, intervalMinutes: 60, start: '2025-11-01' });
    wh = await openDuckDb(db);
  }, 90_000);
  afterAll(async () => {
    await wh?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('updates incrementally to exactly what a full recompute gives', async () => {
    // Hold back the readings from local noon of 2025-12-05 on: the last stored day is then partial.
    const cutoff = new Date(Date.UTC(2025, 11, 5, 4));
    await wh.run('CREATE TEMP TABLE held AS SELECT * FROM readings WHERE ts >= ?', [cutoff]);
    await wh.run('DELETE FROM readings WHERE ts >= ?', [cutoff]);
    const first = await runFeatures(wh, { full: true });
    expect(first.asOf).toBe('2025-12-05');
    expect(first.customers).toBe(200);

    await wh.run('INSERT INTO readings SELECT * FROM held');
    const incremental = await runFeatures(wh, {});
    expect(incremental.incremental).toBe(true);
    expect(incremental.recomputedFrom).toBe('2025-12-05');
    expect(incremental.asOf).toBe('2025-12-10');
    // only the days from the last stored one were recomputed, not the history
    expect(incremental.dayRows).toBeLessThanOrEqual(200 * 6);
    const after = {
      features: await snapshot(wh, 'customer_features', 'customer_id', "WHERE as_of = DATE '2025-12-10'"),
      months: await snapshot(wh, 'customer_month_features', 'customer_id, month'),
      days: await snapshot(wh, 'customer_day_features', 'customer_id, day'),
      tags: await snapshot(wh, 'customer_tags', 'customer_id, tag_id', "WHERE as_of = DATE '2025-12-10'"),
    };
    const full = await runFeatures(wh, { full: true });
    expect(full.dayRows).toBeGreaterThan(incremental.dayRows * 5);
    expectSameRows(after.days, await snapshot(wh, 'customer_day_features', 'customer_id, day'));
    expectSameRows(after.months, await snapshot(wh, 'customer_month_features', 'customer_id, month'));
    expectSameRows(after.features, await snapshot(wh, 'customer_features', 'customer_id', "WHERE as_of = DATE '2025-12-10'"));
    expectSameRows(after.tags, await snapshot(wh, 'customer_tags', 'customer_id, tag_id', "WHERE as_of = DATE '2025-12-10'"));
    // computing in chunks of customers (how large stores bound memory) gives the same rows
    await runFeatures(wh, { full: true, chunkCustomers: 37 });
    expectSameRows(after.days, await snapshot(wh, 'customer_day_features', 'customer_id, day'));
    expectSameRows(after.months, await snapshot(wh, 'customer_month_features', 'customer_id, month'));
    expectSameRows(after.features, await snapshot(wh, 'customer_features', 'customer_id', "WHERE as_of = DATE '2025-12-10'"));
  }, 90_000);

  it('stores honest coverage and sensible load features', async () => {
    const rows = await wh.query<Row>('SELECT * FROM customer_features WHERE as_of = DATE \'2025-12-10\'');
    for (const r of rows) {
      expect(Number(r.days)).toBeGreaterThan(0);
      expect(Number(r.missing_share)).toBeGreaterThanOrEqual(0);
      expect(Number(r.missing_share)).toBeLessThan(0.5);
      expect(Number(r.load_factor)).toBeLessThanOrEqual(1);
      let shape = 0;
      for (let h = 0; h < 24; h++) shape += Number(r[`shape_h${String(h).padStart(2, '0')}`]);
      expect(shape).toBeCloseTo(1, 9);
    }
    // the shapes in the table agree with readLoadShapes over the same days
    const shapes = await readLoadShapes(wh, { timeZone: 'Asia/Shanghai', from: '2025-11-01', to: '2025-12-11', customerIds: ['C00000001', 'C00000002'] });
    const stored = rows.filter((r) => r.customer_id === 'C00000001')[0];
    expect(shapes.customerIds).toEqual(['C00000001', 'C00000002']);
    expect(shapes.meanDailyKwh[0]).toBeGreaterThan(0);
    expect(Number(stored.shape_h12)).toBeCloseTo(shapes.shapes[12], 2);
  });

  it('tags EV owners, PV prosumers and night-shift households with precision ≥ 0.85 against the generator', async () => {
    const truth = await wh.query<{ customer_id: string; archetype: string; has_ev: boolean; has_pv: boolean }>('SELECT * FROM truth.customers');
    const tags = await wh.query<{ customer_id: string; tag_id: string }>("SELECT customer_id, tag_id FROM customer_tags WHERE as_of = DATE '2025-12-10'");
    const byId = new Map(truth.map((t) => [t.customer_id, t]));
    const check = (tagId: string, isTrue: (t: (typeof truth)[number]) => boolean) => {
      const tagged = tags.filter((t) => t.tag_id === tagId);
      const hits = tagged.filter((t) => isTrue(byId.get(t.customer_id)!)).length;
      const positives = truth.filter(isTrue).length;
      expect(positives).toBeGreaterThan(0);
      expect(tagged.length).toBeGreaterThan(0);
      expect(hits / tagged.length, `${tagId} precision`).toBeGreaterThanOrEqual(0.85);
      expect(hits / positives, `${tagId} recall`).toBeGreaterThanOrEqual(0.5);
    };
    check('ev_owner', (t) => t.has_ev);
    check('pv_prosumer', (t) => t.has_pv);
    check('night_user', (t) => t.archetype === 'residential_night_shift');
  });

  it('rejects bad options with a clear message', async () => {
    await expect(runFeatures(wh, { from: '2025-13-01' })).rejects.toThrow(/from: not a date/);
    await expect(runFeatures(wh, { from: '2025-12-01', to: '2025-11-01' })).rejects.toThrow(/not before/);
    await expect(runFeatures(wh, { timeZone: 'Nowhere/City' })).rejects.toThrow(/unknown time zone/);
    await expect(runFeatures(wh, { windowDays: 0 })).rejects.toThrow(/windowDays/);
  });
});

describe('feature store without readings', () => {
  it('still computes the non-load features, as of today, and says so', async () => {
    const wh = await openDuckDb(':memory:');
    try {
      await migrate(wh);
      await wh.append('customers', batchFromRows([{
        customer_id: 'C1', name: '张三', customer_type: 'residential', industry_code: 'RES', region: 'r', district: 'd', address: 'a', phone: '13800000000',
        id_number: 'x', voltage_level: '220V', contract_capacity_kva: 8, tariff_id: 'T', area_id: 'A1', feeder_id: 'F', open_date: '2020-01-01',
        status: 'active', marketing_consent: false, time_zone: 'Asia/Shanghai',
      }]));
      const r = await runFeatures(wh, { now: new Date('2026-03-01T12:00:00Z') });
      expect(r.hasReadings).toBe(false);
      expect(r.asOf).toBe('2026-03-01');
      expect(r.customers).toBe(1);
      expect(r.dayRows).toBe(0);
      const [row] = await wh.query<{ days: number; missing_share: number; bills: number }>('SELECT days, missing_share, bills FROM customer_features');
      expect(row).toEqual({ days: 0, missing_share: 1, bills: 0 });
    } finally {
      await wh.close();
    }
  });
});
