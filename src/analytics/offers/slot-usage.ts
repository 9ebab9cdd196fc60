import { ValidationError } from '../../core/errors.js';
import { civilMonthOfEpochDay, offsetSegments, type BillUsage } from '../../core/tariff/index.js';
import { DayKind, epochDay, isoDateOfEpochDay, localMidnightUtc, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, weekdayOfEpochDay, WorkCalendar } from '../../core/time/index.js';

/**
 * A customer's load reduced to what a bill needs: per billing month, kWh and maximum interval kW
 * in every (day class, local hour) slot. Any tariff's period energy and period demand follow
 * from it by a table lookup, so a year is billed under many tariffs from one pass over the
 * intervals. Day classes keep both weekend rules of the engine apart: bit 0 = Saturday or
 * Sunday, bit 1 = not a working day in the holiday calendar (holiday, or weekend without 调休).
 */

export const DAY_CLASSES = 4;
export const SLOTS_PER_MONTH = DAY_CLASSES * 24;

/** One local calendar month of a billing window. */
export interface BillingMonth {
  readonly year: number;
  /** 0-11. */
  readonly month: number;
  /** ISO local dates: first day and the day after the last. */
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly days: number;
}

export interface SlotUsage {
  readonly months: readonly BillingMonth[];
  /** kWh at `m * SLOTS_PER_MONTH + dayClass * 24 + hour`. */
  readonly kwh: Float64Array;
  /** Maximum interval kW in the same slots. */
  readonly maxKw: Float64Array;
  /** Days of each day class per month, at `m * DAY_CLASSES + dayClass`. */
  readonly classDays: Uint16Array;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The `count` local calendar months ending with the month of `lastIso` (inclusive), oldest first. */
export function billingMonths(lastIso: string, count = 12): BillingMonth[] {
  const last = civilMonthOfEpochDay(epochDay(lastIso));
  return Array.from({ length: count }, (_, i) => {
    const index = last.year * 12 + last.month - (count - 1 - i);
    const year = Math.floor(index / 12);
    const month = index % 12;
    const next = index + 1;
    const periodStart = `${year}-${pad2(month + 1)}-01`;
    const periodEnd = `${Math.floor(next / 12)}-${pad2((next % 12) + 1)}-01`;
    return { year, month, periodStart, periodEnd, days: epochDay(periodEnd) - epochDay(periodStart) };
  });
}

/** The last complete local month before the local date `iso` (the month itself when `iso` is its last day). */
export function lastCompleteMonth(iso: string): string {
  const day = epochDay(iso);
  const next = civilMonthOfEpochDay(day + 1);
  const current = civilMonthOfEpochDay(day);
  if (next.month !== current.month) return iso;
  return isoDateOfEpochDay(epochDay(`${current.year}-${pad2(current.month + 1)}-01`) - 1);
}

let sharedCalendar: WorkCalendar | undefined;

/** Day class of an epoch day (see the module comment). */
export function dayClassOf(day: number, calendar: WorkCalendar): number {
  const weekday = weekdayOfEpochDay(day);
  const satSun = weekday === 0 || weekday === 6 ? 1 : 0;
  return satSun + (calendar.dayKind(day) === DayKind.workday ? 0 : 2);
}

/** Interval usage with, optionally, the peak kW inside each interval (hourly loads from 15-minute data). */
export type SlotSource = BillUsage & { readonly maxKw?: Float64Array };

/** Aggregates interval usage into the slots of `months`; intervals outside them are ignored. */
export function slotUsageOf(usage: SlotSource, months: readonly BillingMonth[], calendar?: WorkCalendar): SlotUsage {
  if (months.length === 0) throw new ValidationError('months: at least one billing month is required');
  const cal = calendar ?? (sharedCalendar ??= new WorkCalendar());
  const kwhSlots = new Float64Array(months.length * SLOTS_PER_MONTH);
  const maxKw = new Float64Array(months.length * SLOTS_PER_MONTH);
  const classDays = new Uint16Array(months.length * DAY_CLASSES);
  const firstDay = epochDay(months[0].periodStart);
  const monthOfDay = new Int16Array(epochDay(months[months.length - 1].periodEnd) - firstDay);
  months.forEach((m, i) => {
    for (let d = epochDay(m.periodStart); d < epochDay(m.periodEnd); d++) {
      monthOfDay[d - firstDay] = i;
      classDays[i * DAY_CLASSES + dayClassOf(d, cal)] += 1;
    }
  });
  const fromMs = localMidnightUtc(months[0].periodStart, usage.timeZone);
  const toMs = localMidnightUtc(months[months.length - 1].periodEnd, usage.timeZone);
  accumulate(usage, { fromMs, toMs, firstDay, monthOfDay, cal, kwhSlots, maxKw });
  return { months, kwh: kwhSlots, maxKw, classDays };
}

interface Accumulator {
  readonly fromMs: number;
  readonly toMs: number;
  readonly firstDay: number;
  readonly monthOfDay: Int16Array;
  readonly cal: WorkCalendar;
  readonly kwhSlots: Float64Array;
  readonly maxKw: Float64Array;
}

function accumulate(usage: SlotSource, acc: Accumulator): void {
  const stepMs = usage.intervalMinutes * MS_PER_MINUTE;
  const kwPerKwh = 60 / usage.intervalMinutes;
  const first = Math.max(0, Math.ceil((acc.fromMs - usage.startMs) / stepMs));
  const end = Math.min(usage.kwh.length, Math.ceil((acc.toMs - usage.startMs) / stepMs));
  const { startsMs, offsetsMs } = offsetSegments(usage.timeZone, acc.fromMs, acc.toMs);
  let segment = 0;
  let dayStart = Number.NaN;
  let base = 0;
  for (let i = first; i < end; i++) {
    const t = usage.startMs + i * stepMs;
    while (segment + 1 < startsMs.length && t >= startsMs[segment + 1]) segment++;
    const local = t + offsetsMs[segment];
    if (!(local >= dayStart && local < dayStart + MS_PER_DAY)) {
      const day = Math.floor(local / MS_PER_DAY);
      dayStart = day * MS_PER_DAY;
      base = acc.monthOfDay[day - acc.firstDay] * SLOTS_PER_MONTH + dayClassOf(day, acc.cal) * 24;
    }
    const value = usage.kwh[i];
    if (!(value >= 0 && value < Infinity)) throw new ValidationError(`usage.kwh[${i}] = ${value}: interval energy must be a finite, non-negative number`, { index: i, value });
    const slot = base + Math.floor((local - dayStart) / MS_PER_HOUR);
    acc.kwhSlots[slot] += value;
    const kw = usage.maxKw ? usage.maxKw[i] : value * kwPerKwh;
    if (kw > acc.maxKw[slot]) acc.maxKw[slot] = kw;
  }
}

/** Total kWh of month `m`. */
export function monthKwh(slots: SlotUsage, m: number): number {
  let sum = 0;
  for (let s = m * SLOTS_PER_MONTH; s < (m + 1) * SLOTS_PER_MONTH; s++) sum += slots.kwh[s];
  return sum;
}

/** Total kWh of the window. */
export function totalKwh(slots: SlotUsage): number {
  let sum = 0;
  for (const v of slots.kwh) sum += v;
  return sum;
}

/** Slot of each hour of an hourly series starting at `startMs` (-1 for hours outside `months`). */
export function slotOfHours(startMs: number, hours: number, timeZone: string, months: readonly BillingMonth[], calendar?: WorkCalendar): Int32Array {
  const cal = calendar ?? (sharedCalendar ??= new WorkCalendar());
  const out = new Int32Array(hours).fill(-1);
  const firstDay = epochDay(months[0].periodStart);
  const lastDay = epochDay(months[months.length - 1].periodEnd);
  const monthOfDay = new Int16Array(lastDay - firstDay);
  months.forEach((m, i) => monthOfDay.fill(i, epochDay(m.periodStart) - firstDay, epochDay(m.periodEnd) - firstDay));
  const { startsMs, offsetsMs } = offsetSegments(timeZone, startMs, startMs + hours * MS_PER_HOUR);
  let segment = 0;
  for (let i = 0; i < hours; i++) {
    const t = startMs + i * MS_PER_HOUR;
    while (segment + 1 < startsMs.length && t >= startsMs[segment + 1]) segment++;
    const local = t + offsetsMs[segment];
    const day = Math.floor(local / MS_PER_DAY);
    if (day < firstDay || day >= lastDay) continue;
    out[i] = monthOfDay[day - firstDay] * SLOTS_PER_MONTH + dayClassOf(day, cal) * 24 + Math.floor((local - day * MS_PER_DAY) / MS_PER_HOUR);
  }
  return out;
}
