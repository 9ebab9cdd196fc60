import { describe, expect, it } from 'vitest';
import { toRegularGrid } from './regular-grid.js';

const H = 3_600_000;

describe('toRegularGrid', () => {
  it('sorts, averages duplicates and leaves gaps NaN', () => {
    const grid = toRegularGrid([3 * H, 0, H, H], [[40, 10, 20, 30]], 60);
    expect(Array.from(grid.timestamps)).toEqual([0, H, 2 * H, 3 * H]);
    expect(Array.from(grid.columns[0])).toEqual([10, 25, NaN, 40]);
    expect(grid.duplicates).toBe(1);
    expect(grid.missing).toBe(1);
  });

  it('rejects timestamps off the grid', () => {
    expect(() => toRegularGrid([0, H / 2 + 1], [[1, 2]], 60)).toThrow(/off the 60-minute grid/);
  });
});
