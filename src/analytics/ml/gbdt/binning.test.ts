import { describe, expect, it } from 'vitest';
import { Dataset } from '../dataset.js';
import { binDataset, binOf, fitBins, upperBounds } from './binning.js';

describe('binning', () => {
  it('gives each distinct value its own bin when there are few, bounded by midpoints', () => {
    expect(Array.from(upperBounds(Float64Array.from([1, 1, 2, 4]), 255))).toEqual([1.5, 3, Infinity]);
    expect(Array.from(upperBounds(new Float64Array(0), 255))).toEqual([Infinity]);
  });

  it('cuts many values at equal-count quantiles, at most maxBins bins', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => i);
    const upper = upperBounds(values, 4);
    expect(Array.from(upper)).toEqual([249.5, 499.5, 749.5, Infinity]);
    const counts = [0, 0, 0, 0];
    for (const v of values) counts[binOf(upper, v)]++;
    expect(counts).toEqual([250, 250, 250, 250]);
  });

  it('sends NaN to the missing bin and keeps "bin <= t" equal to "x <= upper[t]"', () => {
    const upper = Float64Array.from([1.5, 3, Infinity]);
    expect([binOf(upper, -5), binOf(upper, 1.5), binOf(upper, 1.6), binOf(upper, 99), binOf(upper, NaN)]).toEqual([0, 0, 1, 2, 3]);
  });

  it('bins a dataset into a row-major byte matrix with histogram offsets', () => {
    const data = Dataset.fromColumns({ a: [1, 2, NaN], b: [5, 5, 5] });
    const matrix = binDataset(data, fitBins(data, 255, 200_000, 1));
    expect(Array.from(matrix.bins)).toEqual([0, 0, 1, 0, 2, 0]);
    expect(Array.from(matrix.valueBins)).toEqual([2, 1]);
    expect(Array.from(matrix.offsets)).toEqual([0, 3]);
    expect(matrix.totalBins).toBe(5);
  });
});
