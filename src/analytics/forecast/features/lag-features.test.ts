import { describe, expect, it } from 'vitest';
import { LoadSeries } from '../load-series.js';
import { laggedValues, laggedWindowMean, previousDayMeans } from './lag-features.js';
import { localClock } from './local-clock.js';

describe('lag features', () => {
  const values = Float64Array.from([1, 2, 3, 4, 5, NaN, 7]);

  it('lags values, NaN before the start', () => {
    expect(Array.from(laggedValues(values, 2))).toEqual([NaN, NaN, 1, 2, 3, 4, 5]);
    expect(Array.from(laggedValues(values, 1, 5, 7))).toEqual([5, NaN]);
  });

  it('averages the known values of a lagged window', () => {
    expect(Array.from(laggedWindowMean(values, 1, 2))).toEqual([NaN, 1, 1.5, 2.5, 3.5, 4.5, 5]);
  });

  it('averages the previous local days', () => {
    const load = Float64Array.from({ length: 72 }, (_, i) => Math.floor(i / 24) * 10 + (i % 24));
    const series = LoadSeries.regular(Date.UTC(2021, 0, 1), { intervalMinutes: 60, load });
    const means = previousDayMeans(load, localClock(series), 1);
    expect(means[10]).toBeNaN();
    expect(means[30]).toBeCloseTo(11.5, 12);
    expect(means[71]).toBeCloseTo(21.5, 12);
  });
});
