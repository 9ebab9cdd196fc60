import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { allocateDemand, basicChargeBasis, basicChargeLines, flatDemandLines, touDemandLines } from './demand.js';
import { demoTariff, scheduleOf } from './demo-tariffs.js';
import { testTariff } from './tariff.testkit.js';

describe('allocateDemand', () => {
  it('splits kW over cumulative tiers', () => {
    const tiers = [{ max: 100, rate: 10 }, { max: 300, rate: 8, adj: 0.5 }, { rate: 6 }];
    expect(allocateDemand(tiers, 350)).toEqual([{ tier: 0, kw: 100, price: 10 }, { tier: 1, kw: 200, price: 8.5 }, { tier: 2, kw: 50, price: 6 }]);
    expect(allocateDemand(tiers, 0)).toEqual([]);
  });
});

describe('demand lines', () => {
  const tariff = testTariff({
    demandratestructure: [[{ rate: 0 }], [{ rate: 12.5 }]],
    demandweekdayschedule: scheduleOf(() => 1),
    demandweekendschedule: scheduleOf(() => 0),
    flatdemandstructure: [[{ rate: 5 }], [{ rate: 7 }]],
    flatdemandmonths: [0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0],
    demandratchetpercentage: Array<number>(12).fill(0.8),
  });

  it('prices each TOU demand period at its own peak', () => {
    const lines = touDemandLines(tariff, Float64Array.of(30, 20));
    expect(lines.map((l) => [l.code, l.quantity, l.amount])).toEqual([['DEMAND.p0.T1', 30, 0], ['DEMAND.p1.T1', 20, 250]]);
  });

  it('prices flat demand by month and applies the ratchet', () => {
    expect(flatDemandLines(tariff, 6, 40, undefined).map((l) => l.amount)).toEqual([280]);
    // ratchet: 80% of a 100 kW look-back peak = 80 kW > 40 kW; January rate 5 -> 400
    const [line] = flatDemandLines(tariff, 0, 40, 100);
    expect([line.quantity, line.amount]).toEqual([80, 400]);
    expect(line.explanationZh).toContain('按棘轮 80% × 100 kW 计');
  });
});

describe('basic charge', () => {
  const tariff = demoTariff('ZJ-LI-TOU');

  it('defaults to capacity and rejects a basis the tariff does not price', () => {
    expect(basicChargeBasis(tariff, undefined)).toBe('capacity');
    expect(basicChargeBasis(demoTariff('ZJ-RES-TIER'), undefined)).toBeUndefined();
    expect(() => basicChargeBasis(demoTariff('ZJ-GEN-TOU'), 'demand')).toThrow(ValidationError);
  });

  it('bills contract kVA or the maximum demand', () => {
    expect(basicChargeLines(tariff, 'capacity', 630, 500).map((l) => [l.code, l.amount])).toEqual([['CAPACITY', 18900]]);
    expect(basicChargeLines(tariff, 'demand', 630, 512.25).map((l) => [l.code, l.amount])).toEqual([['MAX_DEMAND', 20490]]);
    expect(() => basicChargeLines(tariff, 'capacity', undefined, 500)).toThrow(/options.contractKva: required/);
  });
});
