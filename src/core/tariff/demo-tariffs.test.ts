import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors.js';
import { demoTariff, demoTariffs } from './demo-tariffs.js';
import { parseTariff } from './parse-tariff.js';
import { energyLadders } from './tiers.js';

const priceOf = (id: string, period: string): number => {
  const tariff = demoTariff(id);
  const index = tariff.china?.periodNames?.indexOf(period) ?? -1;
  return tariff.energyratestructure[index][0].rate;
};

describe('demoTariffs', () => {
  it('has the five Zhejiang demo tariffs, all valid', () => {
    expect(demoTariffs.map((t) => t.tariffId)).toEqual(['ZJ-RES-TIER', 'ZJ-RES-TOU', 'ZJ-GEN-TOU', 'ZJ-LI-TOU', 'ZJ-AGR']);
    for (const tariff of demoTariffs) expect(parseTariff(tariff)).toEqual(tariff);
    expect(() => demoTariff('NOPE')).toThrow(NotFoundError);
  });

  it('carries the published Zhejiang residential prices', () => {
    expect(energyLadders(demoTariff('ZJ-RES-TIER'), 30)[0].map((s) => s.price)).toEqual([0.538, 0.588, 0.838]);
    expect(energyLadders(demoTariff('ZJ-RES-TOU'), 30).map((l) => l.map((s) => s.price))).toEqual([[0.568, 0.618, 0.868], [0.288, 0.338, 0.588]]);
    const schedule = demoTariff('ZJ-RES-TOU').energyweekdayschedule[0];
    expect(schedule.map((p, hour) => (p === 0 ? hour : -1)).filter((h) => h >= 0)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
  });

  it('respects NDRC 2021 No. 1093: peak >= 4 x valley, critical >= 1.2 x peak', () => {
    for (const id of ['ZJ-GEN-TOU', 'ZJ-LI-TOU']) expect(priceOf(id, 'peak') / priceOf(id, 'valley')).toBeGreaterThanOrEqual(4);
    expect(priceOf('ZJ-LI-TOU', 'critical') / priceOf('ZJ-LI-TOU', 'peak')).toBeGreaterThanOrEqual(1.2 - 1e-12);
  });

  it('puts critical peak in July and August working days only', () => {
    const tariff = demoTariff('ZJ-LI-TOU');
    const criticalMonths = tariff.energyweekdayschedule.map((row, month) => (row.includes(0) ? month : -1)).filter((m) => m >= 0);
    expect(criticalMonths).toEqual([6, 7]);
    expect(tariff.energyweekendschedule.flat()).not.toContain(0);
    expect(tariff.china?.holidaysUseWeekendSchedule).toBe(true);
  });
});
