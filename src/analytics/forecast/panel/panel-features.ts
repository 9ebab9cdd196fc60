import { calendarColumns, type CalendarFeature } from '../features/calendar-features.js';
import { previousDayMeans } from '../features/lag-features.js';
import type { LoadPanel } from './load-panel.js';
import { visibleAt } from './panel-forecaster.js';

/** What a pooled model reads, in rows of the panel's grid (see PooledGbdtParams). */
export interface PanelFeatureSpec {
  readonly calendar: readonly CalendarFeature[];
  /** Exogenous temperature column, used when the panel has it. */
  readonly temperature: string;
  readonly loadLagsHours: readonly number[];
  readonly minLoadLagHours: number;
  readonly levelHours: number;
}

/**
 * Row features of a panel for pooled models: the shared calendar and weather columns (computed
 * once per panel) and, per series, load lags and the recent level divided by the series' scale,
 * so that one model serves series of any size.
 */
export class PanelFeatures {
  readonly names: string[];
  private readonly shared: Float64Array[];
  private readonly lagRows: number[];
  private readonly minLagRows: number;
  private readonly levelRows: number;
  /** Lags averaged into the same-time-of-day and same-time-of-week profiles. */
  private readonly dayProfileRows: number[];
  private readonly weekProfileRows: number[];

  constructor(panel: LoadPanel, spec: PanelFeatureSpec) {
    const calendar = calendarColumns(panel.clock, panel.grid.holidays, spec.calendar);
    this.names = [...spec.calendar];
    this.shared = spec.calendar.map((name) => calendar.get(name) as Float64Array);
    const temperature = panel.grid.exogenous.get(spec.temperature);
    if (temperature) {
      this.names.push(spec.temperature, `${spec.temperature}_day1_mean`);
      this.shared.push(temperature, previousDayMeans(temperature, panel.clock, 1));
    }
    const steps = panel.stepsPerHour;
    this.lagRows = spec.loadLagsHours.map((h) => Math.round(h * steps));
    this.minLagRows = Math.round(spec.minLoadLagHours * steps);
    this.levelRows = Math.round(spec.levelHours * steps);
    const firstDay = Math.ceil(spec.minLoadLagHours / 24);
    const firstWeek = Math.ceil(spec.minLoadLagHours / 168);
    this.dayProfileRows = Array.from({ length: PROFILE_DAYS }, (_, d) => (firstDay + d) * 24 * steps);
    this.weekProfileRows = Array.from({ length: PROFILE_WEEKS }, (_, w) => (firstWeek + w) * 168 * steps);
    this.names.push(...spec.loadLagsHours.map((h) => `load_lag${h}h`), `load_level${spec.levelHours}h`, 'load_day_profile', 'load_week_profile');
    const dayKind = calendarColumns(panel.clock, panel.grid.holidays, ['dayKind']).get('dayKind') as Float64Array;
    for (const lag of new Set([this.dayProfileRows[0], this.weekProfileRows[0]])) {
      this.names.splice(this.shared.length, 0, `dayKind_lag${lag / steps}h`);
      this.shared.push(Float64Array.from(dayKind, (_, row) => (row >= lag ? dayKind[row - lag] : Number.NaN)));
    }
  }

  /**
   * What `change-from-last-week` targets are relative to: the load one week (or the first whole
   * number of weeks ≥ the minimum lag) before the row, else the mean of the weekly lags, else the
   * recent level. NaN when none is known.
   */
  baseline(load: Float64Array, row: number): number {
    const last = visibleAt(load, row - this.weekProfileRows[0]);
    if (last === last) return last;
    const profile = lagMean(load, row, this.weekProfileRows);
    return profile === profile ? profile : windowMean(load, row - this.minLagRows - this.levelRows + 1, row - this.minLagRows);
  }

  get width(): number {
    return this.names.length;
  }

  /** Rows of history before a row's first load feature is known (later ones may still be missing: trees route NaN). */
  get reachRows(): number {
    return this.minLagRows;
  }

  /** Writes the features of `row` of a series (visible load, scale) at `out[at ..]`. */
  fill(out: Float64Array, at: number, row: number, load: Float64Array, scale: number): void {
    let f = at;
    for (const column of this.shared) out[f++] = column[row];
    for (const lag of this.lagRows) out[f++] = visibleAt(load, row - lag) / scale;
    out[f++] = windowMean(load, row - this.minLagRows - this.levelRows + 1, row - this.minLagRows) / scale;
    out[f++] = lagMean(load, row, this.dayProfileRows) / scale;
    out[f] = lagMean(load, row, this.weekProfileRows) / scale;
  }
}

/** Days averaged by `load_day_profile` (same time of day) and weeks by `load_week_profile` (same time of week). */
const PROFILE_DAYS = 7;
const PROFILE_WEEKS = 4;

/** Mean of the known values at the given lags before a row; NaN when none is known. */
function lagMean(load: Float64Array, row: number, lags: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const lag of lags) {
    const v = visibleAt(load, row - lag);
    if (v === v) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}

/** Mean of the known values of rows [from, to]; NaN when none is known. */
function windowMean(load: Float64Array, from: number, to: number): number {
  let sum = 0;
  let n = 0;
  for (let j = Math.max(0, from); j <= Math.min(to, load.length - 1); j++) {
    const v = load[j];
    if (v === v) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}
