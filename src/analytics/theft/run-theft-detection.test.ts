import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { runTheftDetection, type TheftDetectionResult } from './run-theft-detection.js';
import { FIRST_DAY, householdSeries, meterDayRows, scaledFrom, storeOf } from './theft.testkit.js';
import { queryMeterDays } from './usage-queries.js';

const DAYS = 120;
const THEFT_DAY = 60;
const THIEF = 'C7';
const truth = Array.from({ length: 12 }, (_, i) => householdSeries(DAYS, i + 1, 10 + i));
const metered = truth.map((s, i) => (i === 6 ? scaledFrom(s, THEFT_DAY, 0.3) : s));
const areaInput = Float64Array.from(truth[0], (_, t) => truth.reduce((sum, s) => sum + s[t], 0) / 0.97);
const stolenKwh = truth[6].reduce((sum, v, t) => sum + v - metered[6][t], 0);

let wh: Warehouse;
let result: TheftDetectionResult;

beforeAll(async () => {
  wh = await storeOf(metered, areaInput);
  // Detection must not need the ground truth: take it away.
  await wh.run('DROP SCHEMA truth CASCADE');
  result = await runTheftDetection(wh, { utcOffsetMinutes: 0 });
});
afterAll(async () => wh?.close());

describe('runTheftDetection on a small hand-made store', () => {
  it('aggregates readings in the warehouse exactly as the daily features expect', async () => {
    const rows = await queryMeterDays(wh, { utcOffsetMinutes: 0, nightStartHour: 22, nightEndHour: 6, zeroKwh: 0.0005 });
    const mine = rows.filter((r) => r.meter_id === 7).sort((a, b) => a.day - b.day);
    const expected = meterDayRows(7, metered[6]);
    expect(mine.map((r) => r.day)).toEqual(expected.map((r) => r.day));
    mine.forEach((r, d) => {
      for (const key of ['n', 'kwh', 'zeros', 'night', 'sumsq', 'jumps'] as const) expect(r[key]).toBeCloseTo(expected[d][key], 6);
    });
  });

  it('puts the planted thief first, with rule hits, top features, the load curve and the loss link', () => {
    const [first] = result.inspections;
    expect(first.customerId).toBe(THIEF);
    expect(first.ruleHits.map((h) => h.ruleId)).toContain('sustained_drop');
    expect(first.ruleHits[0].evidence['zh-CN']).toMatch(/%/);
    expect(first.topFeatures.length).toBeGreaterThan(0);
    expect(first.loadCurve.kwh).toHaveLength(56);
    expect(first.loadCurve.changeDate).toBe(new Date((FIRST_DAY + THEFT_DAY) * 86_400_000).toISOString().slice(0, 10));
    expect(first.loss).toMatchObject({ areaId: 'A1', areaFlagged: true, rankInArea: 1 });
    expect(first.summary.en).toContain('expected recoverable');
  });

  it('estimates the recoverable energy within 25% and prices it at 0.6 CNY/kWh', () => {
    const [first] = result.inspections;
    expect(first.recoverableKwh).toBeGreaterThan(0.75 * stolenKwh);
    expect(first.recoverableKwh).toBeLessThan(1.25 * stolenKwh);
    expect(first.recoverableCny).toBeCloseTo(first.recoverableKwh * 0.6, 0);
  });

  it('flags the area and names the thief first in group identification', () => {
    expect(result.areas).toHaveLength(1);
    expect(result.areas[0]).toMatchObject({ areaId: 'A1', flagged: true, customers: 12 });
    expect(result.areas[0].suspects[0].customerId).toBe(THIEF);
  });

  it('runs unsupervised without labels and reports what it did', () => {
    expect(result.stats).toMatchObject({ meters: 12, days: DAYS, supervised: false, ruleSet: 'gridlens-theft@1.0.0', flaggedAreas: 1 });
    expect(result.inspections.map((e) => e.rank)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('keeps the supervised detector off until there are enough labels of each outcome, and cuts the list to `top`', async () => {
    const few = await runTheftDetection(wh, { utcOffsetMinutes: 0, labels: [{ customerId: THIEF, outcome: 'confirmed' }], top: 3 });
    expect(few.stats).toMatchObject({ supervised: false, labelledMeters: 1, confirmedMeters: 1 });
    expect(few.inspections).toHaveLength(3);
  });

  it('rejects bad options with the option named', async () => {
    await expect(runTheftDetection(wh, { lossThreshold: 2 })).rejects.toThrow(/lossThreshold/);
  });
});
