import { describe, expect, it } from 'vitest';
import { scorePanelBacktest } from './forecast-accuracy.js';
import { nextLocalMidnight } from './forecast.js';

describe('nextLocalMidnight', () => {
  it('is the instant itself at local midnight, else the next local midnight', () => {
    expect(new Date(nextLocalMidnight(Date.parse('2025-11-09T16:00:00Z'), 'Asia/Shanghai')).toISOString()).toBe('2025-11-09T16:00:00.000Z');
    expect(new Date(nextLocalMidnight(Date.parse('2025-11-09T16:00:01Z'), 'Asia/Shanghai')).toISOString()).toBe('2025-11-10T16:00:00.000Z');
    expect(new Date(nextLocalMidnight(Date.parse('2025-11-09T03:00:00Z'), 'Asia/Shanghai')).toISOString()).toBe('2025-11-09T16:00:00.000Z');
    // New York on the day clocks go back: midnight is 04:00 UTC before, 05:00 UTC after.
    expect(new Date(nextLocalMidnight(Date.parse('2025-11-02T12:00:00Z'), 'America/New_York')).toISOString()).toBe('2025-11-03T05:00:00.000Z');
  });
});

describe('scorePanelBacktest', () => {
  it('scores every series together and adds the weighted absolute percentage error', () => {
    const result = {
      model: 'm', rows: Int32Array.from([0, 1]), fitSeconds: 0, predictSeconds: 0,
      actual: [Float64Array.from([10, 20]), Float64Array.from([100, Number.NaN])],
      point: [Float64Array.from([12, 18]), Float64Array.from([90, 5])],
      quantiles: new Map([[0.1, [Float64Array.from([5, 15]), Float64Array.from([80, 0])]], [0.9, [Float64Array.from([15, 25]), Float64Array.from([95, 9])]]]),
    };
    const scores = scorePanelBacktest(result);
    expect(scores.points).toBe(3);
    expect(scores.mae).toBeCloseTo(14 / 3, 10);
    expect(scores.wape).toBeCloseTo(14 / 130, 10);
    expect(scores.coverage?.observed).toBeCloseTo(2 / 3, 10);
  });
});
