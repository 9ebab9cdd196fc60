import { describe, expect, it } from 'vitest';
import { daviesBouldin, silhouette, silhouetteOf, silhouettePoints } from './cluster-quality.js';
import { rowMatrix } from './row-matrix.js';

describe('cluster quality', () => {
  const data = rowMatrix(Float64Array.from([0, 1, 10, 11]), 1);
  const labels = Int32Array.from([0, 0, 1, 1]);

  it('silhouette matches the hand computation (scikit-learn gives 0.8997 for this example)', () => {
    const expected = ((10.5 - 1) / 10.5 + (9.5 - 1) / 9.5) / 2;
    expect(silhouette(data, labels, 2)).toBeCloseTo(expected, 12);
    expect(silhouette(data, labels, 2)).toBeCloseTo(0.8997494, 6);
  });

  it('Davies–Bouldin matches the hand computation: (0.5 + 0.5) / 10', () => {
    expect(daviesBouldin(data, labels, Float64Array.from([0.5, 10.5]), 2)).toBeCloseTo(0.1, 12);
  });

  it('a sampled silhouette is close to the exact one on larger data', () => {
    const values = Float64Array.from({ length: 600 }, (_, i) => (i < 300 ? 0 : 8) + ((i * 7919) % 100) / 50);
    const lab = Int32Array.from({ length: 600 }, (_, i) => (i < 300 ? 0 : 1));
    const m = rowMatrix(values, 1);
    expect(Math.abs(silhouette(m, lab, 2, 200, 1) - silhouette(m, lab, 2, 600))).toBeLessThan(0.02);
  });

  it('one set of pairwise distances scores several labelings exactly as separate silhouettes do', () => {
    const values = Float64Array.from({ length: 90 }, (_, i) => (i % 3) * 5 + ((i * 7919) % 97) / 97);
    const m = rowMatrix(values, 1);
    const points = silhouettePoints(m, 50, 3);
    for (const k of [2, 3]) {
      const lab = Int32Array.from({ length: 90 }, (_, i) => i % k);
      expect(silhouetteOf(points, lab, k)).toBeCloseTo(silhouette(m, lab, k, 50, 3), 12);
    }
    const byValue = Int32Array.from(values, (v) => Math.min(2, Math.floor(v / 5)));
    expect(silhouetteOf(points, byValue, 3)).toBeGreaterThan(0.8);
  });
});
