import type { Rng } from '../rng.js';
import type { ArchetypeModel, LoadParams } from './load-model.js';
import { addBlock, sampleTemplate } from './shapes.js';
import type { SimulationContext } from './simulation-context.js';

/** One customer's lookup tables: everything the interval loop reads besides the run context. */
export interface CustomerTables {
  /** Base energy per interval, kWh: profiles × stepsPerDay. */
  readonly shapes: Float32Array;
  /** Share (0–1) of the thermal load active: profiles × stepsPerDay. */
  readonly thermal: Float32Array;
  /** Per local day: first index of the day's profile in `shapes` / `thermal`. */
  readonly dayOffset: Int32Array;
  /** Per local day: multiplier of the day's load, day-to-day noise included. */
  readonly dayFactor: Float32Array;
}

/** Day-to-day persistence of the level noise. */
const DAY_PERSISTENCE = 0.5;
const SQRT12 = Math.sqrt(12);

export function buildCustomerTables(model: ArchetypeModel, ctx: SimulationContext, params: LoadParams, rng: Rng): CustomerTables {
  const perDay = ctx.stepsPerDay;
  const shapes = new Float32Array(model.profiles.length * perDay);
  const thermal = new Float32Array(model.profiles.length * perDay);
  model.profiles.forEach((profile, i) => {
    const shape = { shiftMinutes: params.shiftMinutes, hourlyJitter: params.hourlyJitter, scale: params.scaleKw * ctx.stepHours };
    sampleTemplate(profile.base, perDay, shape, shapes, i * perDay);
    sampleTemplate(profile.thermal, perDay, { shiftMinutes: params.shiftMinutes, scale: 1 }, thermal, i * perDay);
  });
  const days = ctx.days;
  const dayOffset = new Int32Array(days.count);
  const dayFactor = new Float32Array(days.count);
  const sd = params.noise.daySd;
  let level = rng.normal();
  for (let d = 0; d < days.count; d++) {
    level = DAY_PERSISTENCE * level + Math.sqrt(1 - DAY_PERSISTENCE ** 2) * rng.normal();
    dayOffset[d] = model.profileOfDay(days, d, params) * perDay;
    dayFactor[d] = model.dayFactor(days, d, params) * Math.max(0.3, 1 + sd * level);
  }
  return { shapes, thermal, dayOffset, dayFactor };
}

/**
 * The interval loop: (base + thermal) × day factor × (1 + AR(1) noise). Innovations are uniform
 * (one 32-bit draw each); the AR(1) sum makes the noise close to Gaussian.
 */
export function runBaseLoad(ctx: SimulationContext, tables: CustomerTables, params: LoadParams, rng: Rng, out: Float64Array): void {
  const { slot, dayIndex, temperatureC } = ctx;
  const { shapes, thermal, dayOffset, dayFactor } = tables;
  const { coolingBaseC, heatingBaseC } = params.thermal;
  const coolK = params.thermal.coolingKwPerC * ctx.stepHours;
  const heatK = params.thermal.heatingKwPerC * ctx.stepHours;
  const phi = Math.pow(params.noise.persistence, ctx.stepMinutes / 15);
  const innovation = params.noise.sd * Math.sqrt(1 - phi * phi) * SQRT12;
  let e = params.noise.sd * rng.normal();
  const n = out.length;
  for (let t = 0; t < n; t++) {
    const d = dayIndex[t];
    const k = dayOffset[d] + slot[t];
    const temp = temperatureC[t];
    const drive = temp > coolingBaseC ? (temp - coolingBaseC) * coolK : temp < heatingBaseC ? (heatingBaseC - temp) * heatK : 0;
    e = phi * e + innovation * (rng.next() - 0.5);
    const m = 1 + e;
    out[t] = (shapes[k] + drive * thermal[k]) * dayFactor[d] * (m > 0.05 ? m : 0.05);
  }
}

/** Appliance bursts (kettle, induction hob, washing machine heater): short blocks at random times. */
export function addBursts(ctx: SimulationContext, tables: CustomerTables, params: LoadParams, rng: Rng, out: Float64Array): void {
  const { burstsPerDay, burstKw, burstHours } = params.noise;
  if (burstsPerDay <= 0) return;
  const stepsPerHour = 60 / ctx.stepMinutes;
  const days = ctx.days;
  for (let d = 0; d < days.count; d++) {
    const count = rng.poisson(burstsPerDay * Math.min(1, tables.dayFactor[d]));
    for (let i = 0; i < count; i++) {
      const start = days.firstStep[d] + rng.uniform(burstHours[0], burstHours[1]) * stepsPerHour;
      const minutes = rng.uniform(10, 60);
      addBlock(out, start, (minutes / 60) * stepsPerHour, rng.uniform(burstKw[0], burstKw[1]) * ctx.stepHours);
    }
  }
}
