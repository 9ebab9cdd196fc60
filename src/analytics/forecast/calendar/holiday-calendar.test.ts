import { describe, expect, it } from 'vitest';
import { epochDay } from '../../../core/time/index.js';
import { ChinaHolidayCalendar } from './china-holiday-calendar.js';
import { ListedHolidayCalendar, noHolidays } from './holiday-calendar.js';

describe('holiday calendars', () => {
  it('looks up listed days', () => {
    const calendar = new ListedHolidayCalendar('list', [[epochDay('2008-07-04'), 'Independence Day']]);
    expect(calendar.holiday(epochDay('2008-07-04'))).toBe('Independence Day');
    expect(calendar.holiday(epochDay('2008-07-05'))).toBeUndefined();
    expect(calendar.listedDays()).toEqual([epochDay('2008-07-04')]);
    expect(noHolidays.holiday(0)).toBeUndefined();
  });

  it('knows Chinese statutory holidays, make-up working days (调休) and the lunar new year', () => {
    const calendar = new ChinaHolidayCalendar();
    expect(calendar.holiday(epochDay('2024-02-10'))).toBe('spring_festival');
    expect(calendar.isMakeupWorkday(epochDay('2024-02-04'))).toBe(true);
    expect(calendar.isMakeupWorkday(epochDay('2024-02-05'))).toBe(false);
    expect(calendar.lunarNewYearOffset(epochDay('2024-02-12'))).toBe(2);
  });
});
