import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { holidaysOn, syntheticSeries } from './forecast.testkit.js';
import { createForecaster, forecasterNames, registerForecaster } from './forecaster-registry.js';

/** Parameters that make each model read as much history as it can (load lags for the trees). */
const PARAMS: Record<string, unknown> = {
  gbdt: {
    features: { calendar: ['hour', 'dayOfWeek', 'holiday'], exogenous: ['temperature'], loadLagsHours: [48, 72, 168], loadWindowMeansHours: [24] },
    target: 'difference-from-recent-mean',
    model: { nEstimators: 40, learningRate: 0.2 },
  },
};

describe('forecaster registry', () => {
  it('knows the four models by name and rejects unknown names and bad parameters', () => {
    expect(forecasterNames()).toEqual(expect.arrayContaining(['seasonal-naive', 'vanilla-mlr', 'recency-mlr', 'gbdt']));
    expect(() => createForecaster('prophet')).toThrow(/unknown forecaster prophet/);
    expect(() => createForecaster('vanilla-mlr', { ridge: -1 })).toThrow(ValidationError);
    expect(() => registerForecaster('gbdt', () => createForecaster('gbdt'))).toThrow(/already registered/);
  });

  it.each(['seasonal-naive', 'vanilla-mlr', 'recency-mlr', 'gbdt'])('%s: shuffling the load after the origin does not change the forecast', (name) => {
    const series = syntheticSeries({ days: 7 * 12, noise: 1, holidays: holidaysOn(['2021-02-15']) });
    const split = series.length - 7 * 24;
    const model = createForecaster(name, PARAMS[name]).fit(series.slice(0, split));
    const request = { origin: series.timestamps[split], steps: 48, quantiles: [0.1, 0.9] };
    const before = model.predict(series, request);
    const future = Array.from(series.load.subarray(split)).reverse();
    const shuffled = series.with({ load: series.load.map((v, i) => (i >= split ? future[i - split] * 3 : v)) });
    const after = model.predict(shuffled, request);
    expect(Array.from(after.point)).toEqual(Array.from(before.point));
    expect(Array.from(after.quantiles.get(0.9) ?? [])).toEqual(Array.from(before.quantiles.get(0.9) ?? []));
    expect(before.point.every(Number.isFinite)).toBe(true);
  });
});
