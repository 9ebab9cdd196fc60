import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { regressionPairs } from './fixtures/metric-fixtures.testkit.js';
import { intervalCoverage, mae, mape, pinballLoss, rmse, wrmse } from './regression-metrics.js';

// Expected values: scikit-learn 1.2.1 on the same fixture, from fixtures/reference.py.
const { actual, predicted, weights } = regressionPairs();

describe('regression metrics', () => {
  it('equal scikit-learn on the fixture', () => {
    expect(rmse(actual, predicted)).toBeCloseTo(3.375920980879768, 12);
    expect(mae(actual, predicted)).toBeCloseTo(2.92053887861548, 12);
    expect(wrmse(actual, predicted, weights)).toBeCloseTo(3.4064319140847554, 12);
    expect(pinballLoss(actual, predicted, 0.9)).toBeCloseTo(1.5240976048882586, 12);
  });

  it('mape skips zero actuals (sklearn on the non-zero rows) and is a fraction', () => {
    expect(actual.filter((a) => a === 0).length).toBeGreaterThan(10);
    expect(mape(actual, predicted)).toBeCloseTo(0.23085164721367743, 12);
    expect(mape([100, 0], [110, 5])).toBeCloseTo(0.1, 15);
    expect(() => mape([0, 0], [1, 2])).toThrow(ValidationError);
  });

  it('interval coverage counts bounds as inside', () => {
    const lower = predicted.map((q) => q - 4);
    const upper = predicted.map((q) => q + 4);
    expect(intervalCoverage(actual, lower, upper)).toBeCloseTo(0.71, 15);
    expect(intervalCoverage([1, 2, 3], [1, 0, 4], [1, 1, 5])).toBeCloseTo(1 / 3, 15);
    expect(() => intervalCoverage([1], [2], [1])).toThrow(ValidationError);
  });

  it('rejects vectors of different or zero length', () => {
    expect(() => rmse([1, 2], [1])).toThrow(ValidationError);
    expect(() => mae([], [])).toThrow(ValidationError);
    expect(() => pinballLoss([1], [1], 1)).toThrow(ValidationError);
  });
});
