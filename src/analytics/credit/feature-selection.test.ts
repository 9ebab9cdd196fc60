import { describe, expect, it } from 'vitest';
import type { FeatureBinning } from './feature-binning.js';
import { pearson, selectFeatures } from './feature-selection.js';

const binning = (feature: string, iv: number) => ({ feature, iv }) as FeatureBinning;

describe('selectFeatures', () => {
  const a = Float64Array.from([1, 2, 3, 4, 5, 6]);
  const nearA = Float64Array.from([1.1, 2, 2.9, 4.2, 5, 6.1]);
  const b = Float64Array.from([3, 1, 4, 1, 5, 9]);
  const woe = new Map([
    ['a', a],
    ['nearA', nearA],
    ['b', b],
    ['weak', b.map((v) => -v)],
  ]);

  it('keeps strong, uncorrelated features in decreasing IV order and says why the others are out', () => {
    const decisions = selectFeatures([binning('b', 0.2), binning('nearA', 0.25), binning('a', 0.4), binning('weak', 0.01)], woe, {
      minIv: 0.02,
      maxCorrelation: 0.7,
      maxFeatures: 10,
    });
    expect(decisions.map((d) => [d.feature, d.reason, d.correlatedWith])).toEqual([
      ['a', 'selected', undefined],
      ['nearA', 'correlated', 'a'],
      ['b', 'selected', undefined],
      ['weak', 'low-iv', undefined],
    ]);
  });

  it('stops at the maximum number of features', () => {
    const decisions = selectFeatures([binning('a', 0.4), binning('b', 0.2)], woe, { minIv: 0, maxCorrelation: 1, maxFeatures: 1 });
    expect(decisions.map((d) => d.reason)).toEqual(['selected', 'limit']);
  });
});

describe('pearson', () => {
  it('is ±1 for linear relations and 0 for a constant column', () => {
    const x = Float64Array.from([1, 2, 3]);
    expect(pearson(x, x.map((v) => 2 * v + 1))).toBeCloseTo(1, 12);
    expect(pearson(x, x.map((v) => -v))).toBeCloseTo(-1, 12);
    expect(pearson(x, Float64Array.from([4, 4, 4]))).toBe(0);
  });
});
