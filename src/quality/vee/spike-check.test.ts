import { describe, expect, it } from 'vitest';
import { check, daily, makeSeries } from './series.testkit.js';
import { spikeCheck } from './spike-check.js';

/** Two days of a smooth profile between 0.2 and 1.0 kWh. */
const base = daily(2, (h) => 0.2 + 0.8 * Math.exp(-((h - 19) ** 2) / 8));

describe('spikeCheck', () => {
  it('flags a value far above both neighbours and the meter’s upper level', () => {
    const values = base.slice();
    values[10] = 5;
    const flags = check(spikeCheck, makeSeries(values));
    expect(flags.map((f) => [f.startIndex, f.endIndex, f.severity])).toEqual([[10, 11, 'error']]);
    expect(flags[0].reason).toMatch(/5\.000 kWh .* larger valid neighbour/);
  });

  it('does not flag a level step or a peak that neighbours share', () => {
    const step = base.map((v, i) => (i >= 20 ? v * 8 : v));
    expect(check(spikeCheck, makeSeries(step))).toEqual([]);
    const modest = base.slice();
    modest[10] = 1.5;
    expect(check(spikeCheck, makeSeries(modest))).toEqual([]);
  });

  it('looks past missing and negative neighbours', () => {
    const values = base.slice();
    values[9] = Number.NaN;
    values[11] = -1;
    values[10] = 6;
    expect(check(spikeCheck, makeSeries(values)).map((f) => f.startIndex)).toEqual([10]);
  });
});
