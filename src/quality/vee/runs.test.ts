import { describe, expect, it } from 'vitest';
import { missingRuns, runsOf } from './runs.js';

describe('runs', () => {
  it('finds maximal runs of a mask and of NaN, within bounds', () => {
    expect(runsOf(Uint8Array.from([1, 1, 0, 1, 0, 0, 1]))).toEqual([{ start: 0, end: 2 }, { start: 3, end: 4 }, { start: 6, end: 7 }]);
    expect(runsOf(Uint8Array.from([1, 1, 0, 1]), 1, 3)).toEqual([{ start: 1, end: 2 }]);
    expect(missingRuns(Float64Array.from([Number.NaN, 1, Number.NaN, Number.NaN]))).toEqual([{ start: 0, end: 1 }, { start: 2, end: 4 }]);
  });
});
