import { MS_PER_HOUR, weekdayOfEpochDay } from '../../core/time/index.js';
import { Mulberry32 } from '../ml/index.js';
import { ListedHolidayCalendar, type HolidayCalendar } from './calendar/holiday-calendar.js';
import { LoadSeries } from './load-series.js';

/** 2021-01-04 00:00 UTC, a Monday. */
export const SYNTHETIC_START = Date.UTC(2021, 0, 4);

export interface SyntheticOptions {
  /** First row (default SYNTHETIC_START). */
  readonly start?: number;
  readonly days?: number;
  readonly noise?: number;
  readonly seed?: number;
  /** Load as a function of the row's hour of day, weekday, temperature and the series so far. */
  readonly load?: (ctx: SyntheticRow) => number;
  readonly holidays?: HolidayCalendar;
}

export interface SyntheticRow {
  readonly row: number;
  readonly hour: number;
  readonly weekday: number;
  readonly day: number;
  readonly temperature: Float64Array;
}

/** A smooth seasonal temperature with a daily cycle (°C). */
export function syntheticTemperature(hours: number, seed = 1): Float64Array {
  const rng = new Mulberry32(seed);
  let weather = 0;
  return Float64Array.from({ length: hours }, (_, t) => {
    weather = 0.98 * weather + rng.normal() * 0.6;
    return 12 + 10 * Math.sin((2 * Math.PI * t) / (24 * 365)) + 4 * Math.sin((2 * Math.PI * (t % 24 - 9)) / 24) + weather;
  });
}

/** The default load: daily and weekly shape plus a U-shaped temperature response. */
export function defaultLoad({ hour, weekday, temperature, row }: SyntheticRow): number {
  const daily = 20 + 8 * Math.sin((Math.PI * (hour - 6)) / 12);
  const weekend = weekday === 0 || weekday === 6 ? -6 : 0;
  const t = temperature[row];
  return daily + weekend + 0.04 * (t - 15) ** 2;
}

/** An hourly synthetic load series with a `temperature` column; deterministic for a seed. */
export function syntheticSeries(options: SyntheticOptions = {}): LoadSeries {
  const hours = (options.days ?? 7 * 20) * 24;
  const temperature = syntheticTemperature(hours, options.seed ?? 1);
  const rng = new Mulberry32((options.seed ?? 1) + 100);
  const loadOf = options.load ?? defaultLoad;
  const load = new Float64Array(hours);
  for (let row = 0; row < hours; row++) {
    const day = Math.floor(((options.start ?? SYNTHETIC_START) + row * MS_PER_HOUR) / 86_400_000);
    load[row] = loadOf({ row, hour: row % 24, weekday: weekdayOfEpochDay(day), day, temperature }) + (options.noise ?? 0) * rng.normal();
  }
  return LoadSeries.regular(options.start ?? SYNTHETIC_START, { intervalMinutes: 60, load, exogenous: { temperature }, holidays: options.holidays });
}

/** A calendar with the given ISO dates as holidays. */
export function holidaysOn(dates: readonly string[]): ListedHolidayCalendar {
  return new ListedHolidayCalendar('test', dates.map((d) => [Date.parse(`${d}T00:00:00Z`) / 86_400_000, 'test holiday'] as const));
}

export function rmseOf(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s / a.length);
}
