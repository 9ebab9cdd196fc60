import { describe, expect, it } from 'vitest';
import { demoTariff, demoTariffs } from '../../core/tariff/index.js';
import { checkCoverage } from './coverage-gate.js';
import type { CustomerRecord } from './customer-load.js';
import { eligibleTariffs, voltageKv } from './eligibility.js';

const customer = (over: Partial<CustomerRecord>): CustomerRecord => ({
  customerId: 'C1', customerType: 'residential', voltageLevel: '220V', contractKva: 8, tariffId: 'ZJ-RES-TIER', district: 'x', timeZone: 'Asia/Shanghai', meterIds: [1], intervalMinutes: 15, ...over,
});

describe('eligible tariffs', () => {
  it('offers residential customers the residential tariffs only', () => {
    expect(eligibleTariffs(customer({}), demoTariff('ZJ-RES-TIER'), demoTariffs).map((t) => t.tariffId)).toEqual(['ZJ-RES-TIER', 'ZJ-RES-TOU']);
  });

  it('lets 10 kV commercial customers of 315 kVA or more choose the two-part tariff, not small ones', () => {
    const big = customer({ customerType: 'commercial', voltageLevel: '10kV', contractKva: 630 });
    const small = customer({ customerType: 'commercial', voltageLevel: '380V', contractKva: 63 });
    expect(eligibleTariffs(big, demoTariff('ZJ-GEN-TOU'), demoTariffs).map((t) => t.tariffId)).toEqual(['ZJ-GEN-TOU', 'ZJ-LI-TOU']);
    expect(eligibleTariffs(small, demoTariff('ZJ-GEN-TOU'), demoTariffs).map((t) => t.tariffId)).toEqual(['ZJ-GEN-TOU']);
    expect([voltageKv('380V'), voltageKv('10kV'), voltageKv('?')]).toEqual([0.38, 10, Number.NaN]);
  });
});

describe('coverage gate', () => {
  it('passes a full year and names every failed condition', () => {
    expect(checkCoverage({ days: 365, goodDays: 300, readShare: 0.95, estimatedShare: 0.02 }).passed).toBe(true);
    const failed = checkCoverage({ days: 365, goodDays: 200, readShare: 0.6, estimatedShare: 0.3 });
    expect(failed.reasons).toEqual(['too_few_days', 'too_few_reads', 'too_many_estimates']);
    expect(failed.text.en).toBe('200 days with data (270 needed); 60.0% of reads (75% needed); 30.0% of reads estimated (at most 20%)');
  });
});
