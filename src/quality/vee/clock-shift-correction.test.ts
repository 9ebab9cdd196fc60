import { describe, expect, it } from 'vitest';
import { clockShiftCheck } from './clock-shift-check.js';
import { correctClockShifts, withoutExplained } from './clock-shift-correction.js';
import { clockShifted, shapedTruth } from './clock.testkit.js';
import { duplicateCheck } from './duplicate-check.js';
import { gapCheck } from './gap-check.js';
import { ctxOf, makeSeries } from './series.testkit.js';
import { defaultVeeRules } from './vee-rules.js';

const truth = shapedTruth(21);

function corrected(start: number, end: number, shift: number, withDeliveries = true) {
  const { deliveries, values } = clockShifted(truth, start, end, shift);
  const series = makeSeries(values, { context: withDeliveries ? { deliveries } : {} });
  const ctx = ctxOf(series);
  const flags = [...gapCheck(series, defaultVeeRules, ctx), ...duplicateCheck(series, defaultVeeRules, ctx), ...clockShiftCheck(series, defaultVeeRules, ctx)];
  return { series, flags, ...correctClockShifts(series, flags, defaultVeeRules, ctx) };
}

describe('correctClockShifts', () => {
  it.each([[200, 260, 1], [300, 380, -1]])('moves a block [%i, %i) shifted %i back and restores the superseded readings', (start, end, shift) => {
    const { values, edits, vacated } = corrected(start, end, shift);
    expect(Array.from(values)).toEqual(truth);
    expect(vacated).toEqual([]);
    expect(edits.every((e) => e.quality === 'edited')).toBe(true);
    expect(edits.filter((e) => e.method === 'clock-shift-restore')).toHaveLength(1);
  });

  it('folds the hole and the re-stamped duplicates into the clock-shift flag', () => {
    const { flags, explained } = corrected(200, 260, 1);
    expect(flags.map((f) => f.check).sort()).toEqual(['clock-shift', 'duplicate', 'gap']);
    expect(withoutExplained(flags, explained).map((f) => f.check)).toEqual(['clock-shift']);
  });

  it('leaves profile-only findings uncorrected', () => {
    const values = Float64Array.from(truth.map((v, i) => (i >= 24 * 8 && i < 24 * 12 ? truth[i - 1] : v)));
    const series = makeSeries(values);
    const ctx = ctxOf(series);
    const result = correctClockShifts(series, clockShiftCheck(series, defaultVeeRules, ctx), defaultVeeRules, ctx);
    expect(result.edits).toEqual([]);
  });
});
