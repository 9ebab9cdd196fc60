import { describe, expect, it } from 'vitest';
import { rankCollections } from './collection-list.js';

describe('rankCollections', () => {
  it('ranks customers in arrears by PD x exposure and leaves the others unranked', () => {
    const ranked = rankCollections([
      { customerId: 'A', pdLate: 0.5, pdDefault: 0.1, outstandingCny: 1000, exposureCny: 1200, daysPastDue: 10 },
      { customerId: 'B', pdLate: 0.9, pdDefault: 0.6, outstandingCny: 100, exposureCny: 300, daysPastDue: 40 },
      { customerId: 'C', pdLate: 0.9, pdDefault: 0.9, outstandingCny: 0, exposureCny: 500, daysPastDue: 0 },
    ]);
    expect(ranked.map((r) => [r.customerId, r.rank])).toEqual([['A', 2], ['B', 1], ['C', 0]]);
    expect(ranked[1].expectedLossCny).toBeCloseTo(180);
    expect(ranked[2].expectedLossCny).toBeCloseTo(450);
  });
});
