import { ValidationError } from '../../core/errors.js';
import { MS_PER_MINUTE } from '../../core/time/index.js';
import { noHolidays, type HolidayCalendar } from './calendar/holiday-calendar.js';

/** Interval lengths a load series may have (each divides a day). */
export const SERIES_INTERVALS = [5, 10, 15, 30, 60] as const;

/** What a {@link LoadSeries} is built from. */
export interface LoadSeriesInit {
  /**
   * Start of each interval in epoch milliseconds, strictly increasing on a regular grid. Missing
   * readings are rows with a NaN load, not absent rows. Series kept on a local wall clock (GEFCom,
   * PJM) store that clock as if it were UTC and leave `timeZone` at 'UTC'.
   */
  readonly timestamps: ArrayLike<number>;
  readonly intervalMinutes: number;
  /** One value per row in the series' unit (kW, MW); NaN = unknown (missing or to be forecast). */
  readonly load: ArrayLike<number>;
  /** Exogenous columns (weather, prices, profiles), one value per row; NaN = unknown. */
  readonly exogenous?: Readonly<Record<string, ArrayLike<number>>>;
  /** IANA zone whose wall clock calendar features read (default 'UTC'). */
  readonly timeZone?: string;
  /** Holidays of the place the load belongs to (default: none). */
  readonly holidays?: HolidayCalendar;
}

/**
 * A validated load time series: one row per interval on a regular grid, the load and any
 * exogenous columns, plus the time zone and holiday calendar that give the timestamps their
 * local meaning. The constructor rejects unsorted or duplicate timestamps, a wrong interval,
 * ragged columns and infinite values; every forecaster can trust it afterwards.
 */
export class LoadSeries {
  readonly timestamps: Float64Array;
  readonly intervalMinutes: number;
  readonly load: Float64Array;
  readonly exogenous: ReadonlyMap<string, Float64Array>;
  readonly timeZone: string;
  readonly holidays: HolidayCalendar;

  constructor(init: LoadSeriesInit) {
    this.intervalMinutes = checkInterval(init.intervalMinutes);
    this.timestamps = checkTimestamps(Float64Array.from(init.timestamps), this.stepMs);
    this.load = checkColumn('load', Float64Array.from(init.load), this.length);
    const columns = Object.entries(init.exogenous ?? {});
    this.exogenous = new Map(columns.map(([name, values]) => [name, checkColumn(name, Float64Array.from(values), this.length)]));
    this.timeZone = checkTimeZone(init.timeZone ?? 'UTC');
    this.holidays = init.holidays ?? noHolidays;
  }

  /** A series on the grid starting at `start` with one row per load value. */
  static regular(start: number, init: Omit<LoadSeriesInit, 'timestamps'>): LoadSeries {
    const step = init.intervalMinutes * MS_PER_MINUTE;
    const timestamps = Float64Array.from({ length: init.load.length }, (_, i) => start + i * step);
    return new LoadSeries({ ...init, timestamps });
  }

  get length(): number {
    return this.timestamps.length;
  }

  get stepMs(): number {
    return this.intervalMinutes * MS_PER_MINUTE;
  }

  /** Rows per hour (4 for 15-minute data); lags given in hours become rows with it. */
  get stepsPerHour(): number {
    return 60 / this.intervalMinutes;
  }

  /** Row of a timestamp on the grid, or -1 when it is off the grid or outside the series. */
  indexOf(timestamp: number): number {
    if (this.length === 0) return -1;
    const offset = (timestamp - this.timestamps[0]) / this.stepMs;
    return Number.isInteger(offset) && offset >= 0 && offset < this.length ? offset : -1;
  }

  /** Row of a timestamp, or a ValidationError naming it. */
  requireIndex(timestamp: number): number {
    const index = this.indexOf(timestamp);
    if (index < 0) throw new ValidationError(`timestamp ${new Date(timestamp).toISOString()} is not a row of the series`, { timestamp });
    return index;
  }

  /** An exogenous column, or a ValidationError naming the missing column. */
  column(name: string): Float64Array {
    const values = this.exogenous.get(name);
    if (!values) throw new ValidationError(`series has no column ${name}; it has ${[...this.exogenous.keys()].join(', ') || 'none'}`, { column: name });
    return values;
  }

  /** Throws unless every named exogenous column is present. */
  requireColumns(names: readonly string[]): void {
    for (const name of names) this.column(name);
  }

  /** The same series with the load unknown (NaN) from row `from` on: what a forecaster may see. */
  maskLoadFrom(from: number): LoadSeries {
    const load = Float64Array.from(this.load);
    load.fill(NaN, Math.max(0, from));
    return this.with({ load });
  }

  /** Rows [from, to) as a series of their own. */
  slice(from: number, to: number = this.length): LoadSeries {
    const exogenous = Object.fromEntries([...this.exogenous].map(([name, values]) => [name, values.subarray(from, to)]));
    return this.with({ timestamps: this.timestamps.subarray(from, to), load: this.load.subarray(from, to), exogenous });
  }

  /** A copy with some parts replaced (exogenous columns replace the whole set when given). */
  with(changes: Partial<LoadSeriesInit>): LoadSeries {
    return new LoadSeries({
      timestamps: this.timestamps,
      intervalMinutes: this.intervalMinutes,
      load: this.load,
      exogenous: Object.fromEntries(this.exogenous),
      timeZone: this.timeZone,
      holidays: this.holidays,
      ...changes,
    });
  }

  /** Number of rows whose load is known. */
  countKnownLoad(from = 0, to = this.length): number {
    let n = 0;
    for (let i = from; i < to; i++) if (this.load[i] === this.load[i]) n++;
    return n;
  }
}

function checkInterval(minutes: number): number {
  if (!(SERIES_INTERVALS as readonly number[]).includes(minutes)) {
    throw new ValidationError(`interval of ${minutes} minutes is not supported; use one of ${SERIES_INTERVALS.join(', ')}`, { intervalMinutes: minutes });
  }
  return minutes;
}

/** Rejects non-finite, duplicate and unsorted timestamps first, then any step other than the interval. */
function checkTimestamps(timestamps: Float64Array, stepMs: number): Float64Array {
  for (let i = 0; i < timestamps.length; i++) {
    const t = timestamps[i];
    if (!Number.isFinite(t)) throw new ValidationError(`timestamp ${i} is not a finite epoch time`, { row: i });
    if (i === 0 || t > timestamps[i - 1]) continue;
    const at = new Date(t).toISOString();
    if (t === timestamps[i - 1]) throw new ValidationError(`duplicate timestamp ${at} at row ${i}`, { row: i, timestamp: t });
    throw new ValidationError(`timestamps are not sorted: ${at} at row ${i} comes before the previous row`, { row: i, timestamp: t });
  }
  for (let i = 1; i < timestamps.length; i++) {
    const gap = timestamps[i] - timestamps[i - 1];
    if (gap === stepMs) continue;
    const at = new Date(timestamps[i]).toISOString();
    throw new ValidationError(`gap of ${gap / MS_PER_MINUTE} minutes before ${at} (row ${i}) does not match the ${stepMs / MS_PER_MINUTE}-minute interval; fill missing rows with NaN`, { row: i, gapMinutes: gap / MS_PER_MINUTE });
  }
  return timestamps;
}

function checkColumn(name: string, values: Float64Array, length: number): Float64Array {
  if (values.length !== length) throw new ValidationError(`column ${name} has ${values.length} values for ${length} timestamps`, { column: name });
  for (let row = 0; row < values.length; row++) {
    if (values[row] === Infinity || values[row] === -Infinity) throw new ValidationError(`column ${name} is infinite at row ${row}`, { column: name, row });
  }
  return values;
}

const knownZones = new Set(['UTC']);

function checkTimeZone(timeZone: string): string {
  if (knownZones.has(timeZone)) return timeZone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch (error) {
    throw new ValidationError(`unknown time zone ${timeZone}`, { timeZone }, error);
  }
  knownZones.add(timeZone);
  return timeZone;
}
