import { describe, expect, it } from 'vitest';
import { flatlineCheck } from './flatline-check.js';
import { check, makeSeries, rulesWith } from './series.testkit.js';

const wiggle = (i: number) => 0.5 + 0.01 * (i % 7);

describe('flatlineCheck', () => {
  it('flags the same non-zero value repeated for the 24 h window', () => {
    const values = Array.from({ length: 60 }, (_, i) => (i >= 10 && i < 34 ? 0.8 : wiggle(i)));
    const flags = check(flatlineCheck, makeSeries(values));
    expect(flags.map((f) => [f.startIndex, f.endIndex, f.severity])).toEqual([[10, 34, 'error']]);
    expect(flags[0].reasonZh).toContain('卡滞');
  });

  it('ignores shorter runs and zero runs', () => {
    const short = Array.from({ length: 60 }, (_, i) => (i >= 10 && i < 33 ? 0.8 : wiggle(i)));
    expect(check(flatlineCheck, makeSeries(short))).toEqual([]);
    const zeros = Array.from({ length: 60 }, (_, i) => (i >= 10 && i < 50 ? 0 : wiggle(i)));
    expect(check(flatlineCheck, makeSeries(zeros))).toEqual([]);
    expect(check(flatlineCheck, makeSeries(short), rulesWith({ flatline: { windowMinutes: 600 } }))).toHaveLength(1);
  });
});
