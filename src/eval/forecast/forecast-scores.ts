import { intervalCoverage, mae, mape, pinballLoss, rmse } from '../metrics/index.js';

/** Accuracy of one forecast against the actual load, over the rows where both are known. */
export interface ForecastScores {
  readonly points: number;
  readonly rmse: number;
  readonly mae: number;
  /** Fraction (0.05 = 5%); null unless every actual is positive (around zero, as for net load with feed-in, it means nothing). */
  readonly mape: number | null;
  /** Mean pinball loss per quantile level (keys like "0.1"). */
  readonly pinball: Record<string, number>;
  /** Share of actuals inside [q_low, q_high] for the outermost levels, with the nominal share. */
  readonly coverage: { readonly lower: number; readonly upper: number; readonly nominal: number; readonly observed: number } | null;
}

/**
 * Scores a point forecast and its quantiles with eval/metrics: RMSE, MAE, MAPE (rows with a zero
 * actual skipped), pinball loss per level and the coverage of the outermost interval.
 */
export function scoreForecast(actual: ArrayLike<number>, point: ArrayLike<number>, quantiles: ReadonlyMap<number, ArrayLike<number>> = new Map()): ForecastScores {
  const rows = Int32Array.from({ length: actual.length }, (_, i) => i).filter((i) => Number.isFinite(actual[i]) && Number.isFinite(point[i]));
  const pick = (v: ArrayLike<number>) => Float64Array.from(rows, (i) => v[i]);
  const y = pick(actual);
  const p = pick(point);
  const levels = [...quantiles.keys()].sort((a, b) => a - b);
  const pinball = Object.fromEntries(levels.map((q) => [String(q), pinballLoss(y, pick(quantiles.get(q) as ArrayLike<number>), q)]));
  const lower = levels[0];
  const upper = levels[levels.length - 1];
  const coverage = levels.length >= 2 && lower < 0.5 && upper > 0.5
    ? { lower, upper, nominal: round(upper - lower, 6), observed: intervalCoverage(y, pick(quantiles.get(lower) as ArrayLike<number>), pick(quantiles.get(upper) as ArrayLike<number>)) }
    : null;
  return { points: rows.length, rmse: rmse(y, p), mae: mae(y, p), mape: y.every((v) => v > 0) ? mape(y, p) : null, pinball, coverage };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
