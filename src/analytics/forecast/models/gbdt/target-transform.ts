import { ValidationError } from '../../../../core/errors.js';
import { MS_PER_DAY } from '../../../../core/time/index.js';
import { laggedWindowMean } from '../../features/lag-features.js';
import type { LoadSeries } from '../../load-series.js';
import type { GbdtForecasterParams } from './gbdt-forecaster-params.js';

/**
 * How the load becomes the trees' target and back: `toTarget(y, i)` and `fromTarget(v, i)` for
 * row i of the span the transform was made for.
 */
export interface TargetTransform {
  toTarget(load: number, row: number): number;
  fromTarget(value: number, row: number): number;
  /** Whether load-valued features (lags, window means) are expressed on the target's scale too. */
  readonly appliesToLoadFeatures: boolean;
}

const identity: TargetTransform = { toTarget: (y) => y, fromTarget: (v) => v, appliesToLoadFeatures: false };

/** The target transform of rows [from, to) of a (masked) series, given the fitted trend if any. */
export function targetTransform(params: GbdtForecasterParams, series: LoadSeries, from: number, to: number, trend?: LinearTrend): TargetTransform {
  if (params.target === 'ratio-to-trend' && trend) {
    const level = trend.levels(series, from, to);
    return { toTarget: (y, i) => y / level[i], fromTarget: (v, i) => v * level[i], appliesToLoadFeatures: false };
  }
  if (params.target === 'difference-from-recent-mean') {
    const steps = series.stepsPerHour;
    const level = laggedWindowMean(series.load, Math.round(params.features.minLoadLagHours * steps), Math.round(params.recentMeanHours * steps), from, to);
    return { toTarget: (y, i) => y - level[i], fromTarget: (v, i) => v + level[i], appliesToLoadFeatures: true };
  }
  return identity;
}

/** A straight line in time (epoch days) that a load is divided by before the trees see it. */
export interface LinearTrend {
  readonly intercept: number;
  readonly slopePerDay: number;
  /** The trend's value at rows [from, to) of a series. */
  levels(series: LoadSeries, from: number, to: number): Float64Array;
}

/** Least-squares line of the load against time over the given rows; the load must stay positive. */
export function fitTrend(train: LoadSeries, rows: Int32Array): LinearTrend {
  let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const i of rows) {
    const x = train.timestamps[i] / MS_PER_DAY;
    const y = train.load[i];
    n++; sx += x; sy += y; sxx += x * x; sxy += x * y;
  }
  const denominator = n * sxx - sx * sx;
  const slopePerDay = denominator > 0 ? (n * sxy - sx * sy) / denominator : 0;
  const intercept = (sy - slopePerDay * sx) / n;
  const trend: LinearTrend = {
    intercept,
    slopePerDay,
    levels: (series, from, to) => Float64Array.from({ length: to - from }, (_, k) => intercept + slopePerDay * (series.timestamps[from + k] / MS_PER_DAY)),
  };
  const ends = [rows[0], rows[rows.length - 1]].map((i) => trend.levels(train, i, i + 1)[0]);
  if (!(Math.min(...ends) > 0)) throw new ValidationError('a linear trend needs a load that stays positive; use trend "none"', { ends });
  return trend;
}

/** Row weights 0.5^(age / half-life), age in days before the series' last row. */
export function recencyWeights(series: LoadSeries, halfLifeDays: number): Float64Array {
  const last = series.timestamps[series.length - 1];
  return Float64Array.from(series.timestamps, (t) => 0.5 ** ((last - t) / MS_PER_DAY / halfLifeDays));
}

/** Puts load-valued feature columns (load_lag*, load_mean*) of rows [0, n) on the target's scale. */
export function transformLoadFeatures(columns: Map<string, Float64Array>, transform: TargetTransform): Map<string, Float64Array> {
  if (!transform.appliesToLoadFeatures) return columns;
  for (const [name, values] of columns) {
    if (name.startsWith('load_')) columns.set(name, values.map((v, i) => transform.toTarget(v, i)));
  }
  return columns;
}
