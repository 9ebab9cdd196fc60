import { concatFloat64 } from '../core/typed-arrays.js';
import type { PanelBacktestResult } from '../analytics/forecast/index.js';
import { scoreForecast, type ForecastScores } from '../eval/forecast/forecast-scores.js';

/** Backtest accuracy of one model over every series of a scope, in kW. */
export interface PanelScores extends ForecastScores {
  /** Weighted absolute percentage error: Σ|error| ÷ Σ|actual| (robust where single hours are near zero). */
  readonly wape: number;
}

/** Scores every forecast hour of every series together (larger series weigh more, as in a utility's total error). */
export function scorePanelBacktest(result: PanelBacktestResult): PanelScores {
  const flat = concatFloat64;
  const actual = flat(result.actual);
  const point = flat(result.point);
  const quantiles = new Map([...result.quantiles].map(([q, parts]) => [q, flat(parts)]));
  const scores = scoreForecast(actual, point, quantiles);
  let errors = 0;
  let total = 0;
  actual.forEach((y, i) => {
    if (!Number.isFinite(y) || !Number.isFinite(point[i])) return;
    errors += Math.abs(y - point[i]);
    total += Math.abs(y);
  });
  return { ...scores, wape: total > 0 ? errors / total : Number.NaN };
}

/** Scores with every number rounded for storage and display. */
export function roundScores(scores: PanelScores): PanelScores {
  const r = (v: number) => Math.round(v * 10_000) / 10_000;
  return {
    ...scores,
    rmse: r(scores.rmse), mae: r(scores.mae), wape: r(scores.wape), mape: scores.mape === null ? null : r(scores.mape),
    pinball: Object.fromEntries(Object.entries(scores.pinball).map(([k, v]) => [k, r(v)])),
    coverage: scores.coverage && { ...scores.coverage, observed: r(scores.coverage.observed) },
  };
}
