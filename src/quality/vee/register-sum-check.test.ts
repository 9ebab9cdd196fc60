import { describe, expect, it } from 'vitest';
import { registerAdvance } from './register-brackets.js';
import { registerSumCheck } from './register-sum-check.js';
import { check, hour, makeSeries, monday } from './series.testkit.js';

const reads = (kwh: number[]) => kwh.map((k, d) => ({ tsMs: monday + d * 24 * hour, kwh: k }));

describe('registerSumCheck', () => {
  const values = Array.from({ length: 72 }, () => 0.5);

  it('accepts interval sums that match the register advance × multiplier', () => {
    expect(check(registerSumCheck, makeSeries(values, { context: { registerReads: reads([100, 112, 124, 136]) } }))).toEqual([]);
    expect(check(registerSumCheck, makeSeries(values, { context: { multiplier: 2, registerReads: reads([100, 106, 112]) } }))).toEqual([]);
  });

  it('flags a mismatch beyond tolerance and handles rollover', () => {
    const flags = check(registerSumCheck, makeSeries(values, { context: { registerReads: reads([100, 112, 130, 50]) } }));
    expect(flags.map((f) => [f.code, f.startIndex, f.endIndex])).toEqual([['register-sum.mismatch', 24, 48], ['register-sum.backwards', 48, 72]]);
    const rolled = check(registerSumCheck, makeSeries(values, { context: { registerReads: reads([999_990, 2, 14]) } }));
    expect(rolled).toEqual([]);
    expect(registerAdvance(999_990, 2, 1_000_000)).toEqual({ kwh: 12, rolledOver: true });
  });

  it('skips brackets with missing intervals and reads off the grid', () => {
    const gappy = values.slice();
    gappy[30] = Number.NaN;
    expect(check(registerSumCheck, makeSeries(gappy, { context: { registerReads: reads([100, 112, 150]) } }))).toEqual([]);
    const offGrid = [{ tsMs: monday + 60_000, kwh: 0 }, { tsMs: monday + 24 * hour, kwh: 50 }];
    expect(check(registerSumCheck, makeSeries(values, { context: { registerReads: offGrid } }))).toEqual([]);
  });
});
