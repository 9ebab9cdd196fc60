import { DayKind, epochDay, weekdayOfEpochDay } from '../../../core/time/index.js';
import { DayLoadMatrix, type DayKindCalendar } from './day-load-matrix.js';

/** Weekends plus the listed holidays (epoch days). */
export function simpleCalendar(holidays: readonly number[] = []): DayKindCalendar {
  const set = new Set(holidays);
  return {
    dayKind: (day) => {
      if (set.has(day)) return DayKind.holiday;
      const w = weekdayOfEpochDay(day);
      return w === 0 || w === 6 ? DayKind.weekend : DayKind.workday;
    },
  };
}

/** Monday 2025-03-03. */
export const FIRST_DAY = epochDay('2025-03-03');

/** Hourly matrix of `days` days from FIRST_DAY where every interval of day d holds `value(d)`. */
export function flatDays(days: number, value: (d: number) => number, calendar = simpleCalendar()): DayLoadMatrix {
  const m = DayLoadMatrix.empty(FIRST_DAY, days, 60, calendar);
  for (let d = 0; d < days; d++) m.day(d).fill(value(d));
  return m;
}
