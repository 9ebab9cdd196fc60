import { describe, expect, it } from 'vitest';
import { epochDay, WorkCalendar } from '../../core/time/index.js';
import { buildDayTable, FestivalCode, festivalCodeOf } from './day-table.js';

describe('day table', () => {
  it('codes festivals and fills calendar and weather facts per day', () => {
    expect(festivalCodeOf(undefined)).toBe(FestivalCode.none);
    expect(festivalCodeOf('national_day')).toBe(FestivalCode.national_day);
    expect(festivalCodeOf('lantern')).toBe(FestivalCode.other);
    const firstDay = epochDay('2024-09-30');
    const table = buildDayTable({
      firstDay, dayCount: 2, calendar: new WorkCalendar(), stepHours: 12,
      dayIndex: Int32Array.from([0, 0, 1, 1]), temperatureC: Float32Array.from([20, 26, 18, 22]), irradianceWm2: Float32Array.from([0, 500, 0, 250]),
    });
    expect(table.dayKind[1]).toBe(2);
    expect(table.festival[1]).toBe(FestivalCode.national_day);
    expect(table.weekday[0]).toBe(1);
    expect(table.dayOfYear[1]).toBe(275);
    expect(table.meanTempC[0]).toBe(23);
    expect(table.maxTempC[1]).toBe(22);
    expect(table.irradiationKwhM2[0]).toBe(6);
    expect(table.firstStep[1]).toBe(2);
  });
});
