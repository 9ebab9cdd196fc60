import { describe, expect, it } from 'vitest';
import { epochDay } from '../../../core/time/index.js';
import { LoadSeries } from '../load-series.js';
import { localClock } from './local-clock.js';

describe('localClock', () => {
  it('reads UTC series as they are', () => {
    const series = LoadSeries.regular(Date.UTC(2020, 9, 31, 23, 45), { intervalMinutes: 15, load: [1, 2] });
    const clock = localClock(series);
    expect(Array.from(clock.minute)).toEqual([23 * 60 + 45, 0]);
    expect(clock.day[1] - clock.day[0]).toBe(1);
  });

  it('follows daylight saving time in a zone', () => {
    const at = (iso: string) => LoadSeries.regular(Date.parse(iso), { intervalMinutes: 60, load: [1], timeZone: 'Europe/Amsterdam' });
    const summer = localClock(at('2020-08-15T12:00:00Z'));
    const winter = localClock(at('2020-11-15T12:00:00Z'));
    expect(summer.minute[0]).toBe(14 * 60);
    expect(winter.minute[0]).toBe(13 * 60);
    expect(winter.day[0]).toBe(epochDay('2020-11-15'));
  });
});
