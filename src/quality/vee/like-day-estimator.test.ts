import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../core/time/index.js';
import { stateOf } from './estimation.testkit.js';
import { likeDayEstimator } from './like-day-estimator.js';
import { daily, makeSeries } from './series.testkit.js';
import { createVeeContext } from './vee-context.js';
import { defaultVeeRules } from './vee-rules.js';

/** 21 days from Monday 2024-03-04; every day has its own level so the chosen day is visible. */
const values = daily(21, (h, d) => (d + 1) * (1 + h / 100));
const series = makeSeries(values);
const day = (d: number) => Array.from({ length: 24 }, (_, h) => d * 24 + h);

describe('likeDayEstimator', () => {
  const ctx = createVeeContext(series, { nowMs: Date.parse('2030-01-01') });

  it('copies the prior Monday for a missing Monday', () => {
    const edits = likeDayEstimator(series, defaultVeeRules, ctx, stateOf(values, day(14), 21));
    expect(edits.map((e) => e.value)).toEqual(values.slice(7 * 24, 8 * 24));
    expect(edits[0]).toMatchObject({ method: 'like-day', quality: 'estimated' });
    expect(edits[0].reason).toContain('2024-03-11 (prior Monday)');
  });

  it('skips days that are not validated references and falls back down the table', () => {
    const refs = Array.from({ length: 21 }, (_, d) => d).filter((d) => d !== 7);
    expect(likeDayEstimator(series, defaultVeeRules, ctx, stateOf(values, day(14), 21, refs)).map((e) => e.value)).toEqual(values.slice(0, 24));
    expect(likeDayEstimator(series, defaultVeeRules, ctx, stateOf(values, day(14), 21, [1, 2, 3]))).toEqual([]);
  });

  it('estimates a partial long gap slot by slot at the same local hour', () => {
    const pending = [16 * 24 + 5, 16 * 24 + 6, 16 * 24 + 7, 16 * 24 + 8];
    expect(likeDayEstimator(series, defaultVeeRules, ctx, stateOf(values, pending, 21)).map((e) => e.value)).toEqual(pending.map((i) => values[i - 7 * 24]));
  });

  it('averages 3 reference days for a holiday', () => {
    const calendar = new WorkCalendar({ 2024: { holidays: { test: ['2024-03-13', '2024-03-20'] }, workdays: [] } });
    const holidayCtx = createVeeContext(series, { nowMs: Date.parse('2030-01-01'), calendar });
    const edits = likeDayEstimator(series, defaultVeeRules, holidayCtx, stateOf(values, day(16), 21));
    // 2024-03-20: the holiday of 03-13, then this week's Sunday 03-17 and the prior Sunday 03-10.
    expect(edits[0].value).toBeCloseTo((values[9 * 24] + values[13 * 24] + values[6 * 24]) / 3, 12);
    expect(edits[0].method).toBe('like-day-holiday');
  });
});
