import { selectKth } from '../../core/typed-arrays.js';

/**
 * Small robust statistics over numeric arrays. NaN marks a missing value and is skipped by every
 * function here; an empty input gives NaN.
 */

/** The finite values of `values[start, end)`. */
export function present(values: ArrayLike<number>, start = 0, end = values.length): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, start); i < Math.min(end, values.length); i++) if (Number.isFinite(values[i])) out.push(values[i]);
  return out;
}

export function mean(values: ArrayLike<number>, start = 0, end = values.length): number {
  let sum = 0;
  let n = 0;
  for (let i = Math.max(0, start); i < Math.min(end, values.length); i++) {
    if (Number.isFinite(values[i])) {
      sum += values[i];
      n++;
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}

/**
 * Scratch buffer for order statistics: quantiles copy the present values here instead of allocating
 * an array per call (they run several times per meter and day series).
 */
let scratch = new Float64Array(1024);

/** Copies the finite values of `values[start, end)` into the scratch buffer; returns how many. */
function gather(values: ArrayLike<number>, start: number, end: number): number {
  const from = Math.max(0, start);
  const to = Math.min(end, values.length);
  if (to - from > scratch.length) scratch = new Float64Array(Math.max(to - from, 2 * scratch.length));
  const buffer = scratch;
  let n = 0;
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (Number.isFinite(v)) buffer[n++] = v;
  }
  return n;
}

/** Type-7 quantile of the first `n` values of the scratch buffer (reorders them). */
function scratchQuantile(n: number, q: number): number {
  return selectQuantile(scratch, n, q);
}

/**
 * Type-7 quantile of the first `n` values of `buffer`, which must all be finite (reorders them):
 * for callers that gather values into a buffer of their own.
 */
export function selectQuantile(buffer: Float64Array, n: number, q: number): number {
  if (n === 0) return Number.NaN;
  const at = q * (n - 1);
  const lo = Math.floor(at);
  const low = selectKth(buffer, 0, n - 1, lo);
  if (lo + 1 >= n || at === lo) return low + (low - low) * (at - lo);
  // The next order statistic is the smallest value after position lo.
  let next = buffer[lo + 1];
  for (let i = lo + 2; i < n; i++) if (buffer[i] < next) next = buffer[i];
  return low + (next - low) * (at - lo);
}

/**
 * Quantile by linear interpolation between order statistics (type 7, as numpy's default). Linear
 * time by selection: the same value as sorting the present values and interpolating.
 */
export function quantile(values: ArrayLike<number>, q: number, start = 0, end = values.length): number {
  return scratchQuantile(gather(values, start, end), q);
}

/** The quantiles `qs` of the same values (one copy of them). */
export function quantiles(values: ArrayLike<number>, qs: readonly number[], start = 0, end = values.length): number[] {
  const n = gather(values, start, end);
  return qs.map((q) => scratchQuantile(n, q));
}

/** Order statistics kept by `tailQuantiles`: beyond this many values from either end it selects instead. */
const TAIL_MAX = 32;
const lowTail = new Float64Array(TAIL_MAX);
const highTail = new Float64Array(TAIL_MAX);

/**
 * The quantiles `qLow` and `qHigh` of the present values, equal to `quantiles(values, [qLow, qHigh])`.
 * When both fall near the ends (winsorising limits), one pass keeps the few smallest and largest
 * values instead of copying the series and selecting twice. `n` is the number of present values,
 * for a caller that has counted them already.
 */
export function tailQuantiles(values: ArrayLike<number>, qLow: number, qHigh: number, n = countPresent(values)): [number, number] {
  if (n === 0) return [Number.NaN, Number.NaN];
  const atLow = qLow * (n - 1);
  const atHigh = qHigh * (n - 1);
  const lowCount = Math.min(n, Math.floor(atLow) + 2);
  const highCount = Math.min(n, n - Math.floor(atHigh));
  if (lowCount > TAIL_MAX || highCount > TAIL_MAX) {
    const [low, high] = quantiles(values, [qLow, qHigh]);
    return [low, high];
  }
  keepTails(values, lowCount, highCount);
  // lowTail[k] is the order statistic k (ascending); highTail[k] the order statistic n − 1 − k.
  const lo = Math.floor(atLow);
  const hi = Math.floor(atHigh);
  return [interpolate(lowTail[lo], lowTail[lo + 1], atLow, n), interpolate(highTail[n - 1 - hi], highTail[n - 2 - hi], atHigh, n)];
}

function countPresent(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) n++;
  return n;
}

/** Type-7 interpolation between the order statistics at floor(at) and the next one (as `selectQuantile`). */
function interpolate(low: number, next: number, at: number, n: number): number {
  const lo = Math.floor(at);
  if (lo + 1 >= n || at === lo) return low + (low - low) * (at - lo);
  return low + (next - low) * (at - lo);
}

/** Fills `lowTail` with the `lowCount` smallest present values (ascending) and `highTail` with the `highCount` largest (descending). */
function keepTails(values: ArrayLike<number>, lowCount: number, highCount: number): void {
  let lows = 0;
  let highs = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (lows < lowCount) lows = insertSorted(lowTail, lows, v, 1);
    else if (v < lowTail[lows - 1]) insertSorted(lowTail, lows - 1, v, 1);
    if (highs < highCount) highs = insertSorted(highTail, highs, v, -1);
    else if (v > highTail[highs - 1]) insertSorted(highTail, highs - 1, v, -1);
  }
}

/** Inserts `v` into the first `length` values of `buffer`, kept ascending (`order` 1) or descending (−1); returns the new length. */
function insertSorted(buffer: Float64Array, length: number, v: number, order: 1 | -1): number {
  let j = length - 1;
  while (j >= 0 && (buffer[j] - v) * order > 0) {
    buffer[j + 1] = buffer[j];
    j--;
  }
  buffer[j + 1] = v;
  return length + 1;
}

export function median(values: ArrayLike<number>, start = 0, end = values.length): number {
  return quantile(values, 0.5, start, end);
}

/** Median absolute deviation scaled to the standard deviation of a normal distribution (×1.4826). */
export function mad(values: ArrayLike<number>, center = median(values)): number {
  const present = gather(values, 0, values.length);
  let n = 0;
  for (let i = 0; i < present; i++) {
    const deviation = Math.abs(scratch[i] - center);
    if (Number.isFinite(deviation)) scratch[n++] = deviation;
  }
  return 1.4826 * scratchQuantile(n, 0.5);
}

/** Pearson correlation over the positions where both values are present; NaN if undefined. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const a = x[i];
    const b = y[i];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    n++; sx += a; sy += b; sxx += a * a; syy += b * b; sxy += a * b;
  }
  if (n < 3) return Number.NaN;
  const cov = sxy - (sx * sy) / n;
  const vx = sxx - (sx * sx) / n;
  const vy = syy - (sy * sy) / n;
  return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : Number.NaN;
}

/** Ranks (1-based, ties averaged) of the present values; NaN stays NaN. */
export function ranksOf(values: ArrayLike<number>): Float64Array {
  return ranksInto(values, new Float64Array(values.length));
}

/** Sort keys and their positions reused by `ranksInto` (it runs once per customer and area). */
let rankKeys = new Float64Array(512);
let rankPositions = new Int32Array(512);

/** `ranksOf` written into `ranks` (at least as long as `values`), without allocating. */
export function ranksInto(values: ArrayLike<number>, ranks: Float64Array): Float64Array {
  if (rankKeys.length < values.length) {
    rankKeys = new Float64Array(Math.max(values.length, 2 * rankKeys.length));
    rankPositions = new Int32Array(rankKeys.length);
  }
  const keys = rankKeys;
  const at = rankPositions;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    ranks[i] = Number.NaN;
    if (!Number.isFinite(values[i])) continue;
    keys[n] = values[i];
    at[n++] = i;
  }
  sortWithPositions(keys, at, 0, n - 1);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && keys[j + 1] === keys[i]) j++;
    for (let k = i; k <= j; k++) ranks[at[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return ranks;
}

/** Sorts `keys[lo..hi]` ascending, moving `positions` along (quicksort, insertion sort for short runs; no comparator calls). */
function sortWithPositions(keys: Float64Array, positions: Int32Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < keys[lo]) swapBoth(keys, positions, mid, lo);
    if (keys[hi] < keys[lo]) swapBoth(keys, positions, hi, lo);
    if (keys[hi] < keys[mid]) swapBoth(keys, positions, hi, mid);
    const pivot = keys[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i] < pivot) i++;
      while (keys[j] > pivot) j--;
      if (i <= j) {
        swapBoth(keys, positions, i, j);
        i++;
        j--;
      }
    }
    // Recurse into the smaller part, loop over the larger: stack depth stays logarithmic.
    if (j - lo < hi - i) {
      sortWithPositions(keys, positions, lo, j);
      lo = i;
    } else {
      sortWithPositions(keys, positions, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const key = keys[i];
    const position = positions[i];
    let j = i - 1;
    while (j >= lo && keys[j] > key) {
      keys[j + 1] = keys[j];
      positions[j + 1] = positions[j];
      j--;
    }
    keys[j + 1] = key;
    positions[j + 1] = position;
  }
}

function swapBoth(keys: Float64Array, positions: Int32Array, i: number, j: number): void {
  const k = keys[i];
  keys[i] = keys[j];
  keys[j] = k;
  const p = positions[i];
  positions[i] = positions[j];
  positions[j] = p;
}

/** Spearman rank correlation over the positions where both values are present. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const length = Math.min(x.length, y.length);
  let n = 0;
  for (let i = 0; i < length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) n++;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  n = 0;
  for (let i = 0; i < length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    xs[n] = x[i];
    ys[n++] = y[i];
  }
  return pearson(ranksOf(xs), ranksOf(ys));
}

/** `value` if finite, otherwise `fallback`. */
export function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
