import { describe, expect, it } from 'vitest';
import { Mulberry32 } from '../ml/random.js';
import { fitKMeans } from './k-means.js';
import { rowMatrix } from './row-matrix.js';

/** Three well separated Gaussian blobs in 2-D, 50 points each. */
function blobs(seed: number): { values: Float64Array; truth: number[] } {
  const rng = new Mulberry32(seed);
  const centres = [[0, 0], [10, 0], [0, 10]];
  const values: number[] = [];
  const truth: number[] = [];
  centres.forEach(([x, y], c) => {
    for (let i = 0; i < 50; i++) {
      values.push(x + rng.normal(), y + rng.normal());
      truth.push(c);
    }
  });
  return { values: Float64Array.from(values), truth };
}

describe('fitKMeans', () => {
  it('recovers separated blobs exactly and is deterministic for a seed', () => {
    const { values, truth } = blobs(1);
    const a = fitKMeans(rowMatrix(values, 2), { k: 3, seed: 7 });
    const b = fitKMeans(rowMatrix(values, 2), { k: 3, seed: 7 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    const map = new Map<number, number>();
    truth.forEach((t, i) => map.set(a.labels[i], t));
    expect(map.size).toBe(3);
    truth.forEach((t, i) => expect(map.get(a.labels[i])).toBe(t));
    expect(Array.from(a.sizes).sort()).toEqual([50, 50, 50]);
  });

  it('lowers inertia as k grows and reports it as the sum of squared distances', () => {
    const { values } = blobs(2);
    const k2 = fitKMeans(rowMatrix(values, 2), { k: 2 });
    const k3 = fitKMeans(rowMatrix(values, 2), { k: 3 });
    expect(k3.inertia).toBeLessThan(k2.inertia);
    let s = 0;
    for (let i = 0; i < 150; i++) for (let j = 0; j < 2; j++) s += (values[i * 2 + j] - k3.centroids[k3.labels[i] * 2 + j]) ** 2;
    expect(k3.inertia).toBeCloseTo(s, 8);
  });

  it('rejects k larger than the number of points and non-finite values', () => {
    expect(() => fitKMeans(rowMatrix(new Float64Array([1, 2]), 1), { k: 3 })).toThrow(/at least 3 points/);
    expect(() => rowMatrix(new Float64Array([1, Number.NaN]), 1)).toThrow(/row 1/);
  });
});
