import { describe, expect, it } from 'vitest';
import { epochDay, localMidnightUtc } from '../../core/time/index.js';
import { localDays } from './local-days.js';

const hour = 3_600_000;

describe('localDays', () => {
  it('cuts a UTC+8 series at local midnight, with partial first and last days', () => {
    const start = localMidnightUtc('2024-03-04', 'Asia/Shanghai') + 6 * hour;
    const days = localDays(start, hour, 48, 'Asia/Shanghai');
    expect(days.firstEpochDay).toBe(epochDay('2024-03-04'));
    expect(Array.from(days.start)).toEqual([-6, 18, 42, 66]);
    expect(Array.from(days.complete)).toEqual([0, 1, 0]);
    expect([days.slotDay[0], days.slotDay[17], days.slotDay[18], days.slotDay[47]]).toEqual([0, 0, 1, 2]);
  });

  it('gives DST days 23 and 25 hours', () => {
    const start = localMidnightUtc('2024-03-09', 'America/New_York');
    const spring = localDays(start, hour, 72, 'America/New_York');
    expect(spring.start[2] - spring.start[1]).toBe(23);
    const fall = localDays(localMidnightUtc('2024-11-02', 'America/New_York'), hour, 72, 'America/New_York');
    expect(fall.start[2] - fall.start[1]).toBe(25);
  });
});
