import { describe, expect, it } from 'vitest';
import { demoTariff } from './demo-tariffs.js';
import { governmentFundLines } from './government-funds.js';

describe('governmentFundLines', () => {
  it('bills each fund on all kWh', () => {
    const lines = governmentFundLines(demoTariff('ZJ-GEN-TOU'), 10000);
    expect(lines.map((l) => [l.code, l.amount])).toEqual([['FUND.renewable_energy', 190], ['FUND.water_project', 19.63], ['FUND.reservoir_resettlement', 62]]);
    expect(lines[0].explanationZh).toBe('可再生能源电价附加：10000 kWh × 0.019 元/kWh');
  });

  it('bills nothing when the prices include the funds', () => {
    expect(governmentFundLines(demoTariff('ZJ-RES-TOU'), 10000)).toEqual([]);
  });
});
