import { describe, expect, it } from 'vitest';
import { averageRanks } from './ranks.js';

describe('averageRanks', () => {
  it('gives ties the mean of their ranks (scipy.stats.rankdata)', () => {
    // scipy.stats.rankdata([3, 1, 3, 2, 3]) = [4, 1, 4, 2, 4]
    expect(Array.from(averageRanks([3, 1, 3, 2, 3]))).toEqual([4, 1, 4, 2, 4]);
    expect(Array.from(averageRanks([0.5, 0.5]))).toEqual([1.5, 1.5]);
  });
});
