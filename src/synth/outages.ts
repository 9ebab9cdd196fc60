import type { Rng } from './rng.js';

/** An unplanned supply interruption of a whole transformer area, in interval steps [start, end). */
export interface Outage {
  readonly startIndex: number;
  readonly endIndex: number;
}

/**
 * Outages of one area over the run: Hangzhou's urban reliability is high (a customer sees about one
 * interruption a year); summer thunderstorms and typhoons bring most of them. Durations 30 min–4 h.
 */
export function drawOutages(rng: Rng, days: number, stepsPerDay: number, month: (day: number) => number, ratePerYear = 1.2): Outage[] {
  const count = rng.poisson((ratePerYear * days) / 365);
  const outages: Outage[] = [];
  for (let k = 0; k < count * 3 && outages.length < count; k++) {
    const day = rng.int(0, days - 1);
    const m = month(day);
    if (!(m >= 6 && m <= 9) && rng.chance(0.5)) continue;
    const start = day * stepsPerDay + rng.int(0, stepsPerDay - 1);
    const length = Math.max(1, Math.round((rng.uniform(0.5, 4) * stepsPerDay) / 24));
    const end = Math.min(days * stepsPerDay, start + length);
    if (outages.some((o) => start < o.endIndex + stepsPerDay && end > o.startIndex - stepsPerDay)) continue;
    outages.push({ startIndex: start, endIndex: end });
  }
  return outages.sort((a, b) => a.startIndex - b.startIndex);
}

/** Zeroes the intervals of the outages in each series (consumption, import, export). */
export function applyOutages(outages: readonly Outage[], ...series: (Float64Array | null)[]): void {
  for (const o of outages) for (const s of series) if (s) s.fill(0, o.startIndex, o.endIndex);
}
