import { DayKind, epochDay, weekdayOfEpochDay } from '../../core/time/index.js';
import type { DayKindCalendar } from '../../analytics/dr/index.js';

/** England and Wales bank holidays of 2013 (gov.uk). */
export const ENGLAND_BANK_HOLIDAYS_2013 = ['2013-01-01', '2013-03-29', '2013-04-01', '2013-05-06', '2013-05-27', '2013-08-26', '2013-12-25', '2013-12-26'];

/** New South Wales public holidays over the SGSC sample (2012-02 to 2014-03), as gazetted (verify). */
export const NSW_PUBLIC_HOLIDAYS_2012_2014 = [
  '2012-04-06', '2012-04-07', '2012-04-09', '2012-04-25', '2012-06-11', '2012-10-01', '2012-12-25', '2012-12-26',
  '2013-01-01', '2013-01-28', '2013-03-29', '2013-03-30', '2013-04-01', '2013-04-25', '2013-06-10', '2013-10-07', '2013-12-25', '2013-12-26',
  '2014-01-01', '2014-01-27',
];

/** Weekends plus the listed holidays. */
export function holidayListCalendar(holidays: readonly string[]): DayKindCalendar {
  const set = new Set(holidays.map(epochDay));
  return {
    dayKind(day: number) {
      if (set.has(day)) return DayKind.holiday;
      const w = weekdayOfEpochDay(day);
      return w === 0 || w === 6 ? DayKind.weekend : DayKind.workday;
    },
  };
}
