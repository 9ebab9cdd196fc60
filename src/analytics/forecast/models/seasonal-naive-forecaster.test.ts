import { describe, expect, it } from 'vitest';
import { syntheticSeries } from '../forecast.testkit.js';
import { SeasonalNaiveForecaster } from './seasonal-naive-forecaster.js';

describe('SeasonalNaiveForecaster', () => {
  // A purely weekly load: the same hour last week is the exact answer.
  const series = syntheticSeries({ days: 42, load: ({ hour, weekday }) => 10 + hour + 5 * weekday });
  const origin = series.timestamps[28 * 24];

  it('repeats the same hour last week, also beyond one week ahead', () => {
    const model = new SeasonalNaiveForecaster().fit(series.slice(0, 28 * 24));
    const forecast = model.predict(series, { origin, steps: 14 * 24, quantiles: [0.1, 0.9] });
    expect(Array.from(forecast.point)).toEqual(Array.from(series.load.subarray(28 * 24, 42 * 24)));
    expect(Array.from(forecast.quantiles.get(0.1) ?? [])).toEqual(Array.from(forecast.point));
    expect(forecast.timestamps[0]).toBe(origin);
  });

  it('falls back to the week before a missing value, and supports other seasons', () => {
    const load = Float64Array.from(series.load);
    load[21 * 24 + 5] = Number.NaN;
    const gappy = series.with({ load });
    const forecast = new SeasonalNaiveForecaster().predict(gappy, { origin, steps: 24 });
    expect(forecast.point[5]).toBe(series.load[14 * 24 + 5]);
    const daily = new SeasonalNaiveForecaster({ seasonHours: 24 }).predict(series, { origin, steps: 24 });
    expect(daily.point[3]).toBe(series.load[27 * 24 + 3]);
  });

  it('rejects bad requests and parameters', () => {
    const model = new SeasonalNaiveForecaster();
    expect(() => model.predict(series, { origin, steps: 0 })).toThrow(/cannot forecast 0 steps/);
    expect(() => model.predict(series, { origin, steps: 24, quantiles: [1.5] })).toThrow(/quantile level/);
    expect(() => new SeasonalNaiveForecaster({ seasonHours: 0 })).toThrow(/seasonHours/);
  });
});
