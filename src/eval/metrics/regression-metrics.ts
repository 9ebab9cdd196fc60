import { ValidationError } from '../../core/errors.js';
import { sameLength, type Vector } from './metric-input.js';

/** Root mean squared error. */
export function rmse(actual: Vector, predicted: Vector): number {
  const n = sameLength('rmse', actual, predicted);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (actual[i] - predicted[i]) ** 2;
  return Math.sqrt(sum / n);
}

/** Weighted RMSE: √(Σ w(a − p)² / Σ w); weights must be non-negative with a positive sum. */
export function wrmse(actual: Vector, predicted: Vector, weights: Vector): number {
  const n = sameLength('wrmse', actual, predicted, weights);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!(weights[i] >= 0)) throw new ValidationError(`wrmse: weight ${i} is ${weights[i]}`, { index: i });
    sum += weights[i] * (actual[i] - predicted[i]) ** 2;
    total += weights[i];
  }
  if (total <= 0) throw new ValidationError('wrmse: weights sum to zero');
  return Math.sqrt(sum / total);
}

/** Mean absolute error. */
export function mae(actual: Vector, predicted: Vector): number {
  const n = sameLength('mae', actual, predicted);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(actual[i] - predicted[i]);
  return sum / n;
}

/**
 * Mean absolute percentage error as a fraction (0.05 = 5%), averaged over the points whose actual
 * value is not zero: zero actuals (closed premises, outages) are skipped, not divided by an
 * epsilon as scikit-learn does. Throws when every actual is zero.
 */
export function mape(actual: Vector, predicted: Vector): number {
  const n = sameLength('mape', actual, predicted);
  let sum = 0;
  let used = 0;
  for (let i = 0; i < n; i++) {
    if (actual[i] === 0) continue;
    sum += Math.abs((actual[i] - predicted[i]) / actual[i]);
    used++;
  }
  if (used === 0) throw new ValidationError('mape is undefined when every actual value is zero', { points: n });
  return sum / used;
}

/**
 * Mean pinball (quantile) loss of predicted alpha-quantiles: α(a − q) when a ≥ q, else (1 − α)(q − a).
 * Equals scikit-learn's mean_pinball_loss.
 */
export function pinballLoss(actual: Vector, quantile: Vector, alpha: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new ValidationError(`pinball loss needs 0 < alpha < 1, got ${alpha}`, { alpha });
  const n = sameLength('pinball loss', actual, quantile);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = actual[i] - quantile[i];
    sum += d >= 0 ? alpha * d : (alpha - 1) * d;
  }
  return sum / n;
}

/** Share of actual values inside their interval [lower, upper] (bounds included). */
export function intervalCoverage(actual: Vector, lower: Vector, upper: Vector): number {
  const n = sameLength('interval coverage', actual, lower, upper);
  let inside = 0;
  for (let i = 0; i < n; i++) {
    if (lower[i] > upper[i]) throw new ValidationError(`interval ${i} has lower ${lower[i]} above upper ${upper[i]}`, { index: i });
    if (actual[i] >= lower[i] && actual[i] <= upper[i]) inside++;
  }
  return inside / n;
}
