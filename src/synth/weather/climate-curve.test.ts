import { describe, expect, it } from 'vitest';
import { epochDay } from '../../core/time/index.js';
import { hangzhouClimate } from './climate.js';
import { cyclicMonthly, meanPreservingNodes, monthPosition } from './climate-curve.js';

describe('climate curves', () => {
  it('places month coordinates at day middles and wraps December into January', () => {
    expect(monthPosition(epochDay('2024-01-01'))).toBeCloseTo(0.5 / 31, 6);
    expect(monthPosition(epochDay('2024-02-29'))).toBeCloseTo(1 + 28.5 / 29, 6);
    const table = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    expect(cyclicMonthly(table, 0.5)).toBe(0);
    expect(cyclicMonthly(table, 0)).toBeCloseTo(5.5, 6);
    expect(cyclicMonthly(table, 11.75)).toBeCloseTo(8.25, 6);
  });

  it('solves nodes whose daily curve reproduces the monthly means', () => {
    const nodes = meanPreservingNodes(hangzhouClimate.monthlyMeanC);
    const sums = new Array<number>(12).fill(0);
    const counts = new Array<number>(12).fill(0);
    for (let day = epochDay('2023-01-01'); day < epochDay('2024-01-01'); day++) {
      const position = monthPosition(day);
      sums[Math.floor(position)] += cyclicMonthly(nodes, position);
      counts[Math.floor(position)]++;
    }
    sums.forEach((sum, m) => expect(sum / counts[m]).toBeCloseTo(hangzhouClimate.monthlyMeanC[m], 1));
    expect(nodes[6]).toBeGreaterThan(hangzhouClimate.monthlyMeanC[6]);
  });
});
