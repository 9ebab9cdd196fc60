import { z } from 'zod';
import { weekdayOfEpochDay } from '../../../core/time/index.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { dayFacts, type DayFacts } from './day-facts.js';
import type { LocalClock } from './local-clock.js';

/** Calendar feature names; each is computed from a row's local day and minute alone. */
export const CalendarFeature = z.enum([
  'hour', 'minuteOfDay', 'dayOfWeek', 'dayOfMonth', 'dayOfYear', 'weekOfYear', 'month', 'quarter', 'year', 'trendYears',
  'holiday', 'dayKind', 'holidayBefore', 'holidayAfter', 'bridgeDay', 'daysToHoliday', 'daysFromHoliday', 'makeupWorkday',
  'lunarNewYearOffset',
]);
export type CalendarFeature = z.infer<typeof CalendarFeature>;

/** Days since 1970-01-01 of 2000-01-01: the origin of `trendYears`. */
export const TREND_ORIGIN_DAY = 10_957;

interface RowTime {
  readonly day: number;
  readonly minute: number;
  readonly date: Date;
  readonly facts: DayFacts;
}

const compute: Readonly<Record<CalendarFeature, (t: RowTime) => number>> = {
  hour: (t) => Math.floor(t.minute / 60),
  minuteOfDay: (t) => t.minute,
  dayOfWeek: (t) => weekdayOfEpochDay(t.day),
  dayOfMonth: (t) => t.date.getUTCDate(),
  dayOfYear: (t) => t.day - Date.UTC(t.date.getUTCFullYear(), 0, 1) / 86_400_000 + 1,
  weekOfYear: (t) => isoWeek(t.day),
  month: (t) => t.date.getUTCMonth() + 1,
  quarter: (t) => Math.floor(t.date.getUTCMonth() / 3) + 1,
  year: (t) => t.date.getUTCFullYear(),
  trendYears: (t) => (t.day - TREND_ORIGIN_DAY + t.minute / 1440) / 365.25,
  holiday: (t) => (t.facts.holiday ? 1 : 0),
  dayKind: (t) => t.facts.kind,
  holidayBefore: (t) => (t.facts.beforeHoliday ? 1 : 0),
  holidayAfter: (t) => (t.facts.afterHoliday ? 1 : 0),
  bridgeDay: (t) => (t.facts.bridge ? 1 : 0),
  daysToHoliday: (t) => t.facts.daysToHoliday,
  daysFromHoliday: (t) => t.facts.daysFromHoliday,
  makeupWorkday: (t) => (t.facts.makeupWorkday ? 1 : 0),
  lunarNewYearOffset: (t) => t.facts.lunarNewYearOffset,
};

/** ISO 8601 week number (1..53) of a day. */
export function isoWeek(day: number): number {
  const weekday = (weekdayOfEpochDay(day) + 6) % 7; // Monday = 0
  const thursday = day - weekday + 3;
  const year = new Date(thursday * 86_400_000).getUTCFullYear();
  const firstThursday = Date.UTC(year, 0, 1) / 86_400_000;
  return Math.floor((thursday - firstThursday) / 7) + 1;
}

/** The named calendar features of every row of a clock, one column each. */
export function calendarColumns(clock: LocalClock, holidays: HolidayCalendar, names: readonly CalendarFeature[]): Map<string, Float64Array> {
  const n = clock.day.length;
  const columns = new Map(names.map((name) => [name as string, new Float64Array(n)]));
  const fns = names.map((name) => compute[name]);
  const targets = names.map((name) => columns.get(name) as Float64Array);
  const factsOf = dayFacts(holidays);
  let cached: { day: number; date: Date; facts: DayFacts } | undefined;
  for (let i = 0; i < n; i++) {
    const day = clock.day[i];
    if (cached?.day !== day) cached = { day, date: new Date(day * 86_400_000), facts: factsOf(day) };
    const row: RowTime = { day, minute: clock.minute[i], date: cached.date, facts: cached.facts };
    for (let f = 0; f < fns.length; f++) targets[f][i] = fns[f](row);
  }
  return columns;
}
