import type { Dataset } from '../dataset.js';
import { Mulberry32 } from '../random.js';

/**
 * Quantile binning of features into at most 255 bins plus one bin for missing values, so that
 * histograms have a fixed small size and the training matrix fits in one byte per value.
 *
 * A value x falls in the first bin b with x <= upper[b] (the last upper bound is +Infinity); NaN
 * falls in the missing bin, numbered `upper.length`. Because bins are ordered, "bin <= t" is the
 * same test as "x <= upper[t]", so a split found on bins is applied to raw values exactly.
 */
export interface FeatureBins {
  readonly upper: Float64Array;
}

/** The training matrix as bin numbers, row-major like the {@link Dataset} it came from. */
export interface BinnedMatrix {
  readonly bins: Uint8Array;
  readonly nRows: number;
  readonly nFeatures: number;
  /** Number of value bins per feature; the missing bin of feature f is `valueBins[f]`. */
  readonly valueBins: Int32Array;
  /** Start of each feature's bins in a histogram; each feature owns valueBins[f] + 1 slots. */
  readonly offsets: Int32Array;
  readonly totalBins: number;
}

/** Learns bin boundaries per feature from (a sample of) the training rows. */
export function fitBins(data: Dataset, maxBins: number, sampleRows: number, seed: number): FeatureBins[] {
  const rows = data.nRows > sampleRows ? new Mulberry32(seed ^ 0x5bd1e995).sampleIndices(data.nRows, sampleRows) : null;
  const count = rows ? rows.length : data.nRows;
  const column = new Float64Array(count);
  const bins: FeatureBins[] = [];
  for (let f = 0; f < data.nFeatures; f++) {
    let n = 0;
    for (let i = 0; i < count; i++) {
      const v = data.values[(rows ? rows[i] : i) * data.nFeatures + f];
      if (v === v) column[n++] = v;
    }
    bins.push({ upper: upperBounds(column.subarray(0, n).sort(), maxBins) });
  }
  return bins;
}

/**
 * Upper bounds of at most `maxBins` bins for sorted values: each distinct value gets a bin when
 * there are few; otherwise cut points sit at equal-count quantiles. Bounds are midpoints between
 * neighbouring distinct values, the last bound is +Infinity.
 */
export function upperBounds(sorted: Float64Array, maxBins: number): Float64Array {
  const n = sorted.length;
  const distinct: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
  const bounds: number[] = [];
  if (distinct.length <= maxBins) {
    for (let i = 0; i + 1 < distinct.length; i++) bounds.push(midpoint(distinct[i], distinct[i + 1]));
  } else {
    for (let k = 1; k < maxBins; k++) {
      const i = Math.floor((k * n) / maxBins) - 1;
      const next = firstGreater(sorted, i);
      if (next >= n) break;
      const bound = midpoint(sorted[i], sorted[next]);
      if (bounds.length === 0 || bound > bounds[bounds.length - 1]) bounds.push(bound);
    }
  }
  bounds.push(Infinity);
  return Float64Array.from(bounds);
}

/** Bins a dataset with boundaries learned by {@link fitBins}; the dataset must have the same columns. */
export function binDataset(data: Dataset, featureBins: readonly FeatureBins[]): BinnedMatrix {
  const p = data.nFeatures;
  const bins = new Uint8Array(data.nRows * p);
  const valueBins = Int32Array.from(featureBins, (b) => b.upper.length);
  const offsets = new Int32Array(p);
  let totalBins = 0;
  for (let f = 0; f < p; f++) {
    offsets[f] = totalBins;
    totalBins += valueBins[f] + 1;
    const upper = featureBins[f].upper;
    for (let r = 0; r < data.nRows; r++) bins[r * p + f] = binOf(upper, data.values[r * p + f]);
  }
  return { bins, nRows: data.nRows, nFeatures: p, valueBins, offsets, totalBins };
}

/** Bin of one value: binary search for the first upper bound >= x; NaN goes to the missing bin. */
export function binOf(upper: Float64Array, x: number): number {
  if (x !== x) return upper.length;
  let lo = 0;
  let hi = upper.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x <= upper[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function firstGreater(sorted: Float64Array, i: number): number {
  let j = i + 1;
  while (j < sorted.length && sorted[j] === sorted[i]) j++;
  return j;
}

/** Midpoint that stays strictly below `b` even when a and b are adjacent doubles. */
function midpoint(a: number, b: number): number {
  const m = a + (b - a) / 2;
  return m < b ? m : a;
}
