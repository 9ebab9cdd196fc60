import { chiMerge, mergeSmall, poolMonotone, type Segment } from './bin-merging.js';
import type { BinningParams } from './binning-params.js';
import { binStatistics } from './woe.js';

/**
 * Cut points of a numeric feature: bin 0 is (−∞, cuts[0]], bin i is (cuts[i−1], cuts[i]], the
 * last bin (cuts[k−1], +∞). Missing values have a bin of their own (not decided here).
 *
 * @param minCount least rows per bin (minBinShare × all rows, missing ones included)
 */
export function numericCuts(values: Float64Array, target: Uint8Array, params: BinningParams, minCount: number): number[] {
  const sorted = presentSorted(values);
  if (sorted.length === 0) return [];
  const pre = preBins(values, target, sorted, params.preBins);
  const segments = params.method === 'monotone' ? monotoneSegments(pre, params, minCount) : chiSegments(pre, params, minCount);
  return segments.slice(0, -1).map((s) => s.items[s.items.length - 1]);
}

/** Index of the bin that holds a (non-missing) value. */
export function numericBinIndex(cuts: readonly number[], value: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (value <= cuts[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Labels "(−∞, 12]", "(12, 24]", "(24, +∞)" of the bins of a cut list. */
export function numericBinLabels(cuts: readonly number[]): string[] {
  const bounds = ['−∞', ...cuts.map(formatBound), '+∞'];
  return bounds.slice(0, -1).map((lower, i) => `(${lower}, ${bounds[i + 1]}${i === cuts.length ? ')' : ']'}`);
}

function formatBound(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

function monotoneSegments(pre: Segment<number>[], params: BinningParams, minCount: number): Segment<number>[] {
  const candidates = [true, false].map((increasing) => chiMerge(mergeSmall(poolMonotone(pre, increasing), minCount), params.maxBins, 0));
  const ivs = candidates.map((segments) => binStatistics(segments, params.smoothing).iv);
  return ivs[0] >= ivs[1] ? candidates[0] : candidates[1];
}

function chiSegments(pre: Segment<number>[], params: BinningParams, minCount: number): Segment<number>[] {
  return mergeSmall(chiMerge(pre, params.maxBins, params.chiThreshold), minCount);
}

/** The non-missing values, ascending (a native numeric sort: no comparator call per pair). */
function presentSorted(values: Float64Array): Float64Array {
  return values.filter((v) => !Number.isNaN(v)).sort();
}

/**
 * Equal-frequency pre-bins: a cut after every n/preBins sorted values, moved to the end of a run
 * of ties (a value never straddles two bins). Each segment's single item is its upper bound.
 */
function preBins(values: Float64Array, target: Uint8Array, sorted: Float64Array, count: number): Segment<number>[] {
  const n = sorted.length;
  const cuts = new Set<number>();
  for (let i = 1; i < count; i++) {
    const value = sorted[Math.max(0, Math.floor((i * n) / count) - 1)];
    if (value < sorted[n - 1]) cuts.add(value);
  }
  const uppers = [...cuts].sort((a, b) => a - b);
  const counts = Array.from({ length: uppers.length + 1 }, () => ({ goods: 0, bads: 0 }));
  for (let r = 0; r < values.length; r++) {
    if (Number.isNaN(values[r])) continue;
    const bin = counts[numericBinIndex(uppers, values[r])];
    if (target[r] === 1) bin.bads++;
    else bin.goods++;
  }
  return counts.map((c, i) => ({ ...c, items: [i < uppers.length ? uppers[i] : Infinity] }));
}
