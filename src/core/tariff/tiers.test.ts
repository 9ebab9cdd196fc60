import { describe, expect, it } from 'vitest';
import { demoTariff } from './demo-tariffs.js';
import { allocateTiers, energyLadders, energyLines } from './tiers.js';
import { testTariff } from './tariff.testkit.js';

describe('energyLadders', () => {
  it('adds the China tier adders to each period base price', () => {
    const ladders = energyLadders(demoTariff('ZJ-RES-TOU'), 30);
    expect(ladders.map((l) => l.map((s) => s.price))).toEqual([[0.568, 0.618, 0.868], [0.288, 0.338, 0.588]]);
    expect(ladders[0].map((s) => s.upToKwh)).toEqual([2760, 4800, Infinity]);
  });

  it('uses rate + adj and scales daily URDB bounds by the days billed', () => {
    const tariff = testTariff({ energyratestructure: [[{ max: 10, unit: 'kWh daily', rate: 0.1, adj: 0.01 }, { rate: 0.2 }]] });
    expect(energyLadders(tariff, 30)).toEqual([[{ upToKwh: 300, price: 0.11 }, { upToKwh: Infinity, price: 0.2 }]]);
  });
});

describe('allocateTiers', () => {
  const ladders = energyLadders(demoTariff('ZJ-RES-TOU'), 30);

  it('splits the tier parts between periods in proportion to their kWh', () => {
    // 2,500 before, peak 300 + valley 100: tier 1 260 kWh (195 / 65), tier 2 140 kWh (105 / 35)
    const slices = allocateTiers(Float64Array.of(300, 100), 2500, ladders);
    expect(slices.map((s) => [s.period, s.tier, s.kwh])).toEqual([[0, 0, 195], [0, 1, 105], [1, 0, 65], [1, 1, 35]]);
    expect(slices.every((s) => s.proportional)).toBe(true);
  });

  it('keeps a bill inside one tier whole', () => {
    const slices = allocateTiers(Float64Array.of(300, 100), 0, ladders);
    expect(slices.map((s) => [s.tier, s.kwh, s.proportional])).toEqual([[0, 300, false], [0, 100, false]]);
  });

  it('returns nothing for a bill without energy', () => {
    expect(allocateTiers(Float64Array.of(0, 0), 100, ladders)).toEqual([]);
  });
});

describe('energyLines', () => {
  it('codes lines by period and tier and explains the split', () => {
    const ladders = energyLadders(demoTariff('ZJ-RES-TOU'), 30);
    const lines = energyLines(Float64Array.of(300, 100), 2500, ladders, { periodNames: ['peak', 'valley'], currency: 'CNY', accumulation: 'annual', tiered: true });
    expect(lines[1]).toEqual({
      code: 'ENERGY.peak.T2', quantity: 105, unit: 'kWh', rate: 0.618, amount: 64.89,
      explanationZh: '高峰电度电费：105 kWh × 0.618 元/kWh，第2档（年度累计 2760–2900 kWh），该档 140 kWh 按高峰电量占比 75% 分摊',
      explanationEn: "Peak energy charge: 105 kWh × 0.618 CNY/kWh, tier 2 (year-to-date 2760–2900 kWh), 75% of the tier's 140 kWh by peak share",
    });
  });
});
