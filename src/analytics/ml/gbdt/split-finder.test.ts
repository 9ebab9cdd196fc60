import { describe, expect, it } from 'vitest';
import type { BinnedMatrix } from './binning.js';
import { findBestSplit, score } from './split-finder.js';

/** One feature with 3 value bins plus the missing bin. */
const matrix: BinnedMatrix = {
  bins: new Uint8Array(0), nRows: 0, nFeatures: 1,
  valueBins: Int32Array.from([3]), offsets: Int32Array.from([0]), totalBins: 4,
};
const features = Int32Array.from([0]);
const constraints = { lambda: 1, minDataInLeaf: 1, minChildWeight: 0, minSplitGain: 0 };

/** [g, h, count] per bin: bins 0 and 1 pull down, bin 2 pulls up, the missing bin pulls up. */
const hist = Float64Array.from([-4, 2, 2, -2, 2, 2, 6, 2, 2, 3, 1, 1]);
const node = { g: 3, h: 7, count: 7 };

describe('findBestSplit', () => {
  it('picks the boundary and missing direction with the largest gain', () => {
    const split = findBestSplit(hist, matrix, features, node, constraints);
    expect(split).not.toBeNull();
    expect(split?.bin).toBe(1);
    expect(split?.defaultLeft).toBe(false);
    expect(split?.left).toEqual({ g: -6, h: 4, count: 4 });
    const expected = (score(-6, 4, 1) + score(9, 3, 1) - score(3, 7, 1)) / 2;
    expect(split?.gain).toBeCloseTo(expected, 12);
  });

  it('respects minDataInLeaf and minSplitGain', () => {
    expect(findBestSplit(hist, matrix, features, node, { ...constraints, minDataInLeaf: 4 })).toBeNull();
    expect(findBestSplit(hist, matrix, features, node, { ...constraints, minSplitGain: 100 })).toBeNull();
  });
});
