import { localMidnightUtc, WorkCalendar } from '../../core/time/index.js';
import { Rng } from '../rng.js';
import { hangzhouClimate } from '../weather/climate.js';
import { generateWeather } from '../weather/weather-generator.js';
import type { ArchetypeName } from './archetypes.js';
import { generateLoad, type LoadSeries } from './load-generator.js';
import type { LoadParams } from './load-model.js';
import { drawLoadParams } from './load-params.js';
import { buildSimulationContext, type SimulationContext } from './simulation-context.js';

/** Shared fixtures for the load tests: a Hangzhou run context and batches of generated customers. */

const zone = 'Asia/Shanghai';
const cache = new Map<string, SimulationContext>();

export function hangzhouContext(startIso = '2024-01-01', days = 366, stepMinutes = 15, seed = 3): SimulationContext {
  const key = `${startIso}/${days}/${stepMinutes}/${seed}`;
  let ctx = cache.get(key);
  if (!ctx) {
    const startMs = localMidnightUtc(startIso, zone);
    const weather = generateWeather({ seed, startMs, days, stepMinutes, climate: hangzhouClimate, timeZone: zone });
    ctx = buildSimulationContext({ startMs, days, stepMinutes, timeZone: zone, weather, calendar: new WorkCalendar() });
    cache.set(key, ctx);
  }
  return ctx;
}

export interface GeneratedCustomer {
  readonly params: LoadParams;
  readonly series: LoadSeries;
}

export function generateCustomers(name: ArchetypeName, count: number, ctx: SimulationContext, seed = 1): GeneratedCustomer[] {
  return Array.from({ length: count }, (_, i) => {
    const rng = new Rng(seed, name, i);
    const params = drawLoadParams(name, rng);
    return { params, series: generateLoad(name, params, ctx, rng) };
  });
}

/** Mean of the values at the steps (or days) for which `include` holds. */
export function meanWhere(values: ArrayLike<number>, include: (i: number) => boolean): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (!include(i)) continue;
    sum += values[i];
    count++;
  }
  return count > 0 ? sum / count : Number.NaN;
}
