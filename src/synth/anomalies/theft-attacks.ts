import type { Rng } from '../rng.js';
import { assertRange, stepsPerHourOf } from './series-shape.js';
import type { TheftFamily, TheftParamsByFamily, TheftPlan } from './theft-families.js';

/** Rewrites `out[start, end)` in place; `out` holds the true readings on entry. */
type Attack<F extends TheftFamily> = (out: Float64Array, plan: TheftPlan<F>, stepsPerDay: number, rng: Rng) => void;

/**
 * The metered series of a thief: a copy of `trueKwh` with `plan` applied. `trueKwh` is not changed
 * (the caller keeps it for the transformer-area meter). Pass `out` to reuse a buffer.
 * Per-day and per-reading randomness (h2 windows, h3/h4 factors) comes from `rng`.
 */
export function applyTheft(
  trueKwh: Float64Array,
  plan: TheftPlan,
  stepsPerDay: number,
  rng: Rng,
  out: Float64Array = new Float64Array(trueKwh.length),
): Float64Array {
  stepsPerHourOf(stepsPerDay);
  assertRange(plan.startIndex, plan.endIndex, trueKwh.length);
  if (out.length !== trueKwh.length) throw new RangeError('out must have the length of trueKwh');
  out.set(trueKwh);
  runAttack(out, plan, stepsPerDay, rng);
  return out;
}

function runAttack<F extends TheftFamily>(out: Float64Array, plan: TheftPlan<F>, stepsPerDay: number, rng: Rng): void {
  const attack: Attack<F> = attacks[plan.family];
  attack(out, plan, stepsPerDay, rng);
}

const attacks: { [F in TheftFamily]: Attack<F> } = {
  h1: (out, plan) => scale(out, plan.startIndex, plan.endIndex, plan.params.alpha),
  h2: zeroDailyWindow,
  h3: (out, plan, _spd, rng) => scaleEach(out, plan.startIndex, plan.endIndex, plan.params.factor, rng),
  h4: (out, plan, spd, rng) => forEachDay(plan, spd, (s, e) => randomSharesOfMean(out, s, e, plan.params, rng)),
  h5: (out, plan, spd) => forEachDay(plan, spd, (s, e) => out.fill(mean(out, s, e), s, e)),
  h6: (out, plan, spd) => forEachDay(plan, spd, (s, e) => out.subarray(s, e).reverse()),
  bypass: (out, plan) => scale(out, plan.startIndex, plan.endIndex, 1 - plan.params.share),
};

/** Calls `fn(start, end)` for the part of each local day that lies inside the plan's range. */
function forEachDay(plan: TheftPlan, stepsPerDay: number, fn: (start: number, end: number, dayStart: number) => void): void {
  for (let dayStart = plan.startIndex - (plan.startIndex % stepsPerDay); dayStart < plan.endIndex; dayStart += stepsPerDay) {
    fn(Math.max(dayStart, plan.startIndex), Math.min(dayStart + stepsPerDay, plan.endIndex), dayStart);
  }
}

function scale(out: Float64Array, start: number, end: number, factor: number): void {
  for (let i = start; i < end; i++) out[i] *= factor;
}

function scaleEach(out: Float64Array, start: number, end: number, [min, max]: readonly [number, number], rng: Rng): void {
  for (let i = start; i < end; i++) out[i] *= rng.uniform(min, max);
}

function mean(values: Float64Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += values[i];
  return end > start ? sum / (end - start) : 0;
}

function randomSharesOfMean(out: Float64Array, start: number, end: number, params: TheftParamsByFamily['h4'], rng: Rng): void {
  const dayMean = mean(out, start, end);
  const [min, max] = params.share;
  for (let i = start; i < end; i++) out[i] = dayMean * rng.uniform(min, max);
}

/** h2: one window a day, its start hour and length drawn per day, clipped to the plan's range. */
function zeroDailyWindow(out: Float64Array, plan: TheftPlan<'h2'>, stepsPerDay: number, rng: Rng): void {
  const stepsPerHour = stepsPerHourOf(stepsPerDay);
  const [minHours, maxHours] = plan.params.windowHours;
  forEachDay(plan, stepsPerDay, (start, end, dayStart) => {
    const length = Math.min(stepsPerDay, Math.max(1, Math.round(rng.uniform(minHours, maxHours) * stepsPerHour)));
    const windowStart = dayStart + rng.int(0, stepsPerDay - length);
    out.fill(0, Math.max(start, windowStart), Math.max(start, Math.min(end, windowStart + length)));
  });
}
