import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, MS_PER_MINUTE, utcOffsetMinutes } from '../time/index.js';
import { civilMonthOfEpochDay, offsetSegments } from './local-clock.js';

describe('civilMonthOfEpochDay', () => {
  it('agrees with Date over 1900-2100', () => {
    for (let day = -25567; day < 47482; day += 13) {
      const date = new Date(day * MS_PER_DAY);
      expect(civilMonthOfEpochDay(day)).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() });
    }
  });
});

describe('offsetSegments', () => {
  it('is one segment for a fixed zone', () => {
    const from = Date.UTC(2025, 0, 1);
    expect(offsetSegments('Asia/Shanghai', from, from + 40 * MS_PER_DAY)).toEqual({ startsMs: [from], offsetsMs: [480 * MS_PER_MINUTE] });
  });

  it('finds daylight-saving changes to the minute', () => {
    const from = Date.UTC(2024, 2, 1, 5);
    const to = Date.UTC(2024, 10, 30, 5);
    const { startsMs, offsetsMs } = offsetSegments('America/New_York', from, to);
    expect(startsMs.slice(1).map((t) => new Date(t).toISOString())).toEqual(['2024-03-10T07:00:00.000Z', '2024-11-03T06:00:00.000Z']);
    expect(offsetsMs.map((o) => o / MS_PER_MINUTE)).toEqual([-300, -240, -300]);
    for (let t = from; t < to; t += 3 * 3_600_000 + 17 * MS_PER_MINUTE) {
      const segment = startsMs.findLastIndex((s) => s <= t);
      expect(offsetsMs[segment]).toBe(utcOffsetMinutes('America/New_York', t) * MS_PER_MINUTE);
    }
  });
});
