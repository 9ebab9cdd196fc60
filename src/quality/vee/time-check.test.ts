import { describe, expect, it } from 'vitest';
import { deliveriesFromRecords } from './deliveries.js';
import { check, hour, makeSeries, monday, rulesWith } from './series.testkit.js';
import { timeCheck } from './time-check.js';

describe('timeCheck', () => {
  it('flags values of intervals that end after now + tolerance as future errors', () => {
    const s = makeSeries([1, 1, 1, 1, Number.NaN, 1]);
    const flags = check(timeCheck, s, undefined, monday + 2 * hour + 3 * 60_000);
    expect(flags.map((f) => [f.code, f.severity, f.startIndex, f.endIndex])).toEqual([['time.future', 'error', 2, 4], ['time.future', 'error', 5, 6]]);
    expect(check(timeCheck, s, rulesWith({ time: { futureToleranceMinutes: 60 } }), monday + 2 * hour + 3 * 60_000).map((f) => f.startIndex)).toEqual([3, 5]);
    expect(flags[0].reasonZh).toContain('未来时标');
  });

  it('flags delivered timestamps off the grid as one warning per run', () => {
    const deliveries = deliveriesFromRecords([0, 1, 2, 3, 4].map((i) => ({ tsMs: monday + i * hour + (i === 1 || i === 2 ? 40_000 : i === 4 ? -5_000 : 0), value: 1 })));
    const s = makeSeries([1, 1, 1, 1, 1], { context: { deliveries } });
    const flags = check(timeCheck, s);
    expect(flags.map((f) => [f.code, f.startIndex, f.endIndex, f.facts?.maxOffsetSeconds])).toEqual([['time.misaligned', 1, 3, 40], ['time.misaligned', 4, 5, 5]]);
    expect(check(timeCheck, s, rulesWith({ time: { alignmentToleranceSeconds: 10 } })).map((f) => f.startIndex)).toEqual([1]);
  });
});
