import { describe, expect, it } from 'vitest';
import { scoreForecast } from './forecast-scores.js';

describe('scoreForecast', () => {
  it('scores points, quantiles and the interval, skipping unknown actuals', () => {
    const actual = [10, 20, NaN, 40];
    const point = [12, 18, 5, 40];
    const quantiles = new Map([[0.1, [11, 15, 0, 30]], [0.9, [13, 25, 9, 50]]]);
    const s = scoreForecast(actual, point, quantiles);
    expect(s.points).toBe(3);
    expect(s.rmse).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(s.mae).toBeCloseTo(4 / 3, 12);
    expect(s.mape).toBeCloseTo((0.2 + 0.1 + 0) / 3, 12);
    expect(s.coverage).toEqual({ lower: 0.1, upper: 0.9, nominal: 0.8, observed: 2 / 3 });
    expect(s.pinball['0.1']).toBeCloseTo((0.9 * 1 + 0.1 * 5 + 0.1 * 10) / 3, 12);
  });

  it('leaves MAPE out when actuals are not all positive and the coverage out without an interval', () => {
    const s = scoreForecast([-1, 2], [0, 2]);
    expect(s.mape).toBeNull();
    expect(s.coverage).toBeNull();
  });
});
