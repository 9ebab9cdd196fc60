import { averageColumns, createForecaster, LoadSeries, selectWeatherStations } from '../../analytics/forecast/index.js';
import { MS_PER_DAY } from '../../core/time/index.js';
import { GEFCOM2012_SYSTEM_ZONE, type Gefcom2012Data } from '../datasets/gefcom2012-loader.js';
import { runBacktest, type BacktestPlan, type BacktestResult, type ForecastWindow } from './backtest.js';

/** Station selection validates on the last full year before the forecast week, fitting on everything before it. */
export const SELECTION_FROM = Date.UTC(2007, 6, 1);
export const SELECTION_TO = Date.UTC(2008, 6, 1);
export const GEFCOM_QUANTILES = [0.1, 0.5, 0.9];

/** The models run per zone, all on the same windows. */
export const GEFCOM_MODELS = ['recency-mlr', 'vanilla-mlr', 'seasonal-naive'] as const;
export type GefcomModel = (typeof GEFCOM_MODELS)[number];

/** One zone's forecasts of the withheld hours by each model, with its chosen stations. */
export interface ZoneResult {
  readonly zone: number;
  readonly stations: readonly string[];
  readonly selectionRmse: number;
  readonly selectionSeconds: number;
  readonly results: ReadonlyMap<GefcomModel, BacktestResult>;
}

/** The withheld spans of the zones' solution rows as forecast windows (consecutive days joined). */
export function withheldWindows(data: Gefcom2012Data): ForecastWindow[] {
  const days = [...new Set(data.solution.filter((r) => r.zone !== GEFCOM2012_SYSTEM_ZONE).map((r) => r.day))].sort((a, b) => a - b);
  const windows: ForecastWindow[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j] + 1) j++;
    windows.push({ origin: data.start + days[i] * MS_PER_DAY, steps: (j - i + 1) * 24 });
    i = j + 1;
  }
  return windows;
}

/** A zone's load with the solution values filled in: the truth the forecasts are scored against. */
function zoneTruth(data: Gefcom2012Data, zone: number): Float64Array {
  const truth = Float64Array.from(data.zoneLoads[zone - 1]);
  for (const row of data.solution) if (row.zone === zone) truth.set(row.values, row.day * 24);
  return truth;
}

/**
 * One zone: choose its weather stations by validation (vanilla MLR, best-k average), then fit
 * each model on the zone's whole history (withheld hours are unknown, so skipped) with the
 * chosen stations' mean temperature, and forecast every withheld window.
 */
export function forecastZone(data: Gefcom2012Data, zone: number): ZoneResult {
  const stations = Object.fromEntries(data.temperatures.map((t, s) => [`station${s + 1}`, t]));
  const history = LoadSeries.regular(data.start, { intervalMinutes: 60, load: data.zoneLoads[zone - 1], exogenous: stations, holidays: data.holidays });
  const started = performance.now();
  const selection = selectWeatherStations({ series: history, stations: Object.keys(stations), validationFrom: SELECTION_FROM, validationTo: SELECTION_TO });
  const selectionSeconds = (performance.now() - started) / 1000;
  const series = history.with({ exogenous: { temperature: averageColumns(history, selection.stations) } });
  const plan: BacktestPlan = { train: series, series, windows: withheldWindows(data), quantiles: GEFCOM_QUANTILES, actual: zoneTruth(data, zone) };
  const results = new Map(GEFCOM_MODELS.map((name) => [name, runBacktest(createForecaster(name), plan)]));
  return { zone, stations: selection.stations, selectionRmse: selection.rmse, selectionSeconds, results };
}
