import { ValidationError } from '../../core/errors.js';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../../core/time/index.js';
import { Rng } from '../rng.js';
import type { Climate } from './climate.js';
import { generateDailyWeather, type DailyWeather } from './daily-weather.js';
import { LocalClock } from './local-clock.js';
import { clearSkyGhi, cosSolarZenith } from './solar-geometry.js';

export interface WeatherOptions {
  readonly seed: number;
  /** UTC milliseconds of the local midnight the series starts at. */
  readonly startMs: number;
  readonly days: number;
  /** Interval length; must divide a day (5, 15, 30, 60...). */
  readonly stepMinutes: number;
  readonly climate: Climate;
  readonly timeZone: string;
}

/**
 * Interval weather on a regular UTC grid. Value i describes the interval
 * [startMs + i·step, startMs + (i+1)·step), evaluated at its midpoint.
 */
export interface WeatherSeries {
  readonly startMs: number;
  readonly stepMinutes: number;
  /** Air temperature, °C. */
  readonly temperatureC: Float32Array;
  /** Relative humidity, % (0–100). */
  readonly humidity: Float32Array;
  /** Global horizontal irradiance, W/m². */
  readonly irradianceWm2: Float32Array;
}

/** Hourly persistence of the sub-daily temperature wobble and cloud flicker. */
const HOURLY_PERSISTENCE = 0.8;
const TEMPERATURE_WOBBLE_SD = 0.35;
const CLOUD_FLICKER_SD = 0.15;
/** Relative humidity falls this many points per °C above the daily mean. */
const HUMIDITY_PER_C = 3;

/** Generates deterministic weather for the climate: the same options give the same series. */
export function generateWeather(options: WeatherOptions): WeatherSeries {
  validate(options);
  const { startMs, days, stepMinutes, climate } = options;
  const steps = (days * 24 * 60) / stepMinutes;
  const stepMs = stepMinutes * MS_PER_MINUTE;
  const clock = new LocalClock(options.timeZone);
  const firstDay = Math.floor(clock.localMs(startMs) / MS_PER_DAY) - 1;
  const lastDay = Math.floor(clock.localMs(startMs + steps * stepMs) / MS_PER_DAY) + 1;
  const rng = new Rng(options.seed, 'weather', climate.name);
  const daily = generateDailyWeather(climate, rng.fork('daily'), firstDay, lastDay - firstDay + 1);
  const series: WeatherSeries = {
    startMs, stepMinutes,
    temperatureC: new Float32Array(steps), humidity: new Float32Array(steps), irradianceWm2: new Float32Array(steps),
  };
  const noise = rng.fork('intraday');
  const phi = Math.pow(HOURLY_PERSISTENCE, stepMinutes / 60);
  const innovation = Math.sqrt(1 - phi * phi);
  let wobble = 0;
  let flicker = 0;
  for (let i = 0; i < steps; i++) {
    const utcMid = startMs + (i + 0.5) * stepMs;
    const local = clock.localMs(utcMid);
    const day = Math.floor(local / MS_PER_DAY);
    const hour = (local - day * MS_PER_DAY) / MS_PER_HOUR;
    const d = day - firstDay;
    wobble = phi * wobble + innovation * noise.normal();
    flicker = phi * flicker + innovation * noise.normal();
    const smooth = diurnalTemperature(daily, climate, d, hour);
    series.temperatureC[i] = smooth + TEMPERATURE_WOBBLE_SD * wobble;
    const dev = smooth - daily.meanC[d];
    series.humidity[i] = Math.min(100, Math.max(15, daily.humidityPct[d] - HUMIDITY_PER_C * dev));
    const c = daily.cloud[d];
    const cloud = Math.min(1, Math.max(0, c + CLOUD_FLICKER_SD * 4 * c * (1 - c) * flicker));
    series.irradianceWm2[i] = clearSkyGhi(cosSolarZenith(utcMid, climate.latitudeDeg, climate.longitudeDeg)) * cloudFactor(cloud);
  }
  return series;
}

/** Share of clear-sky irradiance reaching the ground under the given cloud cover. */
export function cloudFactor(cloud: number): number {
  return 1 - cloud * (0.35 + 0.55 * cloud);
}

/**
 * Temperature at a local hour of day index d: half-cosine rise from the day's minimum (at
 * hourOfMinimum) to its maximum (hourOfMaximum), then a half-cosine fall to the next day's minimum.
 * Each half has its midpoint as mean, so the daily mean stays (min + max) / 2.
 */
export function diurnalTemperature(daily: DailyWeather, climate: Climate, d: number, hour: number): number {
  const hMin = climate.hourOfMinimum;
  const hMax = climate.hourOfMaximum;
  if (hour < hMin) return halfCosine(maxOf(daily, d - 1), minOf(daily, d), (hour + 24 - hMax) / (hMin + 24 - hMax));
  if (hour < hMax) return halfCosine(minOf(daily, d), maxOf(daily, d), (hour - hMin) / (hMax - hMin));
  return halfCosine(maxOf(daily, d), minOf(daily, d + 1), (hour - hMax) / (hMin + 24 - hMax));
}

function halfCosine(from: number, to: number, frac: number): number {
  return from + (to - from) * 0.5 * (1 - Math.cos(Math.PI * frac));
}

function minOf(daily: DailyWeather, d: number): number {
  return daily.meanC[d] - daily.rangeC[d] / 2;
}

function maxOf(daily: DailyWeather, d: number): number {
  return daily.meanC[d] + daily.rangeC[d] / 2;
}

function validate(options: WeatherOptions): void {
  const { startMs, days, stepMinutes, climate } = options;
  if (!Number.isFinite(startMs)) throw new ValidationError('startMs must be a finite UTC timestamp', { startMs });
  if (!Number.isInteger(days) || days < 1) throw new ValidationError('days must be a positive integer', { days });
  if (!Number.isInteger(stepMinutes) || stepMinutes < 1 || 1440 % stepMinutes !== 0) {
    throw new ValidationError('stepMinutes must divide a day', { stepMinutes });
  }
  for (const [name, table] of Object.entries(climateTables(climate))) {
    if (table.length !== 12) throw new ValidationError(`climate table ${name} must have 12 monthly values`, { name, length: table.length });
  }
}

function climateTables(climate: Climate): Record<string, readonly number[]> {
  return {
    monthlyMeanC: climate.monthlyMeanC, monthlyDiurnalRangeC: climate.monthlyDiurnalRangeC,
    monthlyAnomalySdC: climate.monthlyAnomalySdC, monthlyCloudCover: climate.monthlyCloudCover,
    monthlyHumidityPct: climate.monthlyHumidityPct,
  };
}
