import { DayKind, weekdayOfEpochDay } from '../../../core/time/index.js';
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';

/** How far `daysToHoliday` and `daysFromHoliday` look. */
export const HOLIDAY_HORIZON_DAYS = 14;

/** What the holiday calendar says about one local day, in the terms load models use. */
export interface DayFacts {
  readonly holiday: boolean;
  /** Workday, weekend or holiday; a make-up working day (调休) counts as a workday. */
  readonly kind: DayKind;
  readonly makeupWorkday: boolean;
  /** A working day right before / after a holiday. */
  readonly beforeHoliday: boolean;
  readonly afterHoliday: boolean;
  /** A working day between a holiday and a weekend (many take it off). */
  readonly bridge: boolean;
  /** Days to the next / since the last holiday, capped at HOLIDAY_HORIZON_DAYS. */
  readonly daysToHoliday: number;
  readonly daysFromHoliday: number;
  /** Days from the nearest lunar new year, clamped to ±45; NaN when the calendar has none. */
  readonly lunarNewYearOffset: number;
}

/** A cached lookup of the day facts of a calendar. */
export function dayFacts(holidays: HolidayCalendar): (day: number) => DayFacts {
  const cache = new Map<number, DayFacts>();
  return (day) => {
    let facts = cache.get(day);
    if (!facts) {
      facts = computeFacts(holidays, day);
      cache.set(day, facts);
    }
    return facts;
  };
}

function kindOf(holidays: HolidayCalendar, day: number): DayKind {
  if (holidays.holiday(day) !== undefined) return DayKind.holiday;
  if (holidays.isMakeupWorkday(day)) return DayKind.workday;
  const weekday = weekdayOfEpochDay(day);
  return weekday === 0 || weekday === 6 ? DayKind.weekend : DayKind.workday;
}

function distance(holidays: HolidayCalendar, day: number, direction: 1 | -1): number {
  for (let k = 0; k <= HOLIDAY_HORIZON_DAYS; k++) if (holidays.holiday(day + direction * k) !== undefined) return k;
  return HOLIDAY_HORIZON_DAYS;
}

function computeFacts(holidays: HolidayCalendar, day: number): DayFacts {
  const kind = kindOf(holidays, day);
  const working = kind === DayKind.workday;
  const next = kindOf(holidays, day + 1);
  const previous = kindOf(holidays, day - 1);
  const lny = holidays.lunarNewYearOffset?.(day);
  return {
    holiday: kind === DayKind.holiday,
    kind,
    makeupWorkday: holidays.isMakeupWorkday(day),
    beforeHoliday: working && next === DayKind.holiday,
    afterHoliday: working && previous === DayKind.holiday,
    bridge: working && ((next === DayKind.holiday && previous === DayKind.weekend) || (previous === DayKind.holiday && next === DayKind.weekend)),
    daysToHoliday: distance(holidays, day, 1),
    daysFromHoliday: distance(holidays, day, -1),
    lunarNewYearOffset: lny === undefined ? Number.NaN : Math.max(-45, Math.min(45, lny)),
  };
}
