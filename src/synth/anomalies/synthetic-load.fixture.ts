import { Rng } from '../rng.js';
import { theftFamilyNames, type TheftFamily } from './theft-families.js';

/** A strictly positive household-like load for tests: base, evening peak and noise, in kWh per interval. */
export function syntheticLoad(seed: number, days: number, stepsPerDay: number): Float64Array {
  const rng = new Rng(seed, 'synthetic-load');
  const load = new Float64Array(days * stepsPerDay);
  const hoursPerStep = 24 / stepsPerDay;
  for (let i = 0; i < load.length; i++) {
    const hour = (i % stepsPerDay) * hoursPerStep;
    const kw = 0.3 + 1.2 * Math.exp(-((hour - 20) ** 2) / 6) + 0.5 * Math.exp(-((hour - 8) ** 2) / 4);
    load[i] = kw * hoursPerStep * (0.8 + 0.4 * rng.next()) + 0.001;
  }
  return load;
}

export function sum(values: Float64Array, start = 0, end = values.length): number {
  let total = 0;
  for (let i = start; i < end; i++) total += values[i];
  return total;
}

/** Family weights that select `family` only. */
export function only(family: TheftFamily): Record<TheftFamily, number> {
  const weights = Object.fromEntries(theftFamilyNames.map((name) => [name, 0])) as Record<TheftFamily, number>;
  weights[family] = 1;
  return weights;
}
