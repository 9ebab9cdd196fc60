import type { Rng } from '../rng.js';
import type { CustomerTables } from './load-engine.js';
import type { LoadParams } from './load-model.js';
import { addBlock } from './shapes.js';
import type { SimulationContext } from './simulation-context.js';

/**
 * Equipment that runs on its own schedule on top of the base load. Each add-on does nothing for a
 * customer without its parameters, so the generator applies all of them to every customer.
 */
export type AddOn = (ctx: SimulationContext, params: LoadParams, tables: CustomerTables, rng: Rng, out: Float64Array) => void;

/** Home EV charging: sessions of 2–5 h, mostly timed for the 22:00 valley price, none when away. */
export const addEvCharging: AddOn = (ctx, params, tables, rng, out) => {
  const ev = params.ev;
  if (!ev) return;
  const stepsPerHour = 60 / ctx.stepMinutes;
  for (let d = 0; d < ctx.days.count; d++) {
    if (tables.dayFactor[d] < 0.5 || !rng.chance(ev.dailyProbability)) continue;
    const valley = rng.chance(ev.valleyShare);
    const startHour = valley ? (rng.chance(0.5) ? 22 : rng.uniform(22, 23.5)) : rng.uniform(18, 21.5);
    const hours = 2 + 3 * rng.next() ** 2; // 2–5 h, short top-ups more common than full charges
    addBlock(out, ctx.days.firstStep[d] + startHour * stepsPerHour, hours * stepsPerHour, ev.chargerKw * ctx.stepHours);
  }
};

/**
 * Refrigeration compressors cycling on and off; the duty cycle rises with the outdoor temperature.
 * The on-time inside each interval is integrated exactly from the square wave.
 */
export const addCompressorCycling: AddOn = (ctx, params, _tables, _rng, out) => {
  const c = params.compressors;
  if (!c) return;
  const duty = dutyCycles(ctx.temperatureC, c.dutyAt0C, c.dutyPerC);
  for (let i = 0; i < c.periodsMinutes.length; i++) addCompressor(out, duty, ctx.stepMinutes, c.periodsMinutes[i], c.phasesMinutes[i], c.unitKw / 60);
};

function dutyCycles(temperatureC: Float32Array, at0C: number, perC: number): Float64Array {
  const duty = new Float64Array(temperatureC.length);
  for (let t = 0; t < duty.length; t++) {
    const raw = at0C + perC * temperatureC[t];
    duty[t] = raw < 0.1 ? 0.1 : raw > 0.95 ? 0.95 : raw;
  }
  return duty;
}

/**
 * Walks one compressor's on/off square wave through the intervals: `position` is the minute within
 * the current cycle, the compressor is on for the first duty·period minutes of each cycle.
 */
function addCompressor(out: Float64Array, duty: Float64Array, stepMinutes: number, period: number, phase: number, kwhPerMinute: number): void {
  let position = phase % period;
  for (let t = 0; t < out.length; t++) {
    const onLength = duty[t] * period;
    let remaining = stepMinutes;
    let onMinutes = 0;
    while (remaining > 0) {
      const chunk = Math.min(remaining, period - position);
      if (position < onLength) onMinutes += Math.min(position + chunk, onLength) - position;
      position += chunk;
      remaining -= chunk;
      if (position >= period) position -= period;
    }
    out[t] += kwhPerMinute * onMinutes;
  }
}

/** Chance of irrigating on a day by month: April–September season, paddy peak in July–August. */
const irrigationSeason = [0.003, 0.003, 0.04, 0.3, 0.5, 0.45, 0.85, 0.85, 0.5, 0.12, 0.01, 0.003];

/** Irrigation pump runs on dry, hot days: one long daytime or night run. */
export const addPumpRuns: AddOn = (ctx, params, _tables, rng, out) => {
  const pump = params.pump;
  if (!pump) return;
  const days = ctx.days;
  const stepsPerHour = 60 / ctx.stepMinutes;
  for (let d = 0; d < days.count; d++) {
    const dryness = 0.35 + 0.1 * (days.maxTempC[d] - 26) + 0.12 * (days.irradiationKwhM2[d] - 3.5);
    const chance = irrigationSeason[days.month[d] - 1] * Math.min(1, Math.max(0.05, dryness));
    if (!rng.chance(chance)) continue;
    const startHour = pump.nightRunner ? rng.uniform(19, 22) : rng.uniform(5.5, 8.5);
    const hours = rng.uniform(pump.runHours[0], pump.runHours[1]);
    addBlock(out, days.firstStep[d] + startHour * stepsPerHour, hours * stepsPerHour, pump.kw * ctx.stepHours);
  }
};

/** Photocell street lighting with optional late-night dimming; ±2 % supply-voltage wander per day. */
export const addStreetLighting: AddOn = (ctx, params, _tables, rng, out) => {
  const lamps = params.lighting;
  if (!lamps) return;
  const dayLevel = Float32Array.from({ length: ctx.days.count }, () => rng.uniform(0.98, 1.02));
  const kwh = lamps.kw * ctx.stepHours;
  const threshold = lamps.thresholdWm2;
  for (let t = 0; t < out.length; t++) {
    const on = Math.min(1, Math.max(0, (1.5 * threshold - ctx.irradianceWm2[t]) / threshold));
    if (on === 0) continue;
    const hour = ctx.hourOfDay[t];
    const share = hour >= 23 || hour < 5 ? lamps.lateNightShare : 1;
    out[t] += kwh * on * share * dayLevel[ctx.dayIndex[t]];
  }
};

export const addOns: readonly AddOn[] = [addEvCharging, addCompressorCycling, addPumpRuns, addStreetLighting];
