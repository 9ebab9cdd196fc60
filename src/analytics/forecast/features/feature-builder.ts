import { Dataset } from '../../ml/index.js';
import type { LoadSeries } from '../load-series.js';
import { calendarColumns } from './calendar-features.js';
import { featureNames, type FeatureSpec } from './feature-spec.js';
import { laggedValues, laggedWindowMean, previousDayMeans } from './lag-features.js';
import { localClock } from './local-clock.js';

/** Rows [from, to) of a series: the span features are built for. */
export interface RowSpan {
  readonly from: number;
  readonly to: number;
}

/**
 * The feature columns of rows [from, to). Load lags read `series.load`, so a forecaster passes
 * the masked series it was given: no load at or after the forecast origin can reach a feature.
 */
export function buildFeatures(series: LoadSeries, spec: FeatureSpec, span: RowSpan): Map<string, Float64Array> {
  const { from, to } = span;
  const columns = calendarColumns(localClock(series, from, to), series.holidays, spec.calendar);
  for (const name of spec.exogenous) columns.set(name, series.column(name).slice(from, to));
  addTemperatureColumns(columns, series, spec, span);
  const steps = series.stepsPerHour;
  for (const h of spec.loadLagsHours) columns.set(`load_lag${h}h`, laggedValues(series.load, Math.round(h * steps), from, to));
  const minLag = Math.round(spec.minLoadLagHours * steps);
  for (const h of spec.loadWindowMeansHours) {
    columns.set(`load_mean${h}h_lag${spec.minLoadLagHours}h`, laggedWindowMean(series.load, minLag, Math.round(h * steps), from, to));
  }
  return columns;
}

function addTemperatureColumns(columns: Map<string, Float64Array>, series: LoadSeries, spec: FeatureSpec, span: RowSpan): void {
  const t = spec.temperature;
  if (!t) return;
  const values = series.column(t);
  for (const h of spec.temperatureLagsHours) columns.set(`${t}_lag${h}h`, laggedValues(values, Math.round(h * series.stepsPerHour), span.from, span.to));
  if (spec.temperatureDailyMeans.length === 0) return;
  const firstDay = Math.max(0, span.from - (Math.max(...spec.temperatureDailyMeans) + 1) * 24 * series.stepsPerHour);
  const clock = localClock(series, firstDay, span.to);
  for (const d of spec.temperatureDailyMeans) columns.set(`${t}_day${d}_mean`, previousDayMeans(values, clock, d, span.from, span.to));
}

/** A model dataset of the spec's columns (in `featureNames(spec)` order) with an optional target. */
export function featureDataset(columns: ReadonlyMap<string, Float64Array>, spec: FeatureSpec, target?: Float64Array, weights?: Float64Array): Dataset {
  const names = featureNames(spec);
  const ordered = Object.fromEntries(names.map((name) => [name, columns.get(name) as Float64Array]));
  return Dataset.fromColumns(ordered, { target, weights });
}
