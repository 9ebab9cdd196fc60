import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../../core/errors.js';
import type { FeatureSpecInput } from '../../features/feature-spec.js';
import { rmseOf, syntheticSeries } from '../../forecast.testkit.js';
import type { LoadSeries } from '../../load-series.js';
import { SeasonalNaiveForecaster } from '../seasonal-naive-forecaster.js';
import { GbdtForecaster } from './gbdt-forecaster.js';
import type { GbdtForecasterParamsInput } from './gbdt-forecaster-params.js';

const FEATURES: FeatureSpecInput = { calendar: ['hour', 'dayOfWeek'], exogenous: ['temperature'], loadLagsHours: [48, 168] };
const SMALL = { nEstimators: 150, learningRate: 0.1, numLeaves: 15, minDataInLeaf: 20 };

/** Day-ahead forecasts (24 steps per origin) of the last two weeks. */
function dayAhead(model: GbdtForecaster | SeasonalNaiveForecaster, series: LoadSeries, quantiles: number[] = []) {
  const split = series.length - 14 * 24;
  model.fit(series.slice(0, split));
  const point = new Float64Array(14 * 24);
  const q = new Map(quantiles.map((level) => [level, new Float64Array(14 * 24)]));
  for (let k = 0; k < 14 * 24; k += 24) {
    const forecast = model.predict(series, { origin: series.timestamps[split + k], steps: 24, quantiles });
    point.set(forecast.point, k);
    for (const level of quantiles) q.get(level)?.set(forecast.quantiles.get(level) as Float64Array, k);
  }
  return { point, quantiles: q, actual: series.load.subarray(split) };
}

describe('GbdtForecaster', () => {
  const series = syntheticSeries({ days: 7 * 16, noise: 0.5, seed: 5 });

  it('learns a seasonal, temperature-driven load far better than the seasonal naive baseline', () => {
    const gbdt = dayAhead(new GbdtForecaster({ features: FEATURES, model: SMALL }), series, [0.1, 0.5, 0.9]);
    const naive = dayAhead(new SeasonalNaiveForecaster(), series);
    const error = rmseOf(gbdt.point, gbdt.actual);
    expect(error).toBeLessThan(1.2);
    expect(error).toBeLessThan(0.6 * rmseOf(naive.point, naive.actual));
    const lower = gbdt.quantiles.get(0.1) as Float64Array;
    const upper = gbdt.quantiles.get(0.9) as Float64Array;
    const inside = gbdt.actual.filter((y, i) => y >= lower[i] && y <= upper[i]).length / gbdt.actual.length;
    expect(inside).toBeGreaterThan(0.6);
    expect(inside).toBeLessThan(0.97);
  });

  it('trains quantile models whose forecasts never cross', () => {
    const params: GbdtForecasterParamsInput = { features: FEATURES, model: SMALL, intervals: 'quantile-gbdt', quantileModel: { nEstimators: 60 } };
    const { quantiles } = dayAhead(new GbdtForecaster(params), series, [0.1, 0.5, 0.9]);
    const [low, mid, high] = [0.1, 0.5, 0.9].map((q) => quantiles.get(q) as Float64Array);
    for (let i = 0; i < low.length; i++) expect(low[i] <= mid[i] && mid[i] <= high[i]).toBe(true);
  });

  it('carries a level shift after training when it learns the difference from the recent mean', () => {
    const shifted = series.with({ load: series.load.map((y, i) => y + (i >= series.length - 21 * 24 ? 15 : 0)) });
    const plain = dayAhead(new GbdtForecaster({ features: FEATURES, model: SMALL }), shifted);
    const relative = dayAhead(new GbdtForecaster({ features: FEATURES, model: SMALL, target: 'difference-from-recent-mean' }), shifted);
    expect(rmseOf(relative.point, relative.actual)).toBeLessThan(0.5 * rmseOf(plain.point, plain.actual));
  });

  it('follows a linear trend beyond the training range when it learns the ratio to the trend', () => {
    const growing = series.with({ load: series.load.map((y, i) => y * (1 + i / series.length)) });
    const calendarOnly: FeatureSpecInput = { calendar: ['hour', 'dayOfWeek'], exogenous: ['temperature'] };
    const plain = dayAhead(new GbdtForecaster({ features: calendarOnly, model: SMALL }), growing);
    const ratio = dayAhead(new GbdtForecaster({ features: calendarOnly, model: SMALL, target: 'ratio-to-trend' }), growing);
    expect(rmseOf(ratio.point, ratio.actual)).toBeLessThan(0.7 * rmseOf(plain.point, plain.actual));
  });

  it('fits the trend on the last trendYears only when asked', () => {
    // Flat for the first 12 weeks, then growing: a line over all rows is too flat for the end.
    const knee = 12 * 7 * 24;
    const bent = series.with({ load: series.load.map((y, i) => y * (1 + Math.max(0, i - knee) / 1000)) });
    const calendarOnly: FeatureSpecInput = { calendar: ['hour', 'dayOfWeek'], exogenous: ['temperature'] };
    const all = dayAhead(new GbdtForecaster({ features: calendarOnly, model: SMALL, target: 'ratio-to-trend' }), bent);
    const recent = dayAhead(new GbdtForecaster({ features: calendarOnly, model: SMALL, target: 'ratio-to-trend', trendYears: 14 / 365.25 }), bent);
    expect(rmseOf(recent.point, recent.actual)).toBeLessThan(rmseOf(all.point, all.actual));
  });

    it('refuses a horizon longer than its minimum load lag', () => {
    const model = new GbdtForecaster({ features: FEATURES, model: SMALL }).fit(series.slice(0, series.length - 200));
    expect(() => model.predict(series, { origin: series.timestamps[series.length - 100], steps: 49 })).toThrow(ValidationError);
    expect(() => new GbdtForecaster({ features: { loadLagsHours: [24] } })).toThrow(/minLoadLagHours/);
  });
});
