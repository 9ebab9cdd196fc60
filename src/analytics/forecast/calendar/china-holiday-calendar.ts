import { daysFromLunarNewYear, WorkCalendar } from '../../../core/time/index.js';
import type { HolidayCalendar } from './holiday-calendar.js';

/**
 * Chinese statutory holidays (法定节假日) and make-up working days (调休) from core/time, plus the
 * distance to the lunar new year: Spring Festival lowers industrial load for weeks around it.
 */
export class ChinaHolidayCalendar implements HolidayCalendar {
  readonly name = 'china';

  constructor(private readonly calendar: WorkCalendar = new WorkCalendar()) {}

  holiday(day: number): string | undefined {
    return this.calendar.festival(day);
  }

  isMakeupWorkday(day: number): boolean {
    return this.calendar.isMakeupWorkday(day);
  }

  lunarNewYearOffset(day: number): number {
    return daysFromLunarNewYear(day);
  }
}
