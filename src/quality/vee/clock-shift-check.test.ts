import { describe, expect, it } from 'vitest';
import { clockShiftCheck, clockShiftOf } from './clock-shift-check.js';
import { clockShifted, shapedTruth } from './clock.testkit.js';
import { check, makeSeries } from './series.testkit.js';

const truth = shapedTruth(21);

describe('clockShiftCheck', () => {
  it('finds a clock running ahead from its hole and re-stamped readings (+1 h)', () => {
    const { deliveries, values } = clockShifted(truth, 200, 260, 1);
    const flags = check(clockShiftCheck, makeSeries(values, { context: { deliveries } }));
    expect(flags.map((f) => [f.code, f.severity, f.startIndex, f.endIndex])).toEqual([['clock-shift.paired', 'error', 200, 261]]);
    expect(clockShiftOf(flags[0])).toMatchObject({ shiftSteps: 1, shiftedStart: 201, shiftedEnd: 260 });
    expect(flags[0].reason).toMatch(/\+60 min/);
  });

  it('finds a clock running behind (−1 h)', () => {
    const { deliveries, values } = clockShifted(truth, 300, 380, -1);
    const flags = check(clockShiftCheck, makeSeries(values, { context: { deliveries } }));
    expect(flags.map((f) => [f.code, f.startIndex, f.endIndex])).toEqual([['clock-shift.paired', 299, 380]]);
    expect(clockShiftOf(flags[0])).toMatchObject({ shiftSteps: -1, shiftedStart: 299, shiftedEnd: 379 });
  });

  it('without deliveries, finds several days that fit the typical profile better shifted (warning)', () => {
    const values = truth.map((v, i) => (i >= 24 * 8 && i < 24 * 12 ? truth[i - 1] : v));
    const flags = check(clockShiftCheck, makeSeries(values));
    expect(flags.map((f) => [f.code, f.severity, f.startIndex, f.endIndex, f.facts?.shiftSteps])).toEqual([['clock-shift.profile', 'warning', 24 * 8, 24 * 12, 1]]);
  });

  it('stays silent on clean data, a stray one-hour gap and an unrelated re-delivery', () => {
    const { deliveries, values } = clockShifted(truth, 0, 0, 0);
    values[100] = Number.NaN;
    expect(check(clockShiftCheck, makeSeries(values, { context: { deliveries } }))).toEqual([]);
  });

  it('rejects a hole and a collision whose block fits the profile worse when shifted', () => {
    const { deliveries, values } = clockShifted(truth, 0, 0, 0);
    values[200] = Number.NaN;
    const resent = { tsMs: Float64Array.of(...deliveries.tsMs, deliveries.tsMs[230]), values: Float64Array.of(...deliveries.values, 9), arrival: Float64Array.of(...deliveries.arrival, 1e6) };
    expect(check(clockShiftCheck, makeSeries(values, { context: { deliveries: resent } }))).toEqual([]);
  });
});
