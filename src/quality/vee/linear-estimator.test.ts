import { describe, expect, it } from 'vitest';
import { stateOf } from './estimation.testkit.js';
import { linearEstimator } from './linear-estimator.js';
import { ctxOf, makeSeries, rulesWith } from './series.testkit.js';
import { defaultVeeRules } from './vee-rules.js';

describe('linearEstimator', () => {
  const values = Array.from({ length: 24 }, (_, i) => 1 + 0.5 * i);
  const series = makeSeries(values, { intervalMinutes: 15, startMs: 0 });

  it('reproduces a linear series exactly and keeps the originals', () => {
    const edits = linearEstimator(series, defaultVeeRules, ctxOf(series), stateOf(values, [3, 4, 5, 6, 7, 8, 9, 10]));
    expect(edits.map((e) => e.value)).toEqual(values.slice(3, 11));
    expect(edits.every((e) => e.quality === 'estimated' && e.method === 'linear')).toBe(true);
    expect(edits[0]).toMatchObject({ index: 3, original: values[3] });
    expect(edits[0].reason).toContain('between 2.000 kWh and 6.500 kWh');
  });

  it('leaves runs longer than 2 h and runs without two neighbours', () => {
    expect(linearEstimator(series, defaultVeeRules, ctxOf(series), stateOf(values, [3, 4, 5, 6, 7, 8, 9, 10, 11]))).toEqual([]);
    expect(linearEstimator(series, defaultVeeRules, ctxOf(series), stateOf(values, [0, 1]))).toEqual([]);
    expect(linearEstimator(series, defaultVeeRules, ctxOf(series), stateOf(values, [22, 23]))).toEqual([]);
  });

  it('respects a configured maximum run', () => {
    const rules = rulesWith({ estimation: { maxLinearIntervals: 2 } });
    expect(linearEstimator(series, rules, ctxOf(series), stateOf(values, [5, 6, 7]))).toEqual([]);
    expect(linearEstimator(series, rules, ctxOf(series), stateOf(values, [5, 6])).map((e) => e.value)).toEqual([3.5, 4]);
  });
});
