import { describe, expect, it } from 'vitest';
import { dailyLoadFactors, dailyPeakKw, meanKwByHour } from './load-statistics.js';
import { hangzhouContext } from './simulation.testkit.js';

describe('load statistics', () => {
  const ctx = hangzhouContext('2024-05-01', 2, 60);
  const kwh = Float64Array.from({ length: ctx.steps }, (_, t) => (ctx.hourOfDay[t] >= 12 && ctx.hourOfDay[t] < 18 ? 4 : 1));

  it('computes daily load factors, peaks and hourly means', () => {
    expect(dailyLoadFactors(ctx, kwh)[0]).toBeCloseTo((6 * 4 + 18) / 24 / 4, 12);
    expect(dailyPeakKw(ctx, kwh)[1]).toBe(4);
    const byHour = meanKwByHour(ctx, kwh);
    expect(byHour[13]).toBe(4);
    expect(byHour[3]).toBe(1);
    expect(Number.isNaN(dailyLoadFactors(ctx, new Float64Array(ctx.steps))[0])).toBe(true);
  });
});
