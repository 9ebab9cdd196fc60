import { describe, expect, it } from 'vitest';
import { gapCheck } from './gap-check.js';
import { missingByLocalDay } from './missing-by-day.js';
import { check, ctxOf, hour, makeSeries, monday } from './series.testkit.js';

const N = Number.NaN;

describe('gapCheck', () => {
  it('flags each missing run, short up to 2 h and long beyond', () => {
    const s = makeSeries([1, N, N, 1, N, N, N, 1]);
    const flags = check(gapCheck, s);
    expect(flags.map((f) => [f.code, f.severity, f.startIndex, f.endIndex])).toEqual([['gap.short', 'warning', 1, 3], ['gap.long', 'error', 4, 7]]);
    expect(flags[1].reason).toContain('3 intervals (3 h) missing');
  });

  it('ignores slots that have not ended yet', () => {
    expect(check(gapCheck, makeSeries([1, 1, N, N]), undefined, monday + 3 * hour)).toMatchObject([{ startIndex: 2, endIndex: 3 }]);
  });

  it('counts missing slots per local day', () => {
    const values = Array.from({ length: 48 }, (_, i) => (i === 3 || i === 30 || i === 31 ? N : 1));
    const s = makeSeries(values);
    expect(missingByLocalDay(s.values, ctxOf(s))).toEqual([{ date: '2024-03-04', missing: 1 }, { date: '2024-03-05', missing: 2 }]);
  });
});
