import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { Dataset } from './dataset.js';

describe('Dataset', () => {
  const data = Dataset.fromColumns({ a: [1, 2, 3], b: [4, NaN, 6] }, { target: [0, 1, 0], weights: [1, 2, 3] });

  it('stores rows row-major and reads values, columns and subsets', () => {
    expect(data.nRows).toBe(3);
    expect(data.nFeatures).toBe(2);
    expect(Array.from(data.values.subarray(0, 4))).toEqual([1, 4, 2, NaN]);
    expect(data.value(2, 1)).toBe(6);
    expect(Array.from(data.column('a'))).toEqual([1, 2, 3]);
    const sub = data.subset([2, 0]);
    expect(Array.from(sub.column(0))).toEqual([3, 1]);
    expect(Array.from(sub.target ?? [])).toEqual([0, 0]);
    expect(Array.from(sub.weights ?? [])).toEqual([3, 1]);
    expect(Array.from(data.columnsOf(['b', 'a']))).toEqual([1, 0]);
  });

  it('allows missing feature values and reports them', () => {
    expect(data.hasMissing).toBe(true);
    expect(() => data.requireComplete('ols')).toThrow(/ols cannot use missing values \(row 1, feature b\)/);
    expect(Dataset.fromRows([[1, 2]], ['x', 'y']).hasMissing).toBe(false);
  });

  it('rejects duplicate or empty names, ragged input, infinities and bad targets or weights', () => {
    const bad: (() => Dataset)[] = [
      () => Dataset.fromRows([[1, 2]], ['x', 'x']),
      () => Dataset.fromRows([[1]], ['']),
      () => Dataset.fromColumns({}),
      () => Dataset.fromColumns({ a: [1, 2], b: [1] }),
      () => Dataset.fromRows([[1, 2], [3]], ['x', 'y']),
      () => new Dataset({ featureNames: ['x', 'y'], values: new Float64Array(3) }),
      () => Dataset.fromColumns({ a: [1, Infinity] }),
      () => Dataset.fromColumns({ a: [1, 2] }, { target: [1] }),
      () => Dataset.fromColumns({ a: [1, 2] }, { target: [1, NaN] }),
      () => Dataset.fromColumns({ a: [1, 2] }, { weights: [1, -1] }),
      () => Dataset.fromColumns({ a: [1, 2] }, { weights: [0, 0] }),
    ];
    for (const make of bad) expect(make).toThrow(ValidationError);
  });

  it('names the missing feature and the missing target', () => {
    expect(() => data.featureIndex('c')).toThrow(/no feature c/);
    expect(() => Dataset.fromColumns({ a: [1] }).requireTarget('gbdt')).toThrow(/gbdt needs a dataset with a target/);
  });
});
