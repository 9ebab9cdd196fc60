import { describe, expect, it } from 'vitest';
import { computeBill, demoTariffs, type BillUsage } from '../../core/tariff/index.js';
import { localMidnightUtc } from '../../core/time/index.js';
import { billSlotMonth, simulateYear } from './slot-bill.js';
import { billingMonths, lastCompleteMonth, slotUsageOf } from './slot-usage.js';

/** 15-minute usage over [start, end) local dates with a seeded irregular profile. */
function noisyUsage(start: string, end: string, seed: number): BillUsage {
  const startMs = localMidnightUtc(start, 'Asia/Shanghai');
  const n = (localMidnightUtc(end, 'Asia/Shanghai') - startMs) / 900_000;
  const kwh = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const hour = Math.floor((i % 96) / 4);
    kwh[i] = (hour >= 8 && hour < 20 ? 30 : 10) + (s / 2147483648) * 20;
  }
  return { startMs, intervalMinutes: 15, kwh, timeZone: 'Asia/Shanghai' };
}

describe('billSlotMonth', () => {
  const usage = noisyUsage('2025-01-01', '2026-01-01', 7);
  const months = billingMonths('2025-12-31');
  const slots = slotUsageOf(usage, months);

  it('equals computeBill on the intervals for every demo tariff and month (holidays, critical peak, demand)', () => {
    for (const tariff of demoTariffs) {
      let before = 0;
      months.forEach((m, i) => {
        const options = { tierYearKwhBefore: before, contractKva: 500, powerFactor: 0.88 };
        const engine = computeBill(tariff, usage, { periodStart: m.periodStart, periodEnd: m.periodEnd, ...options });
        const fast = billSlotMonth(tariff, slots, i, options);
        expect(fast.lines.map((l) => [l.code, l.amount]), `${tariff.tariffId} ${m.periodStart}`).toEqual(engine.lines.map((l) => [l.code, l.amount]));
        expect(fast.total).toBe(engine.total);
        expect(fast.peakKw).toBeCloseTo(engine.peakKw, 9);
        before = engine.tierYearKwhAfter;
      });
    }
  });

  it('simulateYear over a calendar year equals the sum of the engine bills', () => {
    const tariff = demoTariffs.find((t) => t.tariffId === 'ZJ-RES-TOU')!;
    let before = 0;
    let sum = 0;
    for (const m of months) {
      const bill = computeBill(tariff, usage, { periodStart: m.periodStart, periodEnd: m.periodEnd, tierYearKwhBefore: before });
      before = bill.tierYearKwhAfter;
      sum += bill.total;
    }
    expect(simulateYear(tariff, slots).total).toBeCloseTo(sum, 2);
  });
});

describe('billing months', () => {
  it('lists 12 months ending with the given one and finds the last complete month', () => {
    const months = billingMonths('2026-09-30');
    expect(months[0]).toMatchObject({ year: 2025, month: 9, periodStart: '2025-10-01', periodEnd: '2025-11-01', days: 31 });
    expect(months[11].periodEnd).toBe('2026-10-01');
    expect(lastCompleteMonth('2026-10-30')).toBe('2026-09-30');
    expect(lastCompleteMonth('2026-10-31')).toBe('2026-10-31');
  });
});

describe('billSlotMonthTotal', () => {
  it('equals billSlotMonth for every demo tariff, with and without power factor and capacity', async () => {
    const { billSlotMonthTotal, simulateYearTotal } = await import('./slot-bill-total.js');
    const usage = noisyUsage('2025-01-01', '2026-01-01', 3);
    const slots = slotUsageOf(usage, billingMonths('2025-12-31'));
    for (const tariff of demoTariffs) {
      for (const options of [{ contractKva: 630, powerFactor: 0.95, tierYearKwhBefore: 2000 }, { contractKva: 400 }]) {
        for (let m = 0; m < 12; m++) expect(billSlotMonthTotal(tariff, slots, m, options).total).toBe(billSlotMonth(tariff, slots, m, options).total);
      }
      expect(simulateYearTotal(tariff, slots, { contractKva: 500 })).toBe(simulateYear(tariff, slots, { contractKva: 500 }).total);
    }
  });
});
