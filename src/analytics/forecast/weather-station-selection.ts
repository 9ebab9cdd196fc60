import { ValidationError } from '../../core/errors.js';
import type { Forecaster } from './forecaster.js';
import { createForecaster } from './forecaster-registry.js';
import type { LoadSeries } from './load-series.js';

/** How to choose the weather stations of one load series. */
export interface StationSelectionOptions {
  /** The load with one exogenous column per candidate station. */
  readonly series: LoadSeries;
  readonly stations: readonly string[];
  /** Validation rows [from, to) as epoch-ms timestamps; models are fitted on the rows before `from`. */
  readonly validationFrom: number;
  readonly validationTo: number;
  /** Largest number of stations averaged (default 6). */
  readonly maxStations?: number;
  /** The model that judges a temperature series (default: a fresh `vanilla-mlr`). */
  readonly forecaster?: () => Forecaster;
}

/** The chosen stations (best first) and the evidence. */
export interface StationSelection {
  readonly stations: string[];
  /** Validation RMSE of each single station, best first. */
  readonly ranking: { readonly station: string; readonly rmse: number }[];
  /** Validation RMSE of the average of the chosen stations. */
  readonly rmse: number;
}

/**
 * Weather station selection by validation (Hong, Wang and White 2015): rank the stations by the
 * validation error of a model on each one alone, then average the temperatures of the best k
 * stations for the k with the smallest validation error.
 */
export function selectWeatherStations(options: StationSelectionOptions): StationSelection {
  const { series, stations } = options;
  if (stations.length === 0) throw new ValidationError('station selection needs at least one station');
  const score = (names: readonly string[]) => validationRmse(options, averageColumns(series, names));
  const ranking = stations.map((station) => ({ station, rmse: score([station]) })).sort((a, b) => a.rmse - b.rmse);
  let best = { k: 1, rmse: ranking[0].rmse };
  const maxK = Math.min(options.maxStations ?? 6, stations.length);
  for (let k = 2; k <= maxK; k++) {
    const rmse = score(ranking.slice(0, k).map((r) => r.station));
    if (rmse < best.rmse) best = { k, rmse };
  }
  return { stations: ranking.slice(0, best.k).map((r) => r.station), ranking, rmse: best.rmse };
}

/** Row-wise mean of exogenous columns (NaN where any is unknown). */
export function averageColumns(series: LoadSeries, names: readonly string[]): Float64Array {
  const out = new Float64Array(series.length);
  for (const name of names) {
    const column = series.column(name);
    for (let i = 0; i < out.length; i++) out[i] += column[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= names.length;
  return out;
}

function validationRmse(options: StationSelectionOptions, temperature: Float64Array): number {
  const series = options.series.with({ exogenous: { temperature } });
  const from = series.requireIndex(options.validationFrom);
  const to = options.validationTo <= series.timestamps[series.length - 1] ? series.requireIndex(options.validationTo) : series.length;
  const model = (options.forecaster ?? (() => createForecaster('vanilla-mlr')))();
  model.fit(series.slice(0, from));
  const forecast = model.predict(series, { origin: options.validationFrom, steps: to - from });
  let sum = 0;
  let n = 0;
  forecast.point.forEach((p, k) => {
    const y = series.load[from + k];
    if (y !== y || p !== p) return;
    sum += (y - p) ** 2;
    n++;
  });
  if (n === 0) throw new ValidationError('no known load in the station-selection validation rows');
  return Math.sqrt(sum / n);
}
