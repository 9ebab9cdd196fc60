import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdr3ExportSchema } from '../src/analytics/dr/index.js';
import { drBaseline, drEventCreate, drEventList, drEventSimulate, drExport, drProgramCreate, drSettle, type DrEventCreateResult, type DrEventSimulateResult } from '../src/jobs/dr.js';
import { loadSynthetic } from '../src/jobs/load-synthetic.js';
import { parseSynthOptions } from '../src/synth/synth-options.js';
import { openDuckDb } from '../src/warehouse/duckdb/index.js';
import { migrate } from '../src/warehouse/migrations/index.js';
import type { Warehouse } from '../src/warehouse/warehouse.js';

/**
 * Demand response on the demo utility (40 customers, 45 days of 15-minute data from 2025-09-26):
 * a programme, an event on Wednesday 2025-11-05 17:00–20:00 with targeting, the simulated response
 * against every baseline, settlement and the OpenADR 3 export.
 */
const config = { db: ':memory:' };
let wh: Warehouse;
let created: DrEventCreateResult;
let simulated: DrEventSimulateResult;

beforeAll(async () => {
  wh = await openDuckDb(':memory:', { threads: 1 });
  await migrate(wh);
  await loadSynthetic(wh, parseSynthOptions({ customers: 40, days: 45, start: '2025-09-26' }));
  await drProgramCreate(config, { programId: 'P1', name: 'Peak', nameZh: '削峰', priceCny: 3, baselineMethod: 'miso-10-day', penaltyCnyPerKw: 10 }, wh);
  created = await drEventCreate(config, { programId: 'P1', date: '2025-11-05', targets: 12 }, wh);
  simulated = await drEventSimulate(config, { eventId: created.event.eventId, seed: 7 }, wh);
}, 120_000);
afterAll(async () => wh?.close());

describe('dr event create (targeting)', () => {
  it('targets the customers with the most expected kW and enrols everyone with shiftable load', async () => {
    expect(created.event.eventId).toBe('P1-20251105-1700');
    expect(created.targets).toHaveLength(12);
    const scores = created.targets.map((t) => t.scoreKw);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const t of created.targets) expect(t.scoreKw).toBeCloseTo(t.shiftableKw * t.responseLikelihood, 9);
    const [{ n }] = await wh.query<{ n: number }>('SELECT count(*) AS n FROM dr_enrolments WHERE program_id = ?', ['P1']);
    expect(Number(n)).toBe(created.enrolled);
    await expect(drEventCreate(config, { programId: 'P1', date: '2025-11-05' }, wh)).rejects.toThrow(/already exists/);
    await expect(drEventCreate(config, { programId: 'NOPE', date: '2025-11-05' }, wh)).rejects.toThrow(/NOPE not found/);
    await expect(drEventCreate(config, { programId: 'P1', date: '2025-11-06', start: '20:00', end: '17:00' }, wh)).rejects.toThrow(/crosses midnight/);
  });
});

describe('dr event simulate', () => {
  it('removes the simulated reduction from the metered event window, for responders only', async () => {
    expect(simulated.skipped).toEqual([]);
    const rows = await wh.query<{ customer_id: string; responded: boolean; actual_kwh: number; simulated_reduction_kwh: number }>(
      "SELECT customer_id, responded, actual_kwh, simulated_reduction_kwh FROM dr_event_results WHERE event_id = ? AND method = 'pge-10-in-10'", [created.event.eventId]);
    const metered = await wh.query<{ customer_id: string; kwh: number }>(`
      SELECT m.customer_id, sum(r.kwh) AS kwh FROM readings r JOIN meters m ON m.meter_id = r.meter_id
      WHERE r.channel = 1 AND r.ts >= ? AND r.ts < ? GROUP BY m.customer_id`, [new Date(created.event.startMs), new Date(created.event.endMs)]);
    const meteredBy = new Map(metered.map((m) => [m.customer_id, Number(m.kwh)]));
    expect(rows).toHaveLength(12);
    for (const r of rows) {
      expect(r.actual_kwh + r.simulated_reduction_kwh).toBeCloseTo(meteredBy.get(r.customer_id)!, 6);
      if (!r.responded) expect(r.simulated_reduction_kwh).toBe(0);
      else expect(r.simulated_reduction_kwh).toBeGreaterThan(0);
    }
    expect(simulated.responded).toBe(rows.filter((r) => r.responded).length);
  });

  it('measures the delivered reduction against every baseline', () => {
    expect(simulated.methods.map((m) => m.method)).toEqual(expect.arrayContaining(['pge-5-of-10', 'miso-10-day', 'caiso-10-in-10', 'ercot-middle-8-of-10', 'previous-day']));
    for (const m of simulated.methods) {
      expect(m.customers).toBe(12);
      expect(m.reductionKwh).toBeGreaterThanOrEqual(0);
      expect(m.simulatedReductionKwh).toBeCloseTo(simulated.methods[0].simulatedReductionKwh, 9);
    }
  });
});

describe('dr settle, export, baseline', () => {
  it('pays reduction × price, floored at zero, with non-performance penalties', async () => {
    const s = await drSettle(config, { eventId: created.event.eventId }, wh);
    expect(s.method).toBe('miso-10-day');
    expect(s.customers).toHaveLength(12);
    for (const c of s.customers) {
      expect(c.reductionKwh).toBeGreaterThanOrEqual(0);
      expect(c.paymentCny).toBeCloseTo(Math.round(c.reductionKwh * 3 * 100) / 100, 9);
      expect(c.penaltyCny).toBeCloseTo(Math.round(Math.max(0, 0.5 * c.committedKw - c.reductionKw) * 10 * 100) / 100, 9);
    }
    const [{ paid }] = await wh.query<{ paid: number }>('SELECT sum(payment_cny) AS paid FROM dr_event_results WHERE event_id = ? AND method = ?', [created.event.eventId, 'miso-10-day']);
    expect(Number(paid)).toBeCloseTo(s.totals.paymentCny, 6);
    expect((await drEventList(config, {}, wh)).events[0]).toMatchObject({ status: 'settled', targetCount: 12 });
    await expect(drEventSimulate(config, { eventId: created.event.eventId }, wh)).rejects.toThrow(/settled/);
  });

  it('exports a schema-valid OpenADR 3 document whose report carries the settled intervals', async () => {
    const doc = await drExport(config, { eventId: created.event.eventId, format: 'openadr3' }, wh);
    expect(openAdr3ExportSchema.safeParse(doc).success).toBe(true);
    expect(doc.events[0].intervalPeriod).toEqual({ start: '2025-11-05T09:00:00.000Z', duration: 'PT3H' });
    const resources = doc.reports[0].resources;
    expect(resources).toHaveLength(12);
    expect(resources[0].intervals).toHaveLength(12);
    await expect(drExport(config, { eventId: created.event.eventId, format: 'csv' }, wh)).rejects.toThrow(/not supported/);
  });

  it('gives a customer\'s baselines for a later day with the event day excluded', async () => {
    const customer = created.targets[0].customerId;
    const b = await drBaseline(config, { customerId: customer, date: '2025-11-06' }, wh);
    expect(b.excludedEventDays).toEqual(['2025-11-05']);
    for (const m of b.methods) {
      expect(m.status).toBe('baseline');
      expect(m.days).not.toContain('2025-11-05');
      expect(m.intervals).toHaveLength(12);
    }
    await expect(drBaseline(config, { customerId: customer, date: '2025-11-06', method: 'nope' }, wh)).rejects.toThrow(/known: pge-5-of-10/);
    await expect(drBaseline(config, { customerId: 'NOPE', date: '2025-11-06' }, wh)).rejects.toThrow(/customer NOPE not found/);
  });
});
