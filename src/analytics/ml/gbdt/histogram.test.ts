import { describe, expect, it } from 'vitest';
import type { BinnedMatrix } from './binning.js';
import { buildHistogram, HistogramPool, subtractHistogram } from './histogram.js';

const matrix: BinnedMatrix = {
  bins: Uint8Array.from([0, 1, 1, 0, 2, 1]), nRows: 3, nFeatures: 2,
  valueBins: Int32Array.from([2, 1]), offsets: Int32Array.from([0, 3]), totalBins: 5,
};
const grad = Float64Array.from([1, 2, 4]);
const hess = Float64Array.from([1, 1, 2]);
const features = Int32Array.from([0, 1]);

describe('histograms', () => {
  it('sums gradients, hessians and counts per feature bin, and subtraction gives the sibling', () => {
    const all = new Float64Array(15);
    buildHistogram(all, matrix, Uint32Array.from([0, 1, 2]), 0, 3, grad, hess, features);
    // feature 0: bin 0 ← row 0; bin 1 ← row 1; missing (2) ← row 2. feature 1: bin 0 ← row 1; missing (1) ← rows 0, 2.
    expect(Array.from(all)).toEqual([1, 1, 1, 2, 1, 1, 4, 2, 1, 2, 1, 1, 5, 3, 2]);
    const one = new Float64Array(15);
    buildHistogram(one, matrix, Uint32Array.from([2, 0, 1]), 1, 3, grad, hess, features);
    subtractHistogram(all, one, matrix, features);
    const direct = new Float64Array(15);
    buildHistogram(direct, matrix, Uint32Array.from([2]), 0, 1, grad, hess, features);
    expect(Array.from(all)).toEqual(Array.from(direct));
  });

  it('derives hessian sums from counts when every hessian is 1', () => {
    const ones = Float64Array.from([1, 1, 1]);
    const general = new Float64Array(15);
    const unit = new Float64Array(15);
    buildHistogram(general, matrix, Uint32Array.from([0, 1, 2]), 0, 3, grad, ones, features);
    buildHistogram(unit, matrix, Uint32Array.from([0, 1, 2]), 0, 3, grad, ones, features, true);
    expect(Array.from(unit)).toEqual(Array.from(general));
  });

  it('reuses released buffers', () => {
    const pool = new HistogramPool(4);
    const a = pool.take();
    pool.release(a);
    expect(pool.take()).toBe(a);
  });
});
