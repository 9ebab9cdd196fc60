import { describe, expect, it } from 'vitest';
import { concatFloat64, selectKth } from './typed-arrays.js';

describe('concatFloat64', () => {
  it('joins typed arrays and plain arrays in order, NaN kept', () => {
    expect(Array.from(concatFloat64([Float64Array.of(1, 2), [3], new Int32Array([4, 5]), Float64Array.of(Number.NaN)]))).toEqual([1, 2, 3, 4, 5, Number.NaN]);
    expect(concatFloat64([])).toEqual(new Float64Array(0));
  });
});

describe('selectKth', () => {
  it('returns the sorted order statistic and partitions around it, on random, sorted, reversed and constant data', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const cases = [
      Float64Array.from({ length: 101 }, () => Math.round(random() * 20)),
      Float64Array.from({ length: 64 }, (_, i) => i),
      Float64Array.from({ length: 64 }, (_, i) => 64 - i),
      new Float64Array(33).fill(2.5),
      Float64Array.of(4),
    ];
    for (const values of cases) {
      const sorted = Float64Array.from(values).sort();
      for (let k = 0; k < values.length; k++) {
        const a = Float64Array.from(values);
        const v = selectKth(a, 0, a.length - 1, k);
        expect(v).toBe(sorted[k]);
        for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(v);
        for (let i = k + 1; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(v);
      }
    }
  });
});
