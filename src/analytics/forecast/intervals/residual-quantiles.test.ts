import { describe, expect, it } from 'vitest';
import { quantileOfSorted, ResidualQuantiles } from './residual-quantiles.js';

describe('ResidualQuantiles', () => {
  it('adds the residual quantiles of each group to the point forecast', () => {
    const residuals = Float64Array.from({ length: 200 }, (_, i) => (i < 100 ? i - 50 : (i - 150) * 2));
    const groups = Int32Array.from({ length: 200 }, (_, i) => (i < 100 ? 0 : 1));
    const q = ResidualQuantiles.fit(residuals, groups);
    const out = q.apply(Float64Array.from([10, 10, 10]), [0.5, 0.9], [0, 1, 7]);
    expect(out.get(0.5)?.[0]).toBeCloseTo(10 - 0.5, 12);
    expect(out.get(0.9)?.[1]).toBeCloseTo(10 + 2 * quantileOfSorted(Float64Array.from({ length: 100 }, (_, i) => i - 50), 0.9), 12);
    expect(out.get(0.9)?.[2]).toBeCloseTo(10 + q.offset(0.9), 12); // unknown group: pooled
  });

  it('needs enough residuals', () => {
    expect(() => ResidualQuantiles.fit([1, 2, NaN])).toThrow(/coverage/);
  });
});
