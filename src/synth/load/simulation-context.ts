import { ValidationError } from '../../core/errors.js';
import { MS_PER_DAY, MS_PER_MINUTE, type WorkCalendar } from '../../core/time/index.js';
import { LocalClock } from '../weather/local-clock.js';
import type { WeatherSeries } from '../weather/weather-generator.js';
import { buildDayTable, type DayTable } from './day-table.js';

export interface SimulationContextOptions {
  /** UTC milliseconds of the local midnight the run starts at. */
  readonly startMs: number;
  readonly days: number;
  /** 5, 15, 30 or 60. */
  readonly stepMinutes: number;
  readonly timeZone: string;
  /** Weather covering the run; resampled when its grid differs from the load grid. */
  readonly weather: WeatherSeries;
  readonly calendar: WorkCalendar;
}

/**
 * Everything per-customer load generation needs about time and weather, precomputed once per run
 * as typed arrays: per interval (local clock at the interval start, weather over the interval) and
 * per local day (`days`).
 */
export interface SimulationContext {
  readonly startMs: number;
  readonly stepMinutes: number;
  readonly stepHours: number;
  readonly steps: number;
  readonly stepsPerDay: number;
  readonly timeZone: string;
  /** Local hour of day at the interval start, 0 ≤ h < 24. */
  readonly hourOfDay: Float32Array;
  /** Local slot of the day (0 … stepsPerDay − 1): index into per-customer daily tables. */
  readonly slot: Uint16Array;
  /** Index of the interval's local day in `days` (0 … days.count − 1). */
  readonly dayIndex: Int32Array;
  readonly localEpochDay: Int32Array;
  /** DayKind of the local day (0 workday, 1 weekend, 2 holiday). */
  readonly dayKind: Uint8Array;
  /** Local month, 1–12. */
  readonly month: Uint8Array;
  readonly daysFromLunarNewYear: Int16Array;
  readonly temperatureC: Float32Array;
  readonly irradianceWm2: Float32Array;
  readonly days: DayTable;
}

export const allowedStepMinutes: readonly number[] = [5, 15, 30, 60];

export function buildSimulationContext(options: SimulationContextOptions): SimulationContext {
  validate(options);
  const { startMs, days, stepMinutes, timeZone } = options;
  const stepsPerDay = 1440 / stepMinutes;
  const steps = days * stepsPerDay;
  const { localEpochDay, hourOfDay, slot } = localTimeline(new LocalClock(timeZone), startMs, stepMinutes, steps);
  const firstDay = localEpochDay[0];
  const dayIndex = localEpochDay.map((day) => day - firstDay);
  const temperatureC = resample(options.weather, options.weather.temperatureC, startMs, stepMinutes, steps);
  const irradianceWm2 = resample(options.weather, options.weather.irradianceWm2, startMs, stepMinutes, steps);
  const table = buildDayTable({
    firstDay, dayCount: localEpochDay[steps - 1] - firstDay + 1, calendar: options.calendar,
    dayIndex, temperatureC, irradianceWm2, stepHours: stepMinutes / 60,
  });
  return {
    startMs, stepMinutes, stepHours: stepMinutes / 60, steps, stepsPerDay, timeZone,
    hourOfDay, slot, dayIndex, localEpochDay,
    dayKind: Uint8Array.from(dayIndex, (d) => table.dayKind[d]),
    month: Uint8Array.from(dayIndex, (d) => table.month[d]),
    daysFromLunarNewYear: Int16Array.from(dayIndex, (d) => table.daysFromLunarNewYear[d]),
    temperatureC, irradianceWm2, days: table,
  };
}

/** Local day, hour and slot of each interval start. */
function localTimeline(clock: LocalClock, startMs: number, stepMinutes: number, steps: number) {
  const stepsPerDay = 1440 / stepMinutes;
  const localEpochDay = new Int32Array(steps);
  const hourOfDay = new Float32Array(steps);
  const slot = new Uint16Array(steps);
  for (let t = 0; t < steps; t++) {
    const local = clock.localMs(startMs + t * stepMinutes * MS_PER_MINUTE);
    const day = Math.floor(local / MS_PER_DAY);
    const minuteOfDay = (local - day * MS_PER_DAY) / MS_PER_MINUTE;
    localEpochDay[t] = day;
    hourOfDay[t] = minuteOfDay / 60;
    slot[t] = Math.min(stepsPerDay - 1, Math.floor(minuteOfDay / stepMinutes));
  }
  return { localEpochDay, hourOfDay, slot };
}

/** Reads a weather channel at the midpoint of each load interval (linear between weather values). */
function resample(weather: WeatherSeries, values: Float32Array, startMs: number, stepMinutes: number, steps: number): Float32Array {
  if (weather.startMs === startMs && weather.stepMinutes === stepMinutes) return values.slice(0, steps);
  const out = new Float32Array(steps);
  const weatherStepMs = weather.stepMinutes * MS_PER_MINUTE;
  const last = values.length - 1;
  for (let t = 0; t < steps; t++) {
    const mid = startMs + (t + 0.5) * stepMinutes * MS_PER_MINUTE;
    const position = Math.min(last, Math.max(0, (mid - weather.startMs) / weatherStepMs - 0.5));
    const lower = Math.floor(position);
    const upper = Math.min(last, lower + 1);
    out[t] = values[lower] + (values[upper] - values[lower]) * (position - lower);
  }
  return out;
}

function validate(options: SimulationContextOptions): void {
  const { startMs, days, stepMinutes, weather } = options;
  if (!allowedStepMinutes.includes(stepMinutes)) throw new ValidationError('stepMinutes must be 5, 15, 30 or 60', { stepMinutes });
  if (!Number.isInteger(days) || days < 1) throw new ValidationError('days must be a positive integer', { days });
  const endMs = startMs + days * MS_PER_DAY;
  const weatherEndMs = weather.startMs + weather.temperatureC.length * weather.stepMinutes * MS_PER_MINUTE;
  if (weather.startMs > startMs || weatherEndMs < endMs) {
    throw new ValidationError('weather does not cover the simulation period', { startMs, endMs, weatherStartMs: weather.startMs, weatherEndMs });
  }
}
