import { ValidationError } from '../errors.js';
import type { Schedule12x24, Tariff } from '../schemas/tariff.js';
import { DayKind, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, weekdayOfEpochDay, type WorkCalendar } from '../time/index.js';
import { civilMonthOfEpochDay, offsetSegments } from './local-clock.js';

/** Interval energy of one meter channel over (at least) one billing period. */
export interface IntervalUsage {
  /** UTC ms of the start of the first interval. */
  readonly startMs: number;
  readonly intervalMinutes: number;
  readonly kwh: Float64Array;
  readonly timeZone: string;
}

/** Day types of the 12x24 schedules: 0 takes the weekday schedule, 1 the weekend schedule. */
export type DayTypeRule = (epochDay: number) => number;

/** Period index at `(month * 2 + dayType) * 24 + hour`, from a weekday and a weekend schedule. */
export function periodTable(weekday: Schedule12x24, weekend: Schedule12x24): Uint16Array {
  const table = new Uint16Array(12 * 2 * 24);
  for (let month = 0; month < 12; month++) {
    for (let hour = 0; hour < 24; hour++) {
      table[(month * 2) * 24 + hour] = weekday[month][hour];
      table[(month * 2 + 1) * 24 + hour] = weekend[month][hour];
    }
  }
  return table;
}

export interface PeriodTables {
  readonly energy: Uint16Array;
  readonly demand: Uint16Array | undefined;
}

const tableCache = new WeakMap<Tariff, PeriodTables>();

/** The tariff's energy and demand period tables, built once per tariff object. */
export function periodTables(tariff: Tariff): PeriodTables {
  let tables = tableCache.get(tariff);
  if (!tables) {
    const { demandweekdayschedule: weekday, demandweekendschedule: weekend } = tariff;
    tables = {
      energy: periodTable(tariff.energyweekdayschedule, tariff.energyweekendschedule),
      demand: tariff.demandratestructure && weekday && weekend ? periodTable(weekday, weekend) : undefined,
    };
    tableCache.set(tariff, tables);
  }
  return tables;
}

/** Saturday and Sunday take the weekend schedule; with holidays, the work calendar decides. */
export function dayTypeRule(holidaysUseWeekendSchedule: boolean, calendar: WorkCalendar): DayTypeRule {
  if (holidaysUseWeekendSchedule) return (day) => (calendar.dayKind(day) === DayKind.workday ? 0 : 1);
  return (day) => {
    const weekday = weekdayOfEpochDay(day);
    return weekday === 0 || weekday === 6 ? 1 : 0;
  };
}

/** kWh per energy period within one calendar year of local time. */
export interface YearSegment {
  readonly year: number;
  readonly periodKwh: Float64Array;
}

export interface UsageScan {
  /** One segment per local calendar year touched, in order (two when a bill spans 1 January). */
  readonly years: YearSegment[];
  /** Maximum interval kW per demand period (undefined without TOU demand). */
  readonly demandPeakKw: Float64Array | undefined;
  readonly kwhTotal: number;
  readonly peakKw: number;
  readonly intervals: number;
}

export interface ScanPlan {
  readonly tables: PeriodTables;
  readonly energyPeriods: number;
  readonly demandPeriods: number;
  readonly dayType: DayTypeRule;
}

function badValue(index: number, value: number): ValidationError {
  return new ValidationError(`usage.kwh[${index}] = ${value}: interval energy must be a finite, non-negative number`, { index, value });
}

/**
 * One pass over the intervals starting in [fromMs, toMs): local clock from offset segments, the
 * (month, day type) row looked up once per local day, and typed-array accumulators.
 */
export function scanUsage(plan: ScanPlan, usage: IntervalUsage, fromMs: number, toMs: number): UsageScan {
  // Imported bindings are copied to locals: test runners rewrite them into property reads.
  const dayMs = MS_PER_DAY;
  const hourMs = MS_PER_HOUR;
  const stepMs = usage.intervalMinutes * MS_PER_MINUTE;
  const first = Math.max(0, Math.ceil((fromMs - usage.startMs) / stepMs));
  const end = Math.min(usage.kwh.length, Math.ceil((toMs - usage.startMs) / stepMs));
  const { startsMs, offsetsMs } = offsetSegments(usage.timeZone, fromMs, toMs);
  const { energy, demand } = plan.tables;
  const trackDemand = demand !== undefined;
  const demandTable = demand ?? energy;
  const demandPeakKw = new Float64Array(trackDemand ? plan.demandPeriods : 0);
  const years: YearSegment[] = [];
  const kwh = usage.kwh;
  const startMs = usage.startMs;
  const kwPerKwh = 60 / usage.intervalMinutes;
  let segment = 0;
  let offset = offsetsMs[0];
  let nextChange = startsMs.length > 1 ? startsMs[1] : Infinity;
  let dayStart = Number.NaN;
  let nextDayStart = Number.NaN;
  let row = 0;
  let periodKwh = new Float64Array(0);
  let kwhTotal = 0;
  let peakKw = 0;
  for (let i = first; i < end; i++) {
    const t = startMs + i * stepMs;
    while (t >= nextChange) {
      segment += 1;
      offset = offsetsMs[segment];
      nextChange = segment + 1 < startsMs.length ? startsMs[segment + 1] : Infinity;
    }
    const local = t + offset;
    if (!(local >= dayStart && local < nextDayStart)) {
      const day = Math.floor(local / dayMs);
      dayStart = day * dayMs;
      nextDayStart = dayStart + dayMs;
      const { year, month } = civilMonthOfEpochDay(day);
      row = (month * 2 + plan.dayType(day)) * 24;
      if (years.length === 0 || years[years.length - 1].year !== year) {
        periodKwh = new Float64Array(plan.energyPeriods);
        years.push({ year, periodKwh });
      }
    }
    const value = kwh[i];
    if (!(value >= 0 && value < Infinity)) throw badValue(i, value);
    const slot = row + Math.floor((local - dayStart) / hourMs);
    periodKwh[energy[slot]] += value;
    kwhTotal += value;
    const kw = value * kwPerKwh;
    if (kw > peakKw) peakKw = kw;
    if (trackDemand && kw > demandPeakKw[demandTable[slot]]) demandPeakKw[demandTable[slot]] = kw;
  }
  return { years, demandPeakKw: trackDemand ? demandPeakKw : undefined, kwhTotal, peakKw, intervals: Math.max(0, end - first) };
}
