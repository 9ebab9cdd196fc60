import { describe, expect, it } from 'vitest';
import { check, makeSeries } from './series.testkit.js';
import { zeroRunCheck } from './zero-run-check.js';

const values = Array.from({ length: 80 }, (_, i) => (i >= 20 && i < 50 ? 0 : 1));

describe('zeroRunCheck', () => {
  it('reports 24 h of zeros on an active account as an info signal', () => {
    expect(check(zeroRunCheck, makeSeries(values)).map((f) => [f.startIndex, f.endIndex, f.severity])).toEqual([[20, 50, 'info']]);
    expect(check(zeroRunCheck, makeSeries(values.map((v, i) => (i === 40 ? 1 : v))))).toEqual([]);
  });

  it('stays silent for a closed account', () => {
    expect(check(zeroRunCheck, makeSeries(values, { context: { accountActive: false } }))).toEqual([]);
  });
});
