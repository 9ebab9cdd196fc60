import { mad, median, quantile } from './series-stats.js';

/** The largest sustained level shift of a daily series, found by a two-segment mean split. */
export interface LevelShift {
  /** First position of the second segment. */
  readonly index: number;
  /** Median of the present values before and from `index`. */
  readonly before: number;
  readonly after: number;
  /** after / before (NaN when before is not positive). */
  readonly ratio: number;
  /** Standardised size: Δmean / σ · √(n₁n₂/(n₁+n₂)), σ from the median absolute first difference. */
  readonly z: number;
}

export type ShiftDirection = 'down' | 'up';

/** Share of values clipped at each end before the means are taken (meter spikes, lost days). */
const WINSOR = 0.02;

/** Noise scale of a series robust to level shifts: MAD of first differences / √2. */
export function differenceNoise(series: ArrayLike<number>): number {
  const diffs: number[] = [];
  let previous = Number.NaN;
  for (let i = 0; i < series.length; i++) {
    if (!Number.isFinite(series[i])) continue;
    if (Number.isFinite(previous)) diffs.push(series[i] - previous);
    previous = series[i];
  }
  return mad(diffs, 0) / Math.SQRT2;
}

/**
 * The split of `series` (NaN = missing) with the largest standardised mean shift in `direction`,
 * each segment holding at least `minSegment` present values; null when the series is too short.
 * Means are taken over values winsorised at the 2nd and 98th percentiles.
 * `noiseFloor` bounds σ from below (a series that is almost always 0 has no day-to-day noise).
 */
export function largestLevelShift(
  series: ArrayLike<number>, minSegment: number, direction: ShiftDirection = 'down', noiseFloor = 1e-9,
): LevelShift | null {
  const n = series.length;
  const low = quantile(series, WINSOR);
  const high = quantile(series, 1 - WINSOR);
  const count = new Float64Array(n + 1);
  const sum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const ok = Number.isFinite(series[i]);
    count[i + 1] = count[i] + (ok ? 1 : 0);
    sum[i + 1] = sum[i] + (ok ? Math.min(high, Math.max(low, series[i])) : 0);
  }
  const total = count[n];
  if (total < 2 * minSegment) return null;
  const sigma = Math.max(differenceNoise(series), noiseFloor);
  const sign = direction === 'down' ? 1 : -1;
  let best = -Infinity;
  let bestIndex = -1;
  for (let i = 1; i < n; i++) {
    const n1 = count[i];
    const n2 = total - n1;
    if (n1 < minSegment || n2 < minSegment) continue;
    const shift = sign * (sum[i] / n1 - (sum[n] - sum[i]) / n2);
    const z = (shift / sigma) * Math.sqrt((n1 * n2) / total);
    if (z > best) {
      best = z;
      bestIndex = i;
    }
  }
  if (bestIndex < 0) return null;
  const before = median(series, 0, bestIndex);
  const after = median(series, bestIndex, n);
  return { index: bestIndex, before, after, ratio: before > 0 ? after / before : Number.NaN, z: best };
}
