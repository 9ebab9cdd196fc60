import type { SimulationContext } from './simulation-context.js';

/**
 * Summaries used to check the realism of generated load against what grid analysts expect
 * (日负荷率 daily load factor, hourly profiles, daily peaks).
 */

/** Per local day: mean interval energy ÷ maximum interval energy (NaN for an all-zero day). */
export function dailyLoadFactors(ctx: SimulationContext, kwh: ArrayLike<number>): Float64Array {
  const sums = new Float64Array(ctx.days.count);
  const peaks = new Float64Array(ctx.days.count);
  const counts = new Int32Array(ctx.days.count);
  for (let t = 0; t < ctx.steps; t++) {
    const d = ctx.dayIndex[t];
    sums[d] += kwh[t];
    counts[d]++;
    if (kwh[t] > peaks[d]) peaks[d] = kwh[t];
  }
  return sums.map((sum, d) => (peaks[d] > 0 ? sum / counts[d] / peaks[d] : Number.NaN));
}

/** Per local day: maximum interval demand, kW. */
export function dailyPeakKw(ctx: SimulationContext, kwh: ArrayLike<number>): Float64Array {
  const peaks = new Float64Array(ctx.days.count);
  for (let t = 0; t < ctx.steps; t++) {
    const d = ctx.dayIndex[t];
    const kw = kwh[t] / ctx.stepHours;
    if (kw > peaks[d]) peaks[d] = kw;
  }
  return peaks;
}

/** Mean demand (kW) by local hour of day over the steps for which `include(t)` holds. */
export function meanKwByHour(ctx: SimulationContext, kwh: ArrayLike<number>, include: (t: number) => boolean = () => true): number[] {
  const sums = new Array<number>(24).fill(0);
  const counts = new Array<number>(24).fill(0);
  for (let t = 0; t < ctx.steps; t++) {
    if (!include(t)) continue;
    const hour = Math.floor(ctx.hourOfDay[t]);
    sums[hour] += kwh[t] / ctx.stepHours;
    counts[hour]++;
  }
  return sums.map((sum, h) => (counts[h] > 0 ? sum / counts[h] : 0));
}
