import type { TableBatch } from '../core/record-batch.js';
import { MS_PER_MINUTE, WorkCalendar, localMidnightUtc } from '../core/time/index.js';
import { buildSimulationContext, type SimulationContext } from './load/index.js';
import type { SynthOptions } from './synth-options.js';
import { generateWeather, hangzhouClimate, type WeatherSeries } from './weather/index.js';

export interface RunContext {
  readonly options: SynthOptions;
  readonly ctx: SimulationContext;
  readonly weather: WeatherSeries;
  readonly calendar: WorkCalendar;
  readonly stepMs: number;
  readonly endMs: number;
}

export function weatherRows(run: RunContext): TableBatch {
  const stepsPerHour = 60 / run.options.intervalMinutes;
  const hours = Math.floor(run.weather.temperatureC.length / stepsPerHour);
  const ts = new Float64Array(hours), t = new Float32Array(hours), h = new Float32Array(hours), g = new Float32Array(hours);
  for (let k = 0; k < hours; k++) {
    const i = k * stepsPerHour;
    ts[k] = run.weather.startMs + i * run.stepMs;
    t[k] = Math.round(run.weather.temperatureC[i] * 10) / 10;
    h[k] = Math.round(run.weather.humidity[i]);
    g[k] = Math.round(run.weather.irradianceWm2[i]);
  }
  return { table: 'weather', batch: { rowCount: hours, columns: { station_id: Array(hours).fill('HZ58457'), ts, temperature_c: t, relative_humidity: h, irradiance_wm2: g } } };
}

export function prepareRun(options: SynthOptions): RunContext {
  const startMs = localMidnightUtc(options.start, options.timeZone);
  const calendar = new WorkCalendar();
  const weather = generateWeather({ seed: options.seed, startMs, days: options.days, stepMinutes: options.intervalMinutes, climate: hangzhouClimate, timeZone: options.timeZone });
  const ctx = buildSimulationContext({ startMs, days: options.days, stepMinutes: options.intervalMinutes, timeZone: options.timeZone, weather, calendar });
  const stepMs = options.intervalMinutes * MS_PER_MINUTE;
  return { options, ctx, weather, calendar, stepMs, endMs: startMs + ctx.steps * stepMs };
}

