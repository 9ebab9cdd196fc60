import { describe, expect, it } from 'vitest';
import { assessValue, groupPercentiles, peerGroups } from './value-assessment.js';
import type { ValueFacts } from './value-facts.js';
import { parseValueParams } from './value-params.js';

function facts(id: string, over: Partial<ValueFacts> = {}): ValueFacts {
  return {
    customerId: id, customerType: 'residential', tenureMonths: 60, revenueCny: 1000, kwh: { peak: 100, flat: 100, valley: 100 }, bills: 12,
    tickets: 0, complaints: 0, hallVisits: 0, paperBills: 0, collections: 0, appEvents: 10, latePayments: 0, payments: 12, returnedPayments: 0, ...over,
  };
}

const window = { from: '2025-01-01', to: '2025-12-31', days: 365 };

describe('assessValue', () => {
  it('computes margin as revenue − time-of-use purchase cost − cost to serve', () => {
    const params = parseValueParams();
    const [v] = assessValue(params, { facts: [facts('A', { tickets: 2, hallVisits: 1, paperBills: 12, collections: 1 })], window, churn: new Map(), credit: null });
    const energy = 100 * 0.62 + 100 * 0.45 + 100 * 0.26;
    const service = 2 * 12 + 25 + 12 * 1.5 + 30;
    expect(v.energyCostCny).toBeCloseTo(energy, 9);
    expect(v.serviceCostCny).toBeCloseTo(service, 9);
    expect(v.marginCny).toBeCloseTo(1000 - energy - service, 9);
    expect(v.annualMarginCny).toBeCloseTo(v.marginCny, 9);
    expect(v.explanation['zh-CN']).toContain('年化毛利');
    expect(v.explanation.en).toContain('annual margin');
  });

  it('ranks profit among peers, puts risky customers at risk, and uses credit ratings when they exist', () => {
    const params = parseValueParams();
    const list = Array.from({ length: 25 }, (_, i) => facts(`C${i}`, { revenueCny: 500 + i * 100 }));
    list.push(facts('LATE', { revenueCny: 5000, latePayments: 12, payments: 12, collections: 6, returnedPayments: 2 }));
    const out = assessValue(params, { facts: list, window, churn: new Map(), credit: null });
    expect(out[24].profitScore).toBeGreaterThan(out[0].profitScore);
    expect(out.find((v) => v.customerId === 'LATE')?.tier).toBe('at-risk');
    const credit = new Map([['C0', { badProbability: 0.45, grade: 'C' }]]);
    const withCredit = assessValue(params, { facts: list, window, churn: new Map(), credit });
    expect(withCredit[0].riskSource).toBe('credit');
    expect(withCredit[0].riskScore).toBeCloseTo(90, 9);
    expect(withCredit[0].tier).toBe('at-risk');
  });
});

describe('peer percentiles', () => {
  it('ranks within groups, sharing ties, and pools small types', () => {
    expect(Array.from(groupPercentiles([1, 2, 2, 3], ['a', 'a', 'a', 'a']))).toEqual([0, 50, 50, 100]);
    expect(peerGroups([...Array(20).fill('residential'), 'shop', 'factory'])).toEqual([...Array(20).fill('residential'), 'other', 'other']);
  });
});
