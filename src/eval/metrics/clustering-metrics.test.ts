import { describe, expect, it } from 'vitest';
import { Mulberry32 } from '../../analytics/ml/random.js';
import { ValidationError } from '../../core/errors.js';
import { adjustedRandIndex, daviesBouldinIndex, silhouetteScore } from './clustering-metrics.js';
import { clusteredPoints } from './fixtures/metric-fixtures.testkit.js';

// Expected values: scikit-learn 1.2.1 on the same fixture, from fixtures/reference.py.
const { points, truth, predicted } = clusteredPoints();

describe('adjustedRandIndex', () => {
  it('equals adjusted_rand_score', () => {
    expect(adjustedRandIndex(truth, predicted)).toBeCloseTo(0.6320257517556489, 12);
  });

  it('is 1 for the same partition under other names, and symmetric', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], ['b', 'b', 'a', 'a'])).toBe(1);
    expect(adjustedRandIndex(predicted, truth)).toBeCloseTo(adjustedRandIndex(truth, predicted), 14);
  });
});

describe('silhouetteScore', () => {
  it('equals silhouette_score', () => {
    expect(silhouetteScore(points, truth)).toBeCloseTo(0.5467307509974361, 10);
    expect(silhouetteScore(points, predicted)).toBeCloseTo(0.25994454447815163, 10);
  });

  it('on a sample equals the silhouette of that seeded subset', () => {
    const rows = Array.from(new Mulberry32(7).sampleIndices(points.length, 100));
    const sampled = silhouetteScore(points, truth, { sampleSize: 100, seed: 7 });
    expect(sampled).toBe(silhouetteScore(rows.map((i) => points[i]), rows.map((i) => truth[i])));
    expect(sampled).not.toBe(silhouetteScore(points, truth));
  });

  it('rejects a single cluster', () => {
    expect(() => silhouetteScore(points, truth.map(() => 0))).toThrow(ValidationError);
  });
});

describe('daviesBouldinIndex', () => {
  it('equals davies_bouldin_score', () => {
    expect(daviesBouldinIndex(points, truth)).toBeCloseTo(0.6515896960072819, 10);
    expect(daviesBouldinIndex(points, predicted)).toBeCloseTo(2.1313513379669606, 10);
  });
});
