import { epochDay, weekdayOfEpochDay } from '../../../core/time/index.js';
import type { HolidayCalendar } from './holiday-calendar.js';

type Rule = (year: number) => number;

/** Epoch day of the n-th given weekday (0 = Sunday) of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n < 0) {
    const last = firstOfMonth(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1) - 1;
    return last - ((weekdayOfEpochDay(last) - weekday + 7) % 7);
  }
  const first = firstOfMonth(year, month);
  return first + ((weekday - weekdayOfEpochDay(first) + 7) % 7) + (n - 1) * 7;
}

function firstOfMonth(year: number, month: number): number {
  return epochDay(`${year}-${pad(month)}-01`);
}

/** A fixed-date holiday moved to Friday when on Saturday and to Monday when on Sunday. */
function observed(year: number, month: number, dayOfMonth: number): number {
  const day = epochDay(`${year}-${pad(month)}-${pad(dayOfMonth)}`);
  const weekday = weekdayOfEpochDay(day);
  return weekday === 6 ? day - 1 : weekday === 0 ? day + 1 : day;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The eleven US federal holidays (5 U.S.C. 6103) with their observed dates; Juneteenth from 2021. */
const rules: Readonly<Record<string, Rule>> = {
  new_years_day: (y) => observed(y, 1, 1),
  martin_luther_king_day: (y) => nthWeekday(y, 1, 1, 3),
  washingtons_birthday: (y) => nthWeekday(y, 2, 1, 3),
  memorial_day: (y) => nthWeekday(y, 5, 1, -1),
  juneteenth: (y) => (y >= 2021 ? observed(y, 6, 19) : Number.NaN),
  independence_day: (y) => observed(y, 7, 4),
  labor_day: (y) => nthWeekday(y, 9, 1, 1),
  columbus_day: (y) => nthWeekday(y, 10, 1, 2),
  veterans_day: (y) => observed(y, 11, 11),
  thanksgiving_day: (y) => nthWeekday(y, 11, 4, 4),
  christmas_day: (y) => observed(y, 12, 25),
};

/**
 * US federal holidays computed by rule (observed dates: a Saturday holiday is taken on Friday, a
 * Sunday one on Monday, so New Year 2005 is observed on Friday 2004-12-31).
 */
export class UsFederalHolidayCalendar implements HolidayCalendar {
  readonly name = 'us-federal';
  private readonly byDay = new Map<number, string>();
  private readonly years = new Set<number>();

  holiday(day: number): string | undefined {
    const year = new Date(day * 86_400_000).getUTCFullYear();
    for (const y of [year - 1, year, year + 1]) this.addYear(y);
    return this.byDay.get(day);
  }

  isMakeupWorkday(): boolean {
    return false;
  }

  private addYear(year: number): void {
    if (this.years.has(year)) return;
    this.years.add(year);
    for (const [name, rule] of Object.entries(rules)) {
      const day = rule(year);
      if (Number.isFinite(day)) this.byDay.set(day, name);
    }
  }
}
