import { describe, expect, it } from 'vitest';
import { largestLevelShift, largestLevelShifts } from './change-point.js';
import { mad, median, quantile, quantiles, ranksInto, ranksOf, spearman, tailQuantiles } from './series-stats.js';

/** Deterministic pseudo-random numbers (LCG). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Sorting reference for the type-7 quantile. */
function sortedQuantile(values: ArrayLike<number>, q: number, start = 0, end = values.length): number {
  const sorted = Array.from(values).slice(start, end).filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** A series with gaps, ties, a constant stretch and a step. */
function series(seed: number, n: number): Float64Array {
  const next = random(seed);
  return Float64Array.from({ length: n }, (_, i) => {
    const u = next();
    if (u < 0.05) return Number.NaN;
    if (i > n * 0.3 && i < n * 0.4) return 1;
    return Math.round((i > n / 2 ? 5 : 10) + 4 * next()) / (u < 0.5 ? 1 : 4);
  });
}

describe('order statistics by selection', () => {
  it('equal the sorting reference, over ranges, ties and gaps', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const xs = series(seed, 20 + seed * 9);
      for (const q of [0, 0.02, 0.25, 0.5, 0.9, 0.98, 1]) {
        expect(quantile(xs, q)).toBe(sortedQuantile(xs, q));
        expect(quantile(xs, q, 5, 17)).toBe(sortedQuantile(xs, q, 5, 17));
      }
      expect(quantiles(xs, [0.02, 0.98])).toEqual([sortedQuantile(xs, 0.02), sortedQuantile(xs, 0.98)]);
      const center = sortedQuantile(xs, 0.5);
      expect(median(xs)).toBe(center);
      expect(mad(xs)).toBe(1.4826 * sortedQuantile(Array.from(xs).filter(Number.isFinite).map((v) => Math.abs(v - center)), 0.5));
    }
  });

  it('equal the sorting reference at both tails in one pass, and beyond the tails by selection', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const xs = series(seed, 5 + seed * 11);
      for (const [low, high] of [[0.02, 0.98], [0, 1], [0.05, 0.95], [0.25, 0.75]]) {
        expect(tailQuantiles(xs, low, high)).toEqual([sortedQuantile(xs, low), sortedQuantile(xs, high)]);
      }
    }
    expect(tailQuantiles([Number.NaN, 4], 0.02, 0.98)).toEqual([4, 4]);
    expect(tailQuantiles([], 0.02, 0.98)).toEqual([Number.NaN, Number.NaN]);
  });

  it('gives NaN without present values and ignores a missing centre', () => {
    expect(median([Number.NaN, Number.NaN])).toBeNaN();
    expect(quantile([], 0.5)).toBeNaN();
    expect(mad([1, 2, 3], Number.NaN)).toBeNaN();
    expect(quantile([3], 0.98)).toBe(3);
  });
});

describe('ranks', () => {
  it('average ties and keep NaN', () => {
    expect(Array.from(ranksOf([3, Number.NaN, 1, 3, 2]))).toEqual([3.5, Number.NaN, 1, 3.5, 2]);
  });

  it('match a comparator sort on long series with ties', () => {
    const xs = series(7, 500);
    const idx = Array.from({ length: xs.length }, (_, i) => i).filter((i) => Number.isFinite(xs[i])).sort((a, b) => xs[a] - xs[b]);
    const expected = new Float64Array(xs.length).fill(Number.NaN);
    for (let i = 0; i < idx.length; ) {
      let j = i;
      while (j + 1 < idx.length && xs[idx[j + 1]] === xs[idx[i]]) j++;
      for (let k = i; k <= j; k++) expected[idx[k]] = (i + j) / 2 + 1;
      i = j + 1;
    }
    expect(Array.from(ranksOf(xs))).toEqual(Array.from(expected));
    const reused = new Float64Array(xs.length).fill(7);
    expect(Array.from(ranksInto(xs, reused))).toEqual(Array.from(expected));
    expect(spearman(xs, xs)).toBeCloseTo(1, 12);
  });
});

describe('level shifts in both directions', () => {
  it('equal one search per direction', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const xs = Float32Array.from(series(seed, 200));
      const both = largestLevelShifts(xs, 20, 0.01);
      expect(both.down).toEqual(largestLevelShift(xs, 20, 'down', 0.01));
      expect(both.up).toEqual(largestLevelShift(xs, 20, 'up', 0.01));
    }
    expect(largestLevelShift(series(3, 200), 20, 'down')?.before).toBeGreaterThan(largestLevelShift(series(3, 200), 20, 'down')?.after ?? Infinity);
    expect(largestLevelShifts(new Float64Array(10), 20)).toEqual({ down: null, up: null });
  });
});
