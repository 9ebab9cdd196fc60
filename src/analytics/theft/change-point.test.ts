import { describe, expect, it } from 'vitest';
import { Mulberry32 } from '../ml/index.js';
import { differenceNoise, largestLevelShift } from './change-point.js';

function steps(levels: readonly [number, number][], sd: number, seed = 1): Float64Array {
  const rng = new Mulberry32(seed);
  return Float64Array.from(levels.flatMap(([level, n]) => Array.from({ length: n }, () => level + sd * rng.normal())));
}

describe('largestLevelShift', () => {
  it('finds a sustained drop, its size and a large standardised shift', () => {
    const shift = largestLevelShift(steps([[1, 60], [0.4, 60]], 0.05), 14);
    expect(shift?.index).toBe(60);
    expect(shift?.ratio).toBeCloseTo(0.4, 1);
    expect(shift?.z).toBeGreaterThan(50);
  });

  it('finds a step up when asked, and ignores a few wild days', () => {
    const series = steps([[0.03, 50], [0.08, 40]], 0.003);
    series[10] = 5;
    series[70] = -3;
    expect(largestLevelShift(series, 14, 'up')?.index).toBe(50);
  });

  it('reports only a small shift for noise, and nothing for a series shorter than two segments', () => {
    expect(largestLevelShift(steps([[1, 120]], 0.05), 14)?.z).toBeLessThan(6);
    expect(largestLevelShift(steps([[1, 20]], 0.05), 14)).toBeNull();
  });

  it('skips missing days', () => {
    const series = steps([[1, 60], [0.5, 60]], 0.02);
    for (let i = 0; i < series.length; i += 3) series[i] = Number.NaN;
    expect(largestLevelShift(series, 14)?.index).toBeGreaterThanOrEqual(58);
    expect(largestLevelShift(series, 14)?.index).toBeLessThanOrEqual(61);
  });

  it('measures noise robustly to the step', () => {
    expect(differenceNoise(steps([[1, 200], [10, 200]], 0.1))).toBeCloseTo(0.1, 1);
  });
});
