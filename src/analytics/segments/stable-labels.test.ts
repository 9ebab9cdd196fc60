import { describe, expect, it } from 'vitest';
import { canonicalOrder, stableSegmentIds } from './stable-labels.js';

/** One-block centroids with a single peak hour each. */
function peaked(hours: number[]): Float64Array {
  const c = new Float64Array(hours.length * 24).fill(0.01);
  hours.forEach((h, i) => (c[i * 24 + h] = 1));
  return c;
}

describe('stable segment numbers', () => {
  it('orders clusters by peak hour whatever order k-means found them in', () => {
    expect(canonicalOrder(peaked([20, 3, 12]), 3, 1)).toEqual([1, 2, 0]);
    expect(Array.from(stableSegmentIds(peaked([20, 3, 12]), 3, 1))).toEqual([3, 1, 2]);
  });

  it('keeps the previous run\'s numbers for matching centroids and numbers a new cluster after them', () => {
    const previous = { centroids: peaked([3, 12, 20]), ids: [5, 6, 7] };
    expect(Array.from(stableSegmentIds(peaked([12, 20, 3]), 3, 1, previous))).toEqual([6, 7, 5]);
    expect(Array.from(stableSegmentIds(peaked([12, 20, 3, 8]), 4, 1, previous))).toEqual([6, 7, 5, 8]);
  });
});
