import { concatFloat64 } from '../../core/typed-arrays.js';
import type { Forecaster, LoadSeries } from '../../analytics/forecast/index.js';
import { scoreForecast, type ForecastScores } from './forecast-scores.js';

/** One forecast run: `steps` rows from the row at `origin` (epoch ms). */
export interface ForecastWindow {
  readonly origin: number;
  readonly steps: number;
}

/** A split: the rows a model is fitted on and the windows it forecasts of the full series. */
export interface BacktestPlan {
  readonly train: LoadSeries;
  /** The full series: exogenous values of the windows; its load is masked for the model and used for scoring. */
  readonly series: LoadSeries;
  readonly windows: readonly ForecastWindow[];
  readonly quantiles?: readonly number[];
  /** The load to score against, row for row with `series` (default: `series.load`), when the truth is kept apart. */
  readonly actual?: Float64Array;
}

/** Forecasts of every window, concatenated, with the actual load and the time taken. */
export interface BacktestResult {
  readonly model: string;
  readonly timestamps: Float64Array;
  readonly actual: Float64Array;
  readonly point: Float64Array;
  readonly quantiles: Map<number, Float64Array>;
  readonly fitSeconds: number;
  readonly predictSeconds: number;
  readonly scores: ForecastScores;
}

/** Windows of `steps` rows, one every `steps` rows, from the row at `from` (epoch ms) to the end of the series. */
export function rollingWindows(series: LoadSeries, from: number, steps: number): ForecastWindow[] {
  const first = series.requireIndex(from);
  const end = series.length;
  const windows: ForecastWindow[] = [];
  for (let row = first; row < end; row += steps) windows.push({ origin: series.timestamps[row], steps: Math.min(steps, end - row) });
  return windows;
}

/**
 * Fits a forecaster on the plan's training rows, forecasts each window through the Forecaster
 * interface (which hides the load from each origin on) and scores the concatenated forecasts.
 * Written once against that interface, it serves every model and every eval.
 */
export function runBacktest(forecaster: Forecaster, plan: BacktestPlan): BacktestResult {
  const started = performance.now();
  forecaster.fit(plan.train);
  const fitted = performance.now();
  const parts = plan.windows.map((window) => forecaster.predict(plan.series, { ...window, quantiles: plan.quantiles }));
  const predictSeconds = (performance.now() - fitted) / 1000;
  const timestamps = concat(parts.map((p) => p.timestamps));
  const truth = plan.actual ?? plan.series.load;
  const actual = Float64Array.from(timestamps, (t) => truth[plan.series.requireIndex(t)]);
  const point = concat(parts.map((p) => p.point));
  const quantiles = new Map((plan.quantiles ?? []).map((q) => [q, concat(parts.map((p) => p.quantiles.get(q) ?? new Float64Array(p.point.length).fill(Number.NaN)))]));
  return {
    model: forecaster.name,
    timestamps,
    actual,
    point,
    quantiles,
    fitSeconds: (fitted - started) / 1000,
    predictSeconds,
    scores: scoreForecast(actual, point, quantiles),
  };
}

/** Kept for the evals that join backtest parts. */
export const concat = concatFloat64;
