import { describe, expect, it } from 'vitest';
import type { SolutionRow } from '../datasets/gefcom2012-loader.js';
import { gefcomScore } from './gefcom2012-scoring.js';

const row = (zone: number, day: number, value: number, weight: number): SolutionRow => ({ id: zone * 100 + day, zone, day, values: new Float64Array(24).fill(value), weight });

describe('gefcomScore', () => {
  it('weights every hour of each row by its official weight', () => {
    const solution = [row(1, 0, 10, 1), row(1, 7, 10, 8), row(21, 0, 100, 20), row(21, 7, 100, 160)];
    // errors: zone backcast 1, zone forecast 2, system backcast 10, system forecast 20
    const errors: Record<string, number> = { '1:0': 1, '1:7': 2, '21:0': 10, '21:7': 20 };
    const score = gefcomScore(solution, (zone, day) => new Float64Array(24).fill((zone === 21 ? 100 : 10) + errors[`${zone}:${day}`]));
    expect(score.wrmse).toBeCloseTo(Math.sqrt((1 * 1 + 8 * 4 + 20 * 100 + 160 * 400) / 189), 10);
    expect(score.blocks).toEqual({ zoneBackcast: 1, zoneForecast: 2, systemBackcast: 10, systemForecast: 20 });
  });
});
