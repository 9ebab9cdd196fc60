import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { computeBill, type BillResult } from './bill-engine.js';
import { demoTariff } from './demo-tariffs.js';
import { daysBetween, peakValleyUsage, syntheticUsage } from './usage.testkit.js';

const amountOf = (bill: BillResult, code: string): number | undefined => bill.lines.find((l) => l.code === code)?.amount;
const codes = (bill: BillResult): string[] => bill.lines.map((l) => l.code);

describe('computeBill: Zhejiang annual tiers with peak/valley (hand-computed)', () => {
  const tou = demoTariff('ZJ-RES-TOU');
  const flat = demoTariff('ZJ-RES-TIER');

  it('crosses tier 1 -> 2 mid-year in a month with peak and valley use', () => {
    // June 2025, 2,500 kWh earlier in the year; peak 300 kWh, valley 100 kWh (shares 75% / 25%).
    // Cumulative 2,500 -> 2,900: tier 1 (<= 2,760) holds 260 kWh, tier 2 holds 140 kWh.
    //   tier 1 peak   260 x 0.75 = 195 kWh x 0.568 = 110.76
    //   tier 1 valley 260 x 0.25 =  65 kWh x 0.288 =  18.72
    //   tier 2 peak   140 x 0.75 = 105 kWh x 0.618 =  64.89
    //   tier 2 valley 140 x 0.25 =  35 kWh x 0.338 =  11.83
    //   total 206.20
    const bill = computeBill(tou, peakValleyUsage('2025-06-01', '2025-07-01', 300, 100), {
      periodStart: '2025-06-01', periodEnd: '2025-07-01', tierYearKwhBefore: 2500,
    });
    expect(amountOf(bill, 'ENERGY.peak.T1')).toBe(110.76);
    expect(amountOf(bill, 'ENERGY.valley.T1')).toBe(18.72);
    expect(amountOf(bill, 'ENERGY.peak.T2')).toBe(64.89);
    expect(amountOf(bill, 'ENERGY.valley.T2')).toBe(11.83);
    expect(bill.energyCharge).toBe(206.2);
    expect(bill.total).toBe(206.2);
    expect(bill.tierYearKwhAfter).toBeCloseTo(2900, 6);
    expect(bill.kwhByPeriod.peak).toBeCloseTo(300, 6);
    expect(bill.lines[0].explanationZh).toContain('按高峰电量占比 75% 分摊');
  });

  it('crosses two thresholds in one month', () => {
    // August 2025, 2,700 kWh before; peak 1,320 kWh, valley 880 kWh (60% / 40%), 2,200 kWh in all.
    // Cumulative 2,700 -> 4,900: tier 1 60 kWh, tier 2 2,040 kWh (to 4,800), tier 3 100 kWh.
    //   tier 1 peak     36 x 0.568 =  20.448 ->  20.45    valley   24 x 0.288 =   6.912 ->   6.91
    //   tier 2 peak  1,224 x 0.618 = 756.432 -> 756.43    valley  816 x 0.338 = 275.808 -> 275.81
    //   tier 3 peak     60 x 0.868 =  52.08               valley   40 x 0.588 =  23.52
    //   total 20.45 + 6.91 + 756.43 + 275.81 + 52.08 + 23.52 = 1,135.20
    const bill = computeBill(tou, peakValleyUsage('2025-08-01', '2025-09-01', 1320, 880), {
      periodStart: '2025-08-01', periodEnd: '2025-09-01', tierYearKwhBefore: 2700,
    });
    expect(bill.lines.map((l) => [l.code, l.amount])).toEqual([
      ['ENERGY.peak.T1', 20.45], ['ENERGY.peak.T2', 756.43], ['ENERGY.peak.T3', 52.08],
      ['ENERGY.valley.T1', 6.91], ['ENERGY.valley.T2', 275.81], ['ENERGY.valley.T3', 23.52],
    ]);
    expect(bill.total).toBe(1135.2);
  });

  it('prices the flat (non-TOU) tariff by annual tier', () => {
    // September 2025, 4,700 kWh before, 300 kWh: tier 2 100 kWh x 0.588 = 58.80, tier 3 200 kWh x 0.838 = 167.60.
    const days = daysBetween('2025-09-01', '2025-10-01');
    const usage = syntheticUsage('2025-09-01', '2025-10-01', () => 300 / (days * 24));
    const bill = computeBill(flat, usage, { periodStart: '2025-09-01', periodEnd: '2025-10-01', tierYearKwhBefore: 4700 });
    expect(bill.lines.map((l) => [l.code, l.amount])).toEqual([['ENERGY.all.T2', 58.8], ['ENERGY.all.T3', 167.6]]);
    expect(bill.total).toBe(226.4);
    expect(bill.kwhByPeriod).toEqual({ all: expect.closeTo(300, 6) });
    // Early in the year the same 300 kWh stay in tier 1: 300 x 0.538 = 161.40.
    expect(computeBill(flat, usage, { periodStart: '2025-09-01', periodEnd: '2025-10-01' }).total).toBe(161.4);
  });

  it('resets the tiers on 1 January inside a bill spanning December -> January', () => {
    // 2024-12-16 .. 2025-01-15, peak 10 kWh and valley 5 kWh a day, 4,700 kWh of 2024 before.
    // 2024 part, 16 days: peak 160, valley 80 (2/3, 1/3); cumulative 4,700 -> 4,940:
    //   tier 2 100 kWh: peak 66.667 x 0.618 = 41.20, valley 33.333 x 0.338 = 11.2667 -> 11.27
    //   tier 3 140 kWh: peak 93.333 x 0.868 = 81.0133 -> 81.01, valley 46.667 x 0.588 = 27.44
    // 2025 part, 15 days: peak 150, valley 75, cumulative 0 -> 225, all tier 1:
    //   peak 150 x 0.568 = 85.20, valley 75 x 0.288 = 21.60
    // total 41.20 + 11.27 + 81.01 + 27.44 + 85.20 + 21.60 = 267.72
    const usage = peakValleyUsage('2024-12-16', '2025-01-16', 310, 155);
    const bill = computeBill(tou, usage, { periodStart: '2024-12-16', periodEnd: '2025-01-16', tierYearKwhBefore: 4700 });
    expect(Object.fromEntries(bill.lines.map((l) => [l.code, l.amount]))).toEqual({
      'ENERGY.peak.T2.2024': 41.2, 'ENERGY.peak.T3.2024': 81.01, 'ENERGY.valley.T2.2024': 11.27, 'ENERGY.valley.T3.2024': 27.44,
      'ENERGY.peak.T1.2025': 85.2, 'ENERGY.valley.T1.2025': 21.6,
    });
    expect(bill.total).toBe(267.72);
    expect(bill.tierYearKwhAfter).toBeCloseTo(225, 6);
    expect(bill.lines[0].explanationZh).toContain('2024年累计');
  });

  it('starts a January bill from zero: tier 3 in December, tier 1 in January', () => {
    // December 2025 with 4,900 kWh before: 500 kWh x 0.838 = 419.00; January 2026: 500 kWh x 0.538 = 269.00.
    const dec = syntheticUsage('2025-12-01', '2026-01-01', () => 500 / (31 * 24));
    const jan = syntheticUsage('2026-01-01', '2026-02-01', () => 500 / (31 * 24));
    const december = computeBill(flat, dec, { periodStart: '2025-12-01', periodEnd: '2026-01-01', tierYearKwhBefore: 4900 });
    const january = computeBill(flat, jan, { periodStart: '2026-01-01', periodEnd: '2026-02-01' });
    expect([december.total, january.total]).toEqual([419, 269]);
    expect(() => computeBill(flat, jan, { periodStart: '2026-01-01', periodEnd: '2026-02-01', tierYearKwhBefore: 5400 }))
      .toThrow(/tierYearKwhBefore: 5400 must be 0 for a bill starting on 1 January/);
  });
});

describe('computeBill: large-industry two-part TOU', () => {
  const tariff = demoTariff('ZJ-LI-TOU');
  // July 2025: 400 kW all month in 15-minute intervals (100 kWh each), plus one 600 kW interval at
  // 2025-07-15 10:00 (a Tuesday, critical peak). 23 working days, 8 weekend days, no holidays.
  //   critical 23 d x 3 h x 400 + 50          = 27,650 kWh x 1.206 = 33,345.90
  //   peak     (23 x 4 + 8 x 7) h x 400        = 59,200 kWh x 1.005 = 59,496.00
  //   flat     31 x 5 h x 400                   = 62,000 kWh x 0.630 = 39,060.00
  //   valley   31 x 12 h x 400                  = 148,800 kWh x 0.245 = 36,456.00   energy 168,357.90
  //   capacity 1,000 kVA x 30 = 30,000.00 | maximum demand 600 kW x 40 = 24,000.00
  //   power factor 0.93 vs 0.90: -0.45% of (energy + basic)
  //   funds on 297,650 kWh: x 0.019 = 5,655.35, x 0.001963 = 584.29, x 0.0062 = 1,845.43 (8,085.07)
  const july = syntheticUsage('2025-07-01', '2025-08-01', ({ day, hour, minute }) => {
    const spike = day === 20284 && hour === 10 && minute === 0; // 2025-07-15
    return spike ? 150 : 100;
  }, { intervalMinutes: 15 });
  const options = { periodStart: '2025-07-01', periodEnd: '2025-08-01', contractKva: 1000, powerFactor: 0.93 };

  it('bills critical peak in July on working days, with a capacity charge', () => {
    const bill = computeBill(tariff, july, options);
    expect(bill.kwhByPeriod).toEqual({ critical: 27650, peak: 59200, flat: 62000, valley: 148800 });
    expect(bill.energyCharge).toBe(168357.9);
    expect(amountOf(bill, 'ENERGY.critical.T1')).toBe(33345.9);
    expect(amountOf(bill, 'CAPACITY')).toBe(30000);
    expect(codes(bill)).not.toContain('MAX_DEMAND');
    // (168,357.90 + 30,000) x -0.45% = -892.61055 -> -892.61
    expect(amountOf(bill, 'PF_ADJUST')).toBe(-892.61);
    expect(bill.fundsCharge).toBe(8085.07);
    expect(bill.demandCharge).toBe(30000);
    expect(bill.total).toBe(205550.36);
    expect(bill.peakKw).toBe(600);
  });

  it('bills the maximum-demand basic charge instead when asked', () => {
    // (168,357.90 + 24,000) x -0.45% = -865.61055 -> -865.61; total 192,357.90 - 865.61 + 8,085.07
    const bill = computeBill(tariff, july, { ...options, basicChargeBasis: 'demand' });
    expect(amountOf(bill, 'MAX_DEMAND')).toBe(24000);
    expect(bill.lines.find((l) => l.code === 'MAX_DEMAND')?.explanationZh).toBe('基本电费（按需量）：本月最大需量 600 kW × 40 元/kW·月');
    expect(codes(bill)).not.toContain('CAPACITY');
    expect(bill.total).toBe(199577.36);
  });

  it('has no critical peak outside July and August', () => {
    const june = syntheticUsage('2025-06-01', '2025-07-01', () => 100, { intervalMinutes: 15 });
    const bill = computeBill(tariff, june, { ...options, periodStart: '2025-06-01', periodEnd: '2025-07-01' });
    expect(bill.kwhByPeriod.critical).toBe(0);
    expect(codes(bill).filter((c) => c.startsWith('ENERGY'))).toEqual(['ENERGY.peak.T1', 'ENERGY.flat.T1', 'ENERGY.valley.T1']);
  });

  it('requires the contract capacity for a capacity charge', () => {
    expect(() => computeBill(tariff, july, { periodStart: '2025-07-01', periodEnd: '2025-08-01' })).toThrow(/options.contractKva: required/);
  });
});

describe('computeBill: inputs', () => {
  const tariff = demoTariff('ZJ-GEN-TOU');
  const usage = syntheticUsage('2025-03-01', '2025-04-01', () => 1);

  it('explains every line in both languages', () => {
    const bill = computeBill(tariff, usage, { periodStart: '2025-03-01', periodEnd: '2025-04-01', powerFactor: 0.8 });
    for (const line of bill.lines) {
      expect(line.explanationZh).toMatch(/[\u4e00-\u9fff]/);
      expect(line.explanationEn).toMatch(/^[\x20-\x7e–×]+$/);
    }
    expect(codes(bill)).toEqual(['ENERGY.peak.T1', 'ENERGY.flat.T1', 'ENERGY.valley.T1', 'PF_ADJUST',
      'FUND.renewable_energy', 'FUND.water_project', 'FUND.reservoir_resettlement']);
    expect(bill.coverage).toBe(1);
  });

  it('bills only the intervals inside the period and reports coverage', () => {
    const half = computeBill(tariff, usage, { periodStart: '2025-03-16', periodEnd: '2025-04-16' });
    expect(half.kwhTotal).toBe(16 * 24);
    expect(half.coverage).toBeCloseTo((16 * 24) / (31 * 24), 10);
  });

  it('rejects bad options and values with the field named', () => {
    const bad = (opts: object, use = usage) => () => computeBill(tariff, use, { periodStart: '2025-03-01', periodEnd: '2025-04-01', ...opts });
    expect(bad({ periodEnd: '2025-02-01' })).toThrow(/options.periodEnd/);
    expect(bad({ periodStart: '2025/03/01' })).toThrow(/options.periodStart/);
    expect(bad({ tierYearKwhBefore: -1 })).toThrow(/options.tierYearKwhBefore/);
    expect(bad({}, { ...usage, intervalMinutes: 7 })).toThrow(/usage.intervalMinutes/);
    expect(bad({}, { ...usage, timeZone: 'Mars/Olympus' })).toThrow(/usage.timeZone/);
    const withNaN = { ...usage, kwh: usage.kwh.slice() };
    withNaN.kwh[5] = Number.NaN;
    expect(bad({}, withNaN)).toThrow(ValidationError);
    expect(bad({}, withNaN)).toThrow(/usage.kwh\[5\]/);
  });
});

describe('computeBill: performance', () => {
  it('computes 10,000 monthly bills of 15-minute data in under 5 s', () => {
    const tariff = demoTariff('ZJ-LI-TOU');
    const usage = syntheticUsage('2025-07-01', '2025-08-01', ({ hour }) => 50 + hour, { intervalMinutes: 15 });
    const options = { periodStart: '2025-07-01', periodEnd: '2025-08-01', contractKva: 1000, powerFactor: 0.92 };
    const started = performance.now();
    let total = 0;
    for (let i = 0; i < 10_000; i++) total += computeBill(tariff, usage, options).total;
    const elapsedMs = performance.now() - started;
    expect(total).toBeGreaterThan(0);
    expect(elapsedMs).toBeLessThan(5000);
    // well under 0.1 ms per 100 values
    expect(elapsedMs / 10_000 / (usage.kwh.length / 100)).toBeLessThan(0.1);
  });
});
