import { median, selectQuantile, tailQuantiles } from './series-stats.js';

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

/** Reused buffer of first differences (no array per series). */
let diffs = new Float64Array(512);

/** Noise scale of a series robust to level shifts: MAD of first differences / √2. */
export function differenceNoise(series: ArrayLike<number>): number {
  reserveDiffs(series.length);
  // The MAD around 0 is the median of the absolute differences: gathered straight into the buffer.
  let n = 0;
  let previous = Number.NaN;
  for (let i = 0; i < series.length; i++) {
    const v = series[i];
    if (!Number.isFinite(v)) continue;
    const size = Math.abs(v - previous);
    if (Number.isFinite(size)) diffs[n++] = size;
    previous = v;
  }
  return noiseOfDiffs(n);
}

function reserveDiffs(length: number): void {
  if (diffs.length < length) diffs = new Float64Array(Math.max(length, 2 * diffs.length));
}

/** `differenceNoise` from the first `n` absolute differences gathered in `diffs` (reorders them). */
function noiseOfDiffs(n: number): number {
  return (1.4826 * selectQuantile(diffs, n, 0.5)) / Math.SQRT2;
}

/**
 * The split of `series` (NaN = missing) with the largest standardised mean shift in `direction`,
 * each segment holding at least `minSegment` present values; null when the series is too short.
 * Means are taken over values winsorised at the 2nd and 98th percentiles.
 * `noiseFloor` bounds σ from below (a series that is almost always 0 has no day-to-day noise).
 */
export function largestLevelShift(
  input: ArrayLike<number>, minSegment: number, direction: ShiftDirection = 'down', noiseFloor = 1e-9,
): LevelShift | null {
  const found = scanShifts(input, minSegment, noiseFloor);
  if (!found) return null;
  return direction === 'down' ? shiftAt(found.series, found.downIndex, found.bestDown) : shiftAt(found.series, found.upIndex, found.bestUp);
}

/**
 * `largestLevelShift` in both directions from one pass over the series (the quantiles, running
 * sums and noise scale are shared): what a feature asking for the largest rise and fall of the same
 * signal needs.
 */
export function largestLevelShifts(input: ArrayLike<number>, minSegment: number, noiseFloor = 1e-9): Readonly<Record<ShiftDirection, LevelShift | null>> {
  const found = scanShifts(input, minSegment, noiseFloor);
  if (!found) return { down: null, up: null };
  return { down: shiftAt(found.series, found.downIndex, found.bestDown), up: shiftAt(found.series, found.upIndex, found.bestUp) };
}

interface ShiftScan {
  /** The series copied into the shared buffer (valid until the next scan). */
  readonly series: Float64Array;
  readonly downIndex: number;
  readonly bestDown: number;
  readonly upIndex: number;
  readonly bestUp: number;
}

/** Best split in each direction; null when the series has too few present values. */
function scanShifts(input: ArrayLike<number>, minSegment: number, noiseFloor: number): ShiftScan | null {
  const n = input.length;
  if (buffers.values.length < n) buffers = levelBuffers(Math.max(n, 2 * buffers.values.length));
  // One monomorphic copy (the panel's Float32 views and relative Float64 series alike), and running sums in reused buffers.
  const { count, sum } = buffers;
  const series = buffers.values.subarray(0, n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = input[i];
    series[i] = v;
    if (Number.isFinite(v)) total++;
  }
  if (total < 2 * minSegment) return null;
  const [low, high] = tailQuantiles(series, WINSOR, 1 - WINSOR, total);
  // Running sums and the first differences of `differenceNoise` in one pass.
  reserveDiffs(n);
  let nDiffs = 0;
  let previous = Number.NaN;
  count[0] = 0;
  sum[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = series[i];
    const ok = Number.isFinite(v);
    count[i + 1] = count[i] + (ok ? 1 : 0);
    sum[i + 1] = sum[i] + (ok ? Math.min(high, Math.max(low, v)) : 0);
    if (!ok) continue;
    const size = Math.abs(v - previous);
    if (Number.isFinite(size)) diffs[nDiffs++] = size;
    previous = v;
  }
  const sigma = Math.max(noiseOfDiffs(nDiffs), noiseFloor);
  let bestDown = -Infinity;
  let downIndex = -1;
  let bestUp = -Infinity;
  let upIndex = -1;
  for (let i = 1; i < n; i++) {
    const n1 = count[i];
    const n2 = total - n1;
    if (n1 < minSegment || n2 < minSegment) continue;
    const shift = sum[i] / n1 - (sum[n] - sum[i]) / n2;
    const scale = Math.sqrt((n1 * n2) / total);
    const down = (shift / sigma) * scale;
    const up = (-shift / sigma) * scale;
    if (down > bestDown) {
      bestDown = down;
      downIndex = i;
    }
    if (up > bestUp) {
      bestUp = up;
      upIndex = i;
    }
  }
  return { series, downIndex, bestDown, upIndex, bestUp };
}

function shiftAt(series: Float64Array, index: number, z: number): LevelShift | null {
  if (index < 0) return null;
  const before = median(series, 0, index);
  const after = median(series, index, series.length);
  return { index, before, after, ratio: before > 0 ? after / before : Number.NaN, z };
}

function levelBuffers(size: number): { values: Float64Array; count: Float64Array; sum: Float64Array } {
  return { values: new Float64Array(size), count: new Float64Array(size + 1), sum: new Float64Array(size + 1) };
}

let buffers = levelBuffers(512);
