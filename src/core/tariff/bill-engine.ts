import { ValidationError } from '../errors.js';
import type { Tariff } from '../schemas/tariff.js';
import { epochDay, localMidnightUtc, MS_PER_MINUTE, WorkCalendar } from '../time/index.js';
import { roundFen } from '../units.js';
import { periodNamesOf, sumAmounts, type BillLineDraft } from './bill-lines.js';
import { basicChargeBasis, basicChargeLines, flatDemandLines, touDemandLines, type BasicChargeBasis } from './demand.js';
import { fixedChargeLines, minimumChargeLine } from './fixed-charges.js';
import { governmentFundLines } from './government-funds.js';
import { civilMonthOfEpochDay } from './local-clock.js';
import { powerFactorLine } from './power-factor.js';
import { dayTypeRule, periodTables, scanUsage, type IntervalUsage, type UsageScan } from './tariff-periods.js';
import { energyLadders, energyLines } from './tiers.js';

/** Interval kWh covering one billing period; intervals outside the period are ignored. */
export type BillUsage = IntervalUsage;

export interface BillOptions {
  /** First local date of the billing period (ISO). */
  readonly periodStart: string;
  /** Local date after the last day of the period (exclusive). */
  readonly periodEnd: string;
  /** kWh of the calendar (tier) year containing `periodStart`, consumed before it; for annual tiers. Default 0. */
  readonly tierYearKwhBefore?: number;
  /** Contract capacity for the capacity basic charge. */
  readonly contractKva?: number;
  /** Monthly average power factor, for the power-factor adjustment. */
  readonly powerFactor?: number;
  /** Basic charge on capacity or maximum demand; default capacity when the tariff prices it. */
  readonly basicChargeBasis?: BasicChargeBasis;
  /** Highest peak kW of the ratchet look-back (previous 11 months), for `demandratchetpercentage`. */
  readonly ratchetPeakKw?: number;
  /** Holidays and make-up working days; default: the built-in Chinese schedule. */
  readonly calendar?: WorkCalendar;
}

export interface BillResult {
  readonly lines: BillLineDraft[];
  readonly energyCharge: number;
  /** TOU and flat demand plus the China basic charge. */
  readonly demandCharge: number;
  readonly fixedCharge: number;
  /** Power-factor adjustment (negative for a credit). */
  readonly adjustmentCharge: number;
  readonly fundsCharge: number;
  /** Top-up to the minimum charge. */
  readonly minimumCharge: number;
  readonly total: number;
  /** kWh per energy period name (`all` for single-period tariffs, `p<i>` for unnamed periods). */
  readonly kwhByPeriod: Record<string, number>;
  readonly kwhTotal: number;
  /** Maximum interval kW of the period. */
  readonly peakKw: number;
  /** kWh of the calendar year containing the period's last day, through the end of this bill. */
  readonly tierYearKwhAfter: number;
  /** Intervals billed / intervals the period holds (1 when the usage covers the period). */
  readonly coverage: number;
}

interface BillingWindow {
  readonly fromMs: number;
  readonly toMs: number;
  readonly days: number;
  readonly startMonth: number;
  readonly startYear: number;
  readonly endYear: number;
}

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

function dayOf(field: string, value: string): number {
  if (!isoDatePattern.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new ValidationError(`options.${field}: "${value}" is not an ISO date`);
  return epochDay(value);
}

function checkInputs(usage: BillUsage, options: BillOptions): void {
  const minutes = usage.intervalMinutes;
  if (!(Number.isInteger(minutes) && minutes > 0 && 60 % minutes === 0)) throw new ValidationError(`usage.intervalMinutes: ${minutes} must divide 60`);
  const before = options.tierYearKwhBefore ?? 0;
  if (!(before >= 0 && before < Infinity)) throw new ValidationError(`options.tierYearKwhBefore: ${before} must be a non-negative number`);
  if (before > 0 && options.periodStart.endsWith('-01-01')) {
    throw new ValidationError(`options.tierYearKwhBefore: ${before} must be 0 for a bill starting on 1 January, when the tier year resets`);
  }
}

function localMidnight(isoDate: string, timeZone: string): number {
  try {
    return localMidnightUtc(isoDate, timeZone);
  } catch (error) {
    throw new ValidationError(`usage.timeZone: "${timeZone}" is not a known time zone`, {}, error);
  }
}

function billingWindow(usage: BillUsage, options: BillOptions): BillingWindow {
  const startDay = dayOf('periodStart', options.periodStart);
  const endDay = dayOf('periodEnd', options.periodEnd);
  if (endDay <= startDay) throw new ValidationError(`options.periodEnd: ${options.periodEnd} must be after periodStart ${options.periodStart}`);
  checkInputs(usage, options);
  const start = civilMonthOfEpochDay(startDay);
  return {
    fromMs: localMidnight(options.periodStart, usage.timeZone),
    toMs: localMidnight(options.periodEnd, usage.timeZone),
    days: endDay - startDay,
    startMonth: start.month,
    startYear: start.year,
    endYear: civilMonthOfEpochDay(endDay - 1).year,
  };
}

let defaultCalendar: WorkCalendar | undefined;

function scan(tariff: Tariff, usage: BillUsage, window: BillingWindow, calendar: WorkCalendar | undefined): UsageScan {
  const plan = {
    tables: periodTables(tariff),
    energyPeriods: tariff.energyratestructure.length,
    demandPeriods: tariff.demandratestructure?.length ?? 0,
    dayType: dayTypeRule(tariff.china?.holidaysUseWeekendSchedule ?? false, calendar ?? (defaultCalendar ??= new WorkCalendar())),
  };
  return scanUsage(plan, usage, window.fromMs, window.toMs);
}

const sum = (values: Float64Array): number => values.reduce((a, b) => a + b, 0);

function mergedKwh(result: UsageScan, periods: number): Float64Array {
  const merged = new Float64Array(periods);
  for (const segment of result.years) segment.periodKwh.forEach((v, p) => { merged[p] += v; });
  return merged;
}

/** Energy lines: monthly tiers on the whole bill; annual tiers per calendar year the bill touches. */
function energyChargeLines(tariff: Tariff, result: UsageScan, window: BillingWindow, before: number, names: string[]): BillLineDraft[] {
  const ladders = energyLadders(tariff, window.days);
  const accumulation = tariff.china?.tierAccumulation ?? 'monthly';
  const ctx = { periodNames: names, currency: tariff.currency, accumulation, tiered: ladders.some((l) => l.length > 1) };
  if (accumulation === 'monthly') return energyLines(mergedKwh(result, names.length), 0, ladders, ctx);
  const split = result.years.length > 1;
  return result.years.flatMap((segment) => energyLines(segment.periodKwh, segment.year === window.startYear ? before : 0, ladders, {
    ...ctx, ...(split ? { year: segment.year } : {}),
  }));
}

function tierYearKwhAfter(result: UsageScan, window: BillingWindow, before: number): number {
  const carried = window.startYear === window.endYear ? before : 0;
  const last = result.years.find((segment) => segment.year === window.endYear);
  return carried + (last ? sum(last.periodKwh) : 0);
}

function kwhByPeriod(result: UsageScan, names: string[]): Record<string, number> {
  const merged = mergedKwh(result, names.length);
  return Object.fromEntries(names.map((name, p) => [name, merged[p]]));
}

/**
 * Computes one bill: energy by TOU period and tier, demand and basic charges, fixed charges, the
 * power-factor adjustment, government funds and the minimum charge, every line rounded to the
 * fen and explained in zh-CN and en. Periods come from the 12x24 schedules in local time.
 */
export function computeBill(tariff: Tariff, usage: BillUsage, options: BillOptions): BillResult {
  const window = billingWindow(usage, options);
  const before = options.tierYearKwhBefore ?? 0;
  const result = scan(tariff, usage, window, options.calendar);
  const names = periodNamesOf(tariff.energyratestructure.length, tariff.china?.periodNames);
  const energy = energyChargeLines(tariff, result, window, before, names);
  const basis = basicChargeBasis(tariff, options.basicChargeBasis);
  const demand = [
    ...touDemandLines(tariff, result.demandPeakKw),
    ...flatDemandLines(tariff, window.startMonth, result.peakKw, options.ratchetPeakKw),
    ...basicChargeLines(tariff, basis, options.contractKva, result.peakKw),
  ];
  const fixed = fixedChargeLines(tariff, window.days);
  const energyCharge = sumAmounts(energy);
  const demandCharge = sumAmounts(demand);
  const adjustment = powerFactorLine(tariff, options.powerFactor, roundFen(energyCharge + demandCharge));
  const funds = governmentFundLines(tariff, result.kwhTotal);
  const beforeMinimum = [...energy, ...demand, ...fixed, ...(adjustment ? [adjustment] : []), ...funds];
  const minimum = minimumChargeLine(tariff, window.days, sumAmounts(beforeMinimum));
  const lines = minimum ? [...beforeMinimum, minimum] : beforeMinimum;
  const stepMs = usage.intervalMinutes * MS_PER_MINUTE;
  return {
    lines,
    energyCharge,
    demandCharge,
    fixedCharge: sumAmounts(fixed),
    adjustmentCharge: adjustment?.amount ?? 0,
    fundsCharge: sumAmounts(funds),
    minimumCharge: minimum?.amount ?? 0,
    total: sumAmounts(lines),
    kwhByPeriod: kwhByPeriod(result, names),
    kwhTotal: result.kwhTotal,
    peakKw: result.peakKw,
    tierYearKwhAfter: tierYearKwhAfter(result, window, before),
    coverage: result.intervals / Math.round((window.toMs - window.fromMs) / stepMs),
  };
}
