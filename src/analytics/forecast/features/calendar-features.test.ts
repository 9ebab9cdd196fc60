import { describe, expect, it } from 'vitest';
import { epochDay } from '../../../core/time/index.js';
import { ChinaHolidayCalendar } from '../calendar/china-holiday-calendar.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { UsFederalHolidayCalendar } from '../calendar/us-federal-holiday-calendar.js';
import { LoadSeries } from '../load-series.js';
import { calendarColumns, isoWeek } from './calendar-features.js';
import { localClock } from './local-clock.js';

/** Columns for 13:00 on each date (a hand-made clock: the dates need not be consecutive). */
function dayColumns(dates: string[], calendar: HolidayCalendar = new UsFederalHolidayCalendar()) {
  const clock = { from: 0, day: Int32Array.from(dates, epochDay), minute: Int32Array.from(dates, () => 13 * 60) };
  return calendarColumns(clock, calendar, ['hour', 'dayOfWeek', 'month', 'dayOfYear', 'weekOfYear', 'quarter', 'year', 'holiday', 'dayKind', 'holidayBefore', 'holidayAfter', 'bridgeDay', 'daysToHoliday', 'daysFromHoliday', 'makeupWorkday']);
}

describe('calendar features', () => {
  it('computes ISO weeks across year ends', () => {
    expect(isoWeek(epochDay('2021-01-04'))).toBe(1);
    expect(isoWeek(epochDay('2020-12-31'))).toBe(53);
    expect(isoWeek(epochDay('2008-12-29'))).toBe(1);
  });

  it('reads the clock and the US holidays around Thanksgiving 2007', () => {
    // Wednesday 21st, Thanksgiving Thursday 22nd, bridge Friday 23rd (in a gapless hourly series they are rows 0, 24, 48)
    const start = Date.UTC(2007, 10, 21, 13);
    const series = LoadSeries.regular(start, { intervalMinutes: 60, load: new Float64Array(72), holidays: new UsFederalHolidayCalendar() });
    const c = calendarColumns(localClock(series), series.holidays, ['hour', 'dayOfWeek', 'holiday', 'holidayBefore', 'holidayAfter', 'bridgeDay', 'daysToHoliday', 'daysFromHoliday', 'dayKind']);
    const at = (name: string) => [0, 24, 48].map((r) => (c.get(name) as Float64Array)[r]);
    expect(at('hour')).toEqual([13, 13, 13]);
    expect(at('dayOfWeek')).toEqual([3, 4, 5]);
    expect(at('holiday')).toEqual([0, 1, 0]);
    expect(at('holidayBefore')).toEqual([1, 0, 0]);
    expect(at('holidayAfter')).toEqual([0, 0, 1]);
    expect(at('bridgeDay')).toEqual([0, 0, 1]);
    expect(at('daysToHoliday')).toEqual([1, 0, 14]);
    expect(at('daysFromHoliday')).toEqual([9, 0, 1]); // Veterans Day was observed on the 12th
    expect(at('dayKind')).toEqual([0, 2, 0]);
  });

  it('gives dates their month, quarter, day of year and year', () => {
    const c = dayColumns(['2008-12-31']);
    expect([c.get('month')?.[0], c.get('quarter')?.[0], c.get('dayOfYear')?.[0], c.get('year')?.[0]]).toEqual([12, 4, 366, 2008]);
  });

  it('treats a make-up working day (调休) as a workday', () => {
    const c = dayColumns(['2024-02-04', '2024-02-10'], new ChinaHolidayCalendar());
    expect(Array.from(c.get('makeupWorkday') as Float64Array)).toEqual([1, 0]);
    expect(Array.from(c.get('dayKind') as Float64Array)).toEqual([0, 2]);
  });
});
