import { describe, expect, it } from 'vitest';
import { fixedChargeLines, minimumChargeLine } from './fixed-charges.js';
import { testTariff } from './tariff.testkit.js';

describe('fixed charges', () => {
  it('bills monthly charges once and daily charges per day', () => {
    const tariff = testTariff({ fixedmonthlycharge: 7.57, fixedchargefirstmeter: 0.5, fixedchargeunits: '$/day' });
    expect(fixedChargeLines(tariff, 30).map((l) => [l.code, l.quantity, l.amount])).toEqual([['FIXED', 1, 7.57], ['FIXED_METER', 30, 15]]);
    expect(fixedChargeLines(testTariff(), 30)).toEqual([]);
  });

  it('tops a bill up to the minimum charge', () => {
    const tariff = testTariff({ mincharge: 20 });
    expect(minimumChargeLine(tariff, 30, 12.34)?.amount).toBe(7.66);
    expect(minimumChargeLine(tariff, 30, 25)).toBeUndefined();
    expect(minimumChargeLine(testTariff({ mincharge: 1, minchargeunits: '$/day' }), 31, 30)?.amount).toBe(1);
  });
});
