import { describe, expect, it } from 'vitest';
import { Dataset } from '../dataset.js';
import { DesignMatrix } from './design-matrix.js';

const data = Dataset.fromRows([[1, 0], [0, 2], [3, 4]], ['a', 'b']);

describe('DesignMatrix', () => {
  it('computes XᵀWX with the intercept column first, skipping zeros without changing the result', () => {
    const design = new DesignMatrix(data, true);
    // X = [[1, 1, 0], [1, 0, 2], [1, 3, 4]], W = diag(1, 2, 0.5).
    expect(Array.from(design.gram(Float64Array.from([1, 2, 0.5])))).toEqual([3.5, 2.5, 6, 2.5, 5.5, 6, 6, 6, 16]);
    expect(Array.from(design.gram())).toEqual([3, 4, 6, 4, 10, 12, 6, 12, 20]);
  });

  it('multiplies by β and by Xᵀ', () => {
    const design = new DesignMatrix(data, false);
    expect(Array.from(design.times(Float64Array.from([2, -1])))).toEqual([2, -2, 2]);
    expect(Array.from(design.transposeTimes(Float64Array.from([1, 1, 1])))).toEqual([4, 6]);
    expect(design.width).toBe(2);
  });
});
