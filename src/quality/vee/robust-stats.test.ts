import { describe, expect, it } from 'vitest';
import { CorrelationSums, positiveQuantile } from './robust-stats.js';

describe('robust stats', () => {
  it('selects quantiles of the positive values, exactly up to the sample size and closely beyond', () => {
    const values = Float64Array.from([5, -1, 0, Number.NaN, 1, 4, 2, 3]);
    expect(positiveQuantile(values, 0.5)).toBe(3);
    expect(positiveQuantile(values, 0)).toBe(1);
    expect(positiveQuantile(values, 1)).toBe(5);
    expect(positiveQuantile(Float64Array.from([0, -2]), 0.5)).toBeNaN();
    const exact = Float64Array.from({ length: 8_001 }, (_, i) => ((i * 7919) % 8_001) + 1);
    expect(positiveQuantile(exact, 0.99)).toBe(7921);
    const sampled = Float64Array.from({ length: 35_041 }, (_, i) => ((i * 7919) % 35_041) + 1);
    expect(Math.abs(positiveQuantile(sampled, 0.99) - 34_691)).toBeLessThan(70);
  });

  it('computes a Pearson correlation, 0 for a constant side', () => {
    const r = new CorrelationSums();
    [[1, 2], [2, 4], [3, 7]].forEach(([x, y]) => r.add(x, y));
    expect(r.value()).toBeCloseTo(0.9934, 4);
    const flat = new CorrelationSums();
    [[1, 2], [1, 4], [1, 7]].forEach(([x, y]) => flat.add(x, y));
    expect(flat.value()).toBe(0);
  });
});
