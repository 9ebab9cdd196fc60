import { describe, expect, it } from 'vitest';
import { averagePrecisionAtN, mapAtN } from './map-at-n.js';

const labels = [1, 0, 1, 0, 0];
const scores = [0.9, 0.8, 0.7, 0.6, 0.5];

describe('MAP@N (DOMAIN.md section 7)', () => {
  it('averages P@k at the positions of the relevant items within the top N', () => {
    expect(averagePrecisionAtN(labels, scores, 5)).toBeCloseTo((1 / 1 + 2 / 3) / 2, 12);
    expect(averagePrecisionAtN(labels, scores, 2)).toBe(1);
    expect(averagePrecisionAtN([0, 0, 1], [3, 2, 1], 2)).toBe(0);
  });

  it('is the mean of the thieves\' AP@N by theft score and the normal users\' AP@N by normal score', () => {
    // Normal users ranked by −score: positions 1, 2 and 4 of the reversed list.
    const normal = (1 + 1 + 3 / 4) / 3;
    expect(mapAtN(labels, scores, 5)).toBeCloseTo(((1 + 2 / 3) / 2 + normal) / 2, 12);
  });

  it('is 1 for a perfect ranking and rejects bad input', () => {
    expect(mapAtN([1, 1, 0, 0], [4, 3, 2, 1], 2)).toBe(1);
    expect(() => mapAtN([1, 2], [1, 0], 1)).toThrow(/0\/1 labels/);
    expect(() => mapAtN([1, 0], [1, 0], 0)).toThrow(/positive integer/);
  });
});
