import { afterEach, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../warehouse/warehouse.js';
import { featureStoreOf, repeatDays } from './features.testkit.js';
import { normaliseShape, readLoadShapes } from './load-shape.js';

const evening = Array.from({ length: 24 }, (_, h) => (h >= 18 && h <= 21 ? 2 : 0.5));
const night = Array.from({ length: 24 }, (_, h) => (h < 6 ? 3 : 0.25));

describe('normaliseShape', () => {
  it('scales to shares and returns the total', () => {
    const v = [1, 3, 0, 0];
    expect(normaliseShape(v, 0, 4)).toBe(4);
    expect(v).toEqual([0.25, 0.75, 0, 0]);
  });
  it('treats negatives and NaN as zero and flattens an empty row', () => {
    const v = new Float64Array([0, -1, Number.NaN, 0]);
    expect(normaliseShape(v, 0, 4)).toBe(0);
    expect([...v]).toEqual([0.25, 0.25, 0.25, 0.25]);
    const w = [5, 5, -2, 1, 1];
    normaliseShape(w, 1, 3);
    expect(w).toEqual([5, 5 / 6, 0, 1 / 6, 1]);
  });
});

describe('readLoadShapes', () => {
  let wh: Warehouse | undefined;
  afterEach(async () => { await wh?.close(); wh = undefined; });

  it('returns each customer’s local-hour shape, mean daily kWh and days, ignoring missing intervals', async () => {
    const b = repeatDays(night, 10);
    for (let d = 0; d < 5; d++) b[d * 24 + 2] = Number.NaN; // hour 2 missing on some days: its mean is unaffected
    b.fill(Number.NaN, 24 * 9); // the 10th day entirely missing
    wh = await featureStoreOf([
      { customerId: 'A', meterId: 1, hourly: repeatDays(evening, 7) },
      { customerId: 'B', meterId: 2, hourly: b },
    ]);
    const out = await readLoadShapes(wh, { timeZone: 'Asia/Shanghai' });
    expect(out.customerIds).toEqual(['A', 'B']);
    const total = (p: number[]) => p.reduce((s, x) => s + x, 0);
    for (let h = 0; h < 24; h++) {
      expect(out.shapes[h]).toBeCloseTo(evening[h] / total(evening), 12);
      expect(out.shapes[24 + h]).toBeCloseTo(night[h] / total(night), 12);
    }
    expect(out.meanDailyKwh[0]).toBeCloseTo(total(evening), 9);
    expect(out.meanDailyKwh[1]).toBeCloseTo(total(night), 9);
    expect([...out.days]).toEqual([7, 9]);
  });

  it('uses the given time zone for the hour of day', async () => {
    wh = await featureStoreOf([{ customerId: 'A', meterId: 1, hourly: repeatDays(evening, 3) }]);
    const utc = await readLoadShapes(wh, { timeZone: 'UTC' });
    // local 18:00 in Shanghai is 10:00 UTC
    expect(utc.shapes[10]).toBeGreaterThan(utc.shapes[18]);
  });

  it('honours from/to (local dates) and a customer filter, and sums a customer’s meters', async () => {
    wh = await featureStoreOf([
      { customerId: 'A', meterId: 1, hourly: repeatDays(evening, 6) },
      { customerId: 'A', meterId: 2, hourly: repeatDays(night, 6) },
      { customerId: 'B', meterId: 3, hourly: repeatDays(night, 6) },
    ]);
    const out = await readLoadShapes(wh, { timeZone: 'Asia/Shanghai', from: '2026-01-06', to: '2026-01-08', customerIds: ['A'] });
    expect(out.customerIds).toEqual(['A']);
    expect(out.days[0]).toBe(2);
    const sum = evening.map((v, h) => v + night[h]);
    expect(out.meanDailyKwh[0]).toBeCloseTo(sum.reduce((s, x) => s + x, 0), 9);
    expect(out.shapes[0]).toBeCloseTo(sum[0] / out.meanDailyKwh[0], 12);
    const none = await readLoadShapes(wh, { timeZone: 'Asia/Shanghai', customerIds: [] });
    expect(none.customerIds).toEqual([]);
  });

  it('rejects bad dates and zones with a clear error', async () => {
    wh = await featureStoreOf([{ customerId: 'A', meterId: 1, hourly: repeatDays(evening, 1) }]);
    await expect(readLoadShapes(wh, { timeZone: 'Asia/Shanghai', from: '2026-13-45x' })).rejects.toThrow(/from: not a date/);
    await expect(readLoadShapes(wh, { timeZone: 'Mars/Olympus' })).rejects.toThrow(/unknown time zone/);
    await expect(readLoadShapes(wh, { timeZone: 'UTC', from: '2026-02-01', to: '2026-01-01' })).rejects.toThrow(/not before/);
  });
});
