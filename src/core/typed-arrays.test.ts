import { describe, expect, it } from 'vitest';
import { concatFloat64 } from './typed-arrays.js';

describe('concatFloat64', () => {
  it('joins typed arrays and plain arrays in order, NaN kept', () => {
    expect(Array.from(concatFloat64([Float64Array.of(1, 2), [3], new Int32Array([4, 5]), Float64Array.of(Number.NaN)]))).toEqual([1, 2, 3, 4, 5, Number.NaN]);
    expect(concatFloat64([])).toEqual(new Float64Array(0));
  });
});
