import { chinaHolidays, lunarNewYear } from './china-holidays.js';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Kind of a local calendar day for load modelling and tariff periods. */
export const DayKind = { workday: 0, weekend: 1, holiday: 2 } as const;
export type DayKind = (typeof DayKind)[keyof typeof DayKind];

/** Days since 1970-01-01 of an ISO date (UTC calendar arithmetic on local dates). */
export function epochDay(isoDate: string): number {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date: ${isoDate}`);
  return Math.floor(ms / MS_PER_DAY);
}

export function isoDateOfEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday for an epoch day. */
export function weekdayOfEpochDay(day: number): number {
  return (day + 4) % 7;
}

/**
 * A working calendar: statutory holidays and make-up working days. Built once and queried per
 * epoch day. Years without a published schedule fall back to plain weekends and are reported by
 * `covers`.
 */
export class WorkCalendar {
  private readonly holidayDays = new Map<number, string>();
  private readonly makeupWorkdays = new Set<number>();
  private readonly years = new Set<number>();

  constructor(schedule: typeof chinaHolidays = chinaHolidays) {
    for (const [year, entry] of Object.entries(schedule)) {
      this.years.add(Number(year));
      for (const [festival, dates] of Object.entries(entry.holidays)) {
        for (const date of dates) this.holidayDays.set(epochDay(date), festival);
      }
      for (const date of entry.workdays) this.makeupWorkdays.add(epochDay(date));
    }
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  dayKind(day: number): DayKind {
    if (this.holidayDays.has(day)) return DayKind.holiday;
    if (this.makeupWorkdays.has(day)) return DayKind.workday;
    const weekday = weekdayOfEpochDay(day);
    return weekday === 0 || weekday === 6 ? DayKind.weekend : DayKind.workday;
  }

  /** Festival name (`spring_festival`, `national_day`, ...) or undefined. */
  festival(day: number): string | undefined {
    return this.holidayDays.get(day);
  }

  isMakeupWorkday(day: number): boolean {
    return this.makeupWorkdays.has(day);
  }
}

/** Signed days from the nearest lunar new year's day (negative before it). */
export function daysFromLunarNewYear(day: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const date of Object.values(lunarNewYear)) {
    const offset = day - epochDay(date);
    if (Math.abs(offset) < Math.abs(best)) best = offset;
  }
  return best;
}

/** Fixed UTC offsets in minutes for the zones GridLens generates; DST zones go through Intl. */
const fixedOffsets: Record<string, number> = { 'Asia/Shanghai': 480, 'Asia/Hong_Kong': 480, 'Asia/Taipei': 480, UTC: 0 };

/** Offset of local time from UTC, in minutes, at the given instant. */
export function utcOffsetMinutes(timeZone: string, utcMs: number): number {
  const fixed = fixedOffsets[timeZone];
  if (fixed !== undefined) return fixed;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((local - Math.floor(utcMs / 1000) * 1000) / MS_PER_MINUTE);
}

/** UTC instant of local midnight starting the given local ISO date. */
export function localMidnightUtc(isoDate: string, timeZone: string): number {
  const guess = Date.parse(`${isoDate}T00:00:00Z`);
  const offset = utcOffsetMinutes(timeZone, guess - utcOffsetMinutes(timeZone, guess) * MS_PER_MINUTE);
  return guess - offset * MS_PER_MINUTE;
}
