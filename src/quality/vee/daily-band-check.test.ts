import { describe, expect, it } from 'vitest';
import { dailyBandCheck } from './daily-band-check.js';
import { check, daily, makeSeries } from './series.testkit.js';

describe('dailyBandCheck', () => {
  it('flags complete days far outside the band around the median of nearby days', () => {
    const values = daily(20, (h, d) => (d === 5 ? 4 : d === 12 ? 0.1 : 1) * (0.5 + h / 48));
    const flags = check(dailyBandCheck, makeSeries(values));
    expect(flags.map((f) => [f.code, f.startIndex, f.endIndex])).toEqual([['daily-band.high', 120, 144], ['daily-band.low', 288, 312]]);
    expect(flags[0].facts?.date).toBe('2024-03-09');
  });

  it('does not judge days with a missing slot', () => {
    const values = daily(20, (h, d) => (d === 5 ? 4 : 1));
    values[5 * 24 + 3] = Number.NaN;
    expect(check(dailyBandCheck, makeSeries(values))).toEqual([]);
  });
});
