import { describe, expect, it } from 'vitest';
import { createForecaster, LoadSeries } from '../../analytics/forecast/index.js';
import { rollingWindows, runBacktest } from './backtest.js';

const H = 3_600_000;
const weekly = Float64Array.from({ length: 24 * 7 * 6 }, (_, i) => 10 + (i % 168) / 10);
const series = LoadSeries.regular(0, { intervalMinutes: 60, load: weekly });

describe('backtest', () => {
  it('cuts rolling windows up to the end of the series', () => {
    const windows = rollingWindows(series, 24 * 7 * 5 * H, 48);
    expect(windows).toHaveLength(4);
    expect(windows[3]).toEqual({ origin: (24 * 7 * 5 + 144) * H, steps: 24 });
  });

  it('fits once, forecasts each window through the interface and scores the forecasts', () => {
    const split = 24 * 7 * 4;
    const plan = { train: series.slice(0, split), series, windows: rollingWindows(series, split * H, 24), quantiles: [0.1, 0.9] };
    const result = runBacktest(createForecaster('seasonal-naive'), plan);
    expect(result.model).toBe('seasonal-naive');
    expect(result.point).toHaveLength(series.length - split);
    expect(result.scores.rmse).toBe(0);
    expect(result.scores.coverage?.observed).toBe(1);
    expect(result.fitSeconds).toBeGreaterThanOrEqual(0);
  });

  it('scores against a separately kept truth', () => {
    const split = 24 * 7 * 5;
    const truth = Float64Array.from(weekly, (v, i) => (i >= split ? v + 1 : v));
    const result = runBacktest(createForecaster('seasonal-naive'), { train: series, series: series.maskLoadFrom(split), windows: [{ origin: split * H, steps: 168 }], actual: truth });
    expect(result.scores.mae).toBeCloseTo(1, 12);
  });
});
