import { DayKind, MS_PER_DAY, weekdayOfEpochDay } from '../../../../core/time/index.js';
import { TREND_ORIGIN_DAY } from '../../features/calendar-features.js';
import { dayFacts } from '../../features/day-facts.js';
import { laggedValues, previousDayMeans } from '../../features/lag-features.js';
import { localClock } from '../../features/local-clock.js';
import type { LoadSeries } from '../../load-series.js';
import type { CellDesign } from './cell-least-squares.js';
import type { MlrParams } from './mlr-params.js';

/** Standardisation of the temperature: x = (T − center) / scale. */
export interface TemperatureScale {
  readonly center: number;
  readonly scale: number;
}

/** Per-row inputs of the design over a span of rows. */
export interface MlrRows {
  readonly length: number;
  readonly trend: Float64Array;
  readonly month: Int32Array;
  readonly hour: Int32Array;
  readonly weekHour: Int32Array;
  /** Standardised temperature of each group: current, each lag, each daily mean. */
  readonly temperatures: Float64Array[];
  /** 0 ordinary, 1 holiday, 2 working day next to a holiday. */
  readonly holiday: Uint8Array;
}

const POLY = 3;
/** Columns of one power of one group: Tᵖ, Tᵖ × 12 months, Tᵖ × 24 hours. */
const POWER_BLOCK = 1 + 12 + 24;
const GROUP_WIDTH = POLY * POWER_BLOCK;
const WEDNESDAY = 3;
const WEEK_HOURS = 168;

/**
 * The MLR design as a {@link CellDesign}: a row's cell is (day type, month, weekday × hour) and
 * its base values are 1, the trend and T, T², T³ of each temperature group. Columns: weekday ×
 * hour, intercept, trend, month, then per group and power [Tᵖ, Tᵖ × month, Tᵖ × hour], then
 * holiday × hour and (working day next to a holiday) × hour.
 */
export class MlrLayout {
  readonly intercept: number;
  readonly trend: number;
  readonly month: number;
  readonly weekHour: number;
  readonly groups: number;
  readonly holidays: number;
  readonly width: number;
  readonly nGroups: number;
  readonly baseWidth: number;
  readonly maxEntries: number;

  constructor(readonly params: MlrParams) {
    // weekday × hour first: its dummies never meet in a row, so that block of XᵀX is diagonal.
    this.weekHour = 0;
    this.intercept = WEEK_HOURS;
    this.trend = this.intercept + 1;
    this.month = this.trend + (params.trend ? 1 : 0);
    this.groups = this.month + 12;
    this.nGroups = 1 + params.temperatureLagsHours.length + params.temperatureDailyMeans.length;
    this.holidays = this.groups + this.nGroups * GROUP_WIDTH;
    this.width = this.holidays + (params.holidays ? 48 : 0);
    this.baseWidth = 2 + this.nGroups * POLY;
    this.maxEntries = 5 + this.nGroups * 3 * POLY;
  }

  /** The design of a span of rows, optionally only at the given positions. */
  design(rows: MlrRows, positions?: Int32Array): CellDesign {
    const at = positions ? (r: number) => positions[r] : (r: number) => r;
    const k = this.baseWidth;
    return {
      rows: positions ? positions.length : rows.length,
      cellCount: 3 * 12 * WEEK_HOURS,
      width: this.width,
      baseWidth: k,
      maxEntries: this.maxEntries,
      cellOf: (r) => {
        const i = at(r);
        return (rows.holiday[i] * 12 + rows.month[i]) * WEEK_HOURS + rows.weekHour[i];
      },
      base: (r, out) => {
        const i = at(r);
        out[0] = 1;
        out[1] = rows.trend[i];
        for (let g = 0, b = 2; g < this.nGroups; g++) {
          const t = rows.temperatures[g][i];
          out[b++] = t;
          out[b++] = t * t;
          out[b++] = t * t * t;
        }
      },
      cellEntries: (cell, column, baseIndex) => this.cellEntries(cell, column, baseIndex),
      penalised: (column) => this.penalised(column),
    };
  }

  /** Main effects (intercept, trend, Tᵖ of each group) are not penalised; dummies and interactions are. */
  private penalised(column: number): boolean {
    if (column < this.intercept) return true;
    if (column < this.month) return false;
    if (column < this.groups || column >= this.holidays) return true;
    return (column - this.groups) % POWER_BLOCK !== 0;
  }

  private cellEntries(cell: number, column: Int32Array, baseIndex: Int32Array): number {
    const weekHour = cell % WEEK_HOURS;
    const month = Math.floor(cell / WEEK_HOURS) % 12;
    const holiday = Math.floor(cell / WEEK_HOURS / 12);
    const hour = weekHour % 24;
    column[0] = this.weekHour + weekHour;
    baseIndex[0] = 0;
    column[1] = this.intercept;
    baseIndex[1] = 0;
    let n = 2;
    if (this.params.trend) {
      column[n] = this.trend;
      baseIndex[n++] = 1;
    }
    column[n] = this.month + month;
    baseIndex[n++] = 0;
    for (let g = 0; g < this.nGroups; g++) {
      for (let p = 0; p < POLY; p++) {
        const block = this.groups + g * GROUP_WIDTH + p * POWER_BLOCK;
        const b = 2 + g * POLY + p;
        column[n] = block;
        baseIndex[n++] = b;
        column[n] = block + 1 + month;
        baseIndex[n++] = b;
        column[n] = block + 13 + hour;
        baseIndex[n++] = b;
      }
    }
    if (this.params.holidays && holiday > 0) {
      column[n] = this.holidays + (holiday - 1) * 24 + hour;
      baseIndex[n++] = 0;
    }
    return n;
  }
}

/** The design inputs of rows [from, to) of a series. */
export function mlrRows(series: LoadSeries, params: MlrParams, scale: TemperatureScale, from: number, to: number): MlrRows {
  const clock = localClock(series, from, to);
  const n = to - from;
  const factsOf = dayFacts(series.holidays);
  const rows = { length: n, trend: new Float64Array(n), month: new Int32Array(n), hour: new Int32Array(n), weekHour: new Int32Array(n), holiday: new Uint8Array(n) };
  let day = Number.NaN;
  let month = 0;
  let weekday = 0;
  let holiday = 0;
  for (let i = 0; i < n; i++) {
    if (clock.day[i] !== day) {
      day = clock.day[i];
      const facts = factsOf(day);
      month = new Date(day * MS_PER_DAY).getUTCMonth();
      weekday = params.holidays && facts.makeupWorkday ? WEDNESDAY : weekdayOfEpochDay(day);
      holiday = facts.kind === DayKind.holiday ? 1 : facts.beforeHoliday || facts.afterHoliday ? 2 : 0;
    }
    const hour = Math.floor(clock.minute[i] / 60);
    rows.trend[i] = (day - TREND_ORIGIN_DAY + clock.minute[i] / 1440) / 365.25;
    rows.month[i] = month;
    rows.hour[i] = hour;
    rows.weekHour[i] = weekday * 24 + hour;
    rows.holiday[i] = holiday;
  }
  const temperatures = temperatureGroups(series, params, from, to);
  for (const t of temperatures) for (let i = 0; i < n; i++) t[i] = (t[i] - scale.center) / scale.scale;
  return { ...rows, temperatures };
}

/** Raw temperatures of each group over rows [from, to): current, lagged, previous-day means. */
export function temperatureGroups(series: LoadSeries, params: MlrParams, from: number, to: number): Float64Array[] {
  const values = series.column(params.temperature);
  const steps = series.stepsPerHour;
  const groups = [values.slice(from, to), ...params.temperatureLagsHours.map((h) => laggedValues(values, h * steps, from, to))];
  if (params.temperatureDailyMeans.length > 0) {
    const first = Math.max(0, from - (Math.max(...params.temperatureDailyMeans) + 1) * 24 * steps);
    const clock = localClock(series, first, to);
    for (const d of params.temperatureDailyMeans) groups.push(previousDayMeans(values, clock, d, from, to));
  }
  return groups;
}
