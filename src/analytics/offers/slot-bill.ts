import {
  basicChargeBasis, basicChargeLines, energyLadders, energyLines, fixedChargeLines, flatDemandLines, governmentFundLines,
  minimumChargeLine, periodNamesOf, periodTables, powerFactorLine, sumAmounts, touDemandLines, type BillLineDraft,
} from '../../core/tariff/index.js';
import type { Tariff } from '../../core/schemas/tariff.js';
import { roundFen } from '../../core/units.js';
import { DAY_CLASSES, SLOTS_PER_MONTH, type SlotUsage } from './slot-usage.js';

/**
 * Bills from slot aggregates, composing the engine's own line builders in the order computeBill
 * uses, so a month billed here equals computeBill on the intervals (slot-bill.test.ts).
 */

export interface SlotBillOptions {
  readonly tierYearKwhBefore?: number;
  readonly contractKva?: number;
  readonly powerFactor?: number;
}

export interface SlotBill {
  readonly periodStart: string;
  readonly lines: BillLineDraft[];
  readonly energyCharge: number;
  readonly demandCharge: number;
  readonly fixedCharge: number;
  readonly total: number;
  readonly kwhTotal: number;
  readonly peakKw: number;
  readonly kwhByPeriod: Record<string, number>;
}

const rowCache = new WeakMap<Tariff, number[]>();

/** Schedule row (weekday 0 / weekend 1) of each day class under the tariff's weekend rule. */
function scheduleRowOfClass(tariff: Tariff): number[] {
  let rows = rowCache.get(tariff);
  if (!rows) {
    const holidays = tariff.china?.holidaysUseWeekendSchedule ?? false;
    rows = Array.from({ length: DAY_CLASSES }, (_, c) => (holidays ? (c & 2 ? 1 : 0) : c & 1));
    rowCache.set(tariff, rows);
  }
  return rows;
}

/** Energy-period kWh, per demand period max kW and the overall max kW of month `m`. */
export function monthPeriods(tariff: Tariff, slots: SlotUsage, m: number): { periodKwh: Float64Array; demandPeakKw: Float64Array | undefined; peakKw: number } {
  const tables = periodTables(tariff);
  const rows = scheduleRowOfClass(tariff);
  const periodKwh = new Float64Array(tariff.energyratestructure.length);
  const demandPeakKw = tables.demand ? new Float64Array(tariff.demandratestructure?.length ?? 0) : undefined;
  let peakKw = 0;
  const month = slots.months[m].month;
  for (let c = 0; c < DAY_CLASSES; c++) {
    const row = (month * 2 + rows[c]) * 24;
    const base = m * SLOTS_PER_MONTH + c * 24;
    for (let h = 0; h < 24; h++) {
      periodKwh[tables.energy[row + h]] += slots.kwh[base + h];
      const kw = slots.maxKw[base + h];
      if (kw > peakKw) peakKw = kw;
      if (demandPeakKw && tables.demand && kw > demandPeakKw[tables.demand[row + h]]) demandPeakKw[tables.demand[row + h]] = kw;
    }
  }
  return { periodKwh, demandPeakKw, peakKw };
}

/** One month's bill from the slots (annual tiers take `tierYearKwhBefore`). */
export function billSlotMonth(tariff: Tariff, slots: SlotUsage, m: number, options: SlotBillOptions = {}): SlotBill {
  const month = slots.months[m];
  const { periodKwh, demandPeakKw, peakKw } = monthPeriods(tariff, slots, m);
  const names = periodNamesOf(tariff.energyratestructure.length, tariff.china?.periodNames);
  const ladders = energyLadders(tariff, month.days);
  const accumulation = tariff.china?.tierAccumulation ?? 'monthly';
  const ctx = { periodNames: names, currency: tariff.currency, accumulation, tiered: ladders.some((l) => l.length > 1) };
  const energy = energyLines(periodKwh, accumulation === 'annual' ? options.tierYearKwhBefore ?? 0 : 0, ladders, ctx);
  const basis = basicChargeBasis(tariff, undefined);
  const demand = [
    ...touDemandLines(tariff, demandPeakKw),
    ...flatDemandLines(tariff, month.month, peakKw, undefined),
    ...basicChargeLines(tariff, basis, options.contractKva, peakKw),
  ];
  const fixed = fixedChargeLines(tariff, month.days);
  const energyCharge = sumAmounts(energy);
  const demandCharge = sumAmounts(demand);
  const adjustment = powerFactorLine(tariff, options.powerFactor, roundFen(energyCharge + demandCharge));
  let kwhTotal = 0;
  for (const v of periodKwh) kwhTotal += v;
  const funds = governmentFundLines(tariff, kwhTotal);
  const beforeMinimum = [...energy, ...demand, ...fixed, ...(adjustment ? [adjustment] : []), ...funds];
  const minimum = minimumChargeLine(tariff, month.days, sumAmounts(beforeMinimum));
  const lines = minimum ? [...beforeMinimum, minimum] : beforeMinimum;
  return {
    periodStart: month.periodStart, lines, energyCharge, demandCharge, fixedCharge: sumAmounts(fixed), total: sumAmounts(lines), kwhTotal, peakKw,
    kwhByPeriod: Object.fromEntries(names.map((name, p) => [name, periodKwh[p]])),
  };
}

export interface SimulatedYear {
  readonly tariffId: string;
  readonly currency: string;
  readonly total: number;
  readonly energyCharge: number;
  readonly kwhTotal: number;
  readonly bills: SlotBill[];
}

/**
 * Bills every month of the window. Annual tiers accumulate over a typical tier year: months are
 * taken in calendar order January to December (whatever year each comes from), so a window that
 * starts mid-year still fills the tiers the way a calendar year does.
 */
export function simulateYear(tariff: Tariff, slots: SlotUsage, options: Omit<SlotBillOptions, 'tierYearKwhBefore'> = {}): SimulatedYear {
  const order = slots.months.map((_, i) => i).sort((a, b) => slots.months[a].month - slots.months[b].month || slots.months[a].year - slots.months[b].year);
  const bills: SlotBill[] = new Array<SlotBill>(slots.months.length);
  let before = 0;
  let lastMonth = -1;
  for (const m of order) {
    if (slots.months[m].month <= lastMonth) before = 0;
    lastMonth = slots.months[m].month;
    const bill = billSlotMonth(tariff, slots, m, { ...options, tierYearKwhBefore: slots.months[m].month === 0 ? 0 : before });
    before += bill.kwhTotal;
    bills[m] = bill;
  }
  const total = roundFen(bills.reduce((s, b) => s + b.total, 0));
  return {
    tariffId: tariff.tariffId, currency: tariff.currency, total, energyCharge: roundFen(bills.reduce((s, b) => s + b.energyCharge, 0)),
    kwhTotal: bills.reduce((s, b) => s + b.kwhTotal, 0), bills,
  };
}
