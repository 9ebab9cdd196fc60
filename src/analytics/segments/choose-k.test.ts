import { describe, expect, it } from 'vitest';
import { Mulberry32 } from '../ml/random.js';
import { chooseByVarianceRatio, chooseK, type KCandidate } from './choose-k.js';
import { calinskiHarabasz } from './cluster-quality.js';
import { rowMatrix } from './row-matrix.js';

const candidate = (k: number, calinskiHarabasz: number, silhouette: number): KCandidate => ({ k, inertia: 1, calinskiHarabasz, silhouette, daviesBouldin: 1 });

/** `groups` Gaussian blobs (sd 1) on a 2-D ring of radius 12, 40 points each. */
function blobs(groups: number, seed: number) {
  const rng = new Mulberry32(seed);
  const values: number[] = [];
  for (let g = 0; g < groups; g++) {
    const [x, y] = [12 * Math.cos((2 * Math.PI * g) / groups), 12 * Math.sin((2 * Math.PI * g) / groups)];
    for (let i = 0; i < 40; i++) values.push(x + rng.normal(), y + rng.normal());
  }
  return rowMatrix(Float64Array.from(values), 2);
}

describe('Calinski–Harabasz ratio', () => {
  it('is the between over within dispersion per degree of freedom (scikit-learn gives 200 for this example)', () => {
    // Points 0, 1 | 10, 11: total sum of squares 101, inertia 1, ((101 − 1) / (2 − 1)) / (1 / (4 − 2)) = 200.
    expect(calinskiHarabasz(101, 1, 4, 2)).toBeCloseTo(200, 12);
    expect(calinskiHarabasz(10, 0, 5, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(calinskiHarabasz(10, 1, 2, 2)).toBeNaN();
  });
});

describe('chooseByVarianceRatio', () => {
  it('takes the highest ratio among the k whose silhouette is near the best, the smaller k on a tie', () => {
    expect(chooseByVarianceRatio([candidate(4, 130, 0.36), candidate(7, 140, 0.39), candidate(10, 175, 0.37)])).toBe(2);
    expect(chooseByVarianceRatio([candidate(4, 700, 0.94), candidate(5, 760, 0.87), candidate(8, 880, 0.52)])).toBe(0);
    expect(chooseByVarianceRatio([candidate(3, 190, 0.1), candidate(4, 190, 0.1)])).toBe(0);
  });
});

describe('chooseK', () => {
  it('finds the number of separated blobs and reports every measure for every k', () => {
    const chosen = chooseK(blobs(5, 1), { kMin: 2, kMax: 8, seed: 3 });
    expect(chosen.fit.k).toBe(5);
    expect(chosen.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    for (const c of chosen.candidates) expect(Number.isFinite(c.calinskiHarabasz) && Number.isFinite(c.silhouette) && Number.isFinite(c.daviesBouldin)).toBe(true);
  });

  it('chooses the same k and the same fit whatever the seed', () => {
    const data = blobs(6, 2);
    const fits = [1, 7, 42, 123, 2024].map((seed) => chooseK(data, { kMin: 2, kMax: 9, restarts: 8, seed }).fit);
    expect(new Set(fits.map((f) => f.k))).toEqual(new Set([6]));
    for (const f of fits) expect(f.inertia).toBeCloseTo(fits[0].inertia, 9);
  });

  it('rejects a k range the data cannot hold', () => {
    expect(() => chooseK(blobs(2, 1), { kMin: 1, kMax: 3 })).toThrow(/kMin/);
  });
});
