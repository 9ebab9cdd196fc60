import { describe, expect, it } from 'vitest';
import { LoadSeries } from '../../analytics/forecast/index.js';
import { calendarFloors } from './calendar-floor.js';

describe('calendarFloors', () => {
  it('is zero for a load that only depends on the calendar, and grows with year-to-year noise', () => {
    const hours = 24 * 366 * 3;
    const start = Date.UTC(2015, 0, 1);
    const profile = (i: number) => {
      const date = new Date(start + i * 3_600_000);
      const dayOfYear = (Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000;
      return 100 + date.getUTCHours() + 3 * Math.floor(dayOfYear / 7) + (date.getUTCDay() % 6 === 0 ? -20 : 0);
    };
    const exact = LoadSeries.regular(start, { intervalMinutes: 60, load: Float64Array.from({ length: hours }, (_, i) => profile(i)) });
    expect(calendarFloors(exact, 24 * 366 * 2).inSample).toBeCloseTo(0, 6);
    const yearly = exact.with({ load: exact.load.map((v, i) => v + (new Date(exact.timestamps[i]).getUTCFullYear() % 2 ? 5 : -5)) });
    const floors = calendarFloors(yearly, 24 * 366 * 2);
    expect(floors.otherYears).toBeGreaterThan(floors.inSample + 1);
  });
});
