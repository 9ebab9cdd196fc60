import type { LocalClock } from './local-clock.js';

/** `values[i - lag]` for each row i in [from, to); NaN where that row is before the start. */
export function laggedValues(values: Float64Array, lag: number, from = 0, to = values.length): Float64Array {
  const out = new Float64Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = i - lag >= 0 ? values[i - lag] : Number.NaN;
  return out;
}

/**
 * Mean of the known values in the window of `window` rows ending `lag` rows before each row in
 * [from, to): rows i - lag - window + 1 .. i - lag. NaN when none of them is known.
 */
export function laggedWindowMean(values: Float64Array, lag: number, window: number, from = 0, to = values.length): Float64Array {
  const out = new Float64Array(to - from);
  for (let i = from; i < to; i++) {
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, i - lag - window + 1); j <= i - lag; j++) {
      const v = values[j];
      if (v === v) {
        sum += v;
        count++;
      }
    }
    out[i - from] = count > 0 ? sum / count : Number.NaN;
  }
  return out;
}

/**
 * For each row of a clock, the mean of `values` over the local calendar day `daysBack` days
 * before the row's own day (the "daily moving average" temperatures of Wang, Liu and Hong 2016).
 * `values` covers the whole series; the clock must too. NaN where that day has no known value.
 */
export function previousDayMeans(values: Float64Array, clock: LocalClock, daysBack: number, from = 0, to = values.length): Float64Array {
  const sums = new Map<number, { sum: number; count: number }>();
  for (let i = 0; i < clock.day.length; i++) {
    const v = values[clock.from + i];
    if (v !== v) continue;
    const entry = sums.get(clock.day[i]) ?? { sum: 0, count: 0 };
    entry.sum += v;
    entry.count++;
    sums.set(clock.day[i], entry);
  }
  const out = new Float64Array(to - from);
  for (let i = from; i < to; i++) {
    const entry = sums.get(clock.day[i - clock.from] - daysBack);
    out[i - from] = entry ? entry.sum / entry.count : Number.NaN;
  }
  return out;
}
