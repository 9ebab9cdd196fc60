import { describe, expect, it } from 'vitest';
import { Dataset, Mulberry32 } from '../ml/index.js';
import { averagePathLength, IsolationForest } from './isolation-forest.js';

function cloudWithOutlier(): Dataset {
  const rng = new Mulberry32(3);
  const rows = Array.from({ length: 300 }, () => [rng.normal(), rng.normal(), rng.normal()]);
  rows.push([8, 8, 0]);
  rows.push([0.1, Number.NaN, -0.2]);
  return Dataset.fromRows(rows, ['a', 'b', 'c']);
}

describe('IsolationForest', () => {
  it('gives an obvious outlier the highest score, near 1, and the bulk scores near 0.5 or below', () => {
    const data = cloudWithOutlier();
    const scores = new IsolationForest({ seed: 1 }).fit(data).predict(data);
    const top = scores.indexOf(Math.max(...scores));
    expect(top).toBe(300);
    expect(scores[300]).toBeGreaterThan(0.7);
    const bulk = [...scores.subarray(0, 300)].sort((a, b) => a - b)[150];
    expect(bulk).toBeLessThan(0.5);
    expect(scores[301]).toBeLessThan(0.55);
  });

  it('is deterministic for a seed and matches features by name', () => {
    const data = cloudWithOutlier();
    const a = new IsolationForest({ seed: 7, nTrees: 50 }).fit(data);
    const b = new IsolationForest({ seed: 7, nTrees: 50 }).fit(data);
    expect(a.predict(data)).toEqual(b.predict(data));
    const reordered = Dataset.fromColumns({ c: data.column('c'), a: data.column('a'), b: data.column('b') });
    expect(a.predict(reordered)).toEqual(a.predict(data));
  });

  it('uses c(n) of Liu et al. and validates its parameters', () => {
    expect(averagePathLength(2)).toBe(1);
    expect(averagePathLength(256)).toBeCloseTo(10.2448, 3);
    expect(() => new IsolationForest({ nTrees: 0 })).toThrow(/nTrees/);
    expect(() => new IsolationForest().predict(cloudWithOutlier())).toThrow(/not fitted/);
  });
});
