import type { Tariff } from '../../core/schemas/tariff.js';
import { energyLadders, periodTables } from '../../core/tariff/index.js';
import { roundFen } from '../../core/units.js';
import { simulateYear, type SlotBillOptions } from './slot-bill.js';
import { DAY_CLASSES, SLOTS_PER_MONTH, type SlotUsage } from './slot-usage.js';

/**
 * Load-shift advice: the customer's own evening block (use above the always-on base in the
 * evening hours that are not in the cheapest period, e.g. EV charging or water heating) is
 * moved, in part, to the first cheapest hours after the evening, and the year is billed again.
 * The value is the difference of the two simulated years under the same tariff.
 */

export interface LoadShiftParams {
  readonly eveningStartHour: number;
  /** Exclusive; the cheap window starts from here. */
  readonly eveningEndHour: number;
  /** Share of the evening excess assumed movable. */
  readonly shiftShare: number;
  readonly minSavings: number;
}

export const defaultLoadShift: LoadShiftParams = { eveningStartHour: 18, eveningEndHour: 22, shiftShare: 0.5, minSavings: 10 };

export interface LoadShiftAdvice {
  readonly tariffId: string;
  readonly shiftedKwh: number;
  readonly kwhPerDay: number;
  readonly costBefore: number;
  readonly costAfter: number;
  readonly savings: number;
  /** First hour of the cheap window the load moves to (local). */
  readonly toHour: number;
}

function scheduleRows(tariff: Tariff): number[] {
  const holidays = tariff.china?.holidaysUseWeekendSchedule ?? false;
  return Array.from({ length: DAY_CLASSES }, (_, c) => (holidays ? (c & 2 ? 1 : 0) : c & 1));
}

/** Tier-1 price of each energy period. */
function periodPrices(tariff: Tariff): number[] {
  return energyLadders(tariff, 30).map((ladder) => ladder[0].price);
}

/** Whether the tariff prices hours differently at all. */
export function isTimeOfUse(tariff: Tariff): boolean {
  const prices = periodPrices(tariff);
  return prices.length > 1 && Math.max(...prices) > Math.min(...prices);
}

/** The slots with part of each evening block moved to the cheapest hours after it; undefined when nothing moves. */
export function shiftEvening(slots: SlotUsage, tariff: Tariff, p: LoadShiftParams = defaultLoadShift): { shifted: SlotUsage; movedKwh: number; toHour: number } | undefined {
  const energy = periodTables(tariff).energy;
  const prices = periodPrices(tariff);
  const rows = scheduleRows(tariff);
  const kwh = Float64Array.from(slots.kwh);
  const maxKw = Float64Array.from(slots.maxKw);
  let movedKwh = 0;
  let toHour = -1;
  slots.months.forEach((month, m) => {
    for (let c = 0; c < DAY_CLASSES; c++) {
      const days = slots.classDays[m * DAY_CLASSES + c];
      if (days === 0) continue;
      const row = (month.month * 2 + rows[c]) * 24;
      const price = (h: number) => prices[energy[row + h]];
      const cheapest = Math.min(...Array.from({ length: 24 }, (_, h) => price(h)));
      const sources = [];
      for (let h = p.eveningStartHour; h < p.eveningEndHour; h++) if (price(h) > cheapest) sources.push(h);
      const targets = [];
      for (let k = 0; k < 24 && targets.length < Math.max(1, sources.length); k++) {
        const h = (p.eveningEndHour + k) % 24;
        if (price(h) === cheapest) targets.push(h);
      }
      if (sources.length === 0 || targets.length === 0) continue;
      const base = m * SLOTS_PER_MONTH + c * 24;
      let baseKwh = Infinity;
      for (let h = 0; h < 24; h++) baseKwh = Math.min(baseKwh, kwh[base + h]);
      let moved = 0;
      for (const h of sources) {
        const excess = Math.max(0, kwh[base + h] - baseKwh) * p.shiftShare;
        if (excess <= 0) continue;
        maxKw[base + h] *= 1 - excess / kwh[base + h];
        kwh[base + h] -= excess;
        moved += excess;
      }
      for (const h of targets) {
        kwh[base + h] += moved / targets.length;
        maxKw[base + h] += moved / targets.length / days;
      }
      movedKwh += moved;
      if (toHour < 0) toHour = targets[0];
    }
  });
  if (movedKwh <= 0) return undefined;
  return { shifted: { ...slots, kwh, maxKw }, movedKwh, toHour };
}

/** The value of shifting the evening block under `tariff`, or null when it is below `minSavings`. */
export function loadShiftAdvice(slots: SlotUsage, tariff: Tariff, billOptions: SlotBillOptions = {}, p: LoadShiftParams = defaultLoadShift, costBefore?: number): LoadShiftAdvice | null {
  if (!isTimeOfUse(tariff)) return null;
  const shift = shiftEvening(slots, tariff, p);
  if (!shift) return null;
  const before = costBefore ?? simulateYear(tariff, slots, billOptions).total;
  const after = simulateYear(tariff, shift.shifted, billOptions).total;
  const savings = roundFen(before - after);
  if (savings < p.minSavings) return null;
  const days = slots.months.reduce((s, m) => s + m.days, 0);
  return { tariffId: tariff.tariffId, shiftedKwh: shift.movedKwh, kwhPerDay: shift.movedKwh / days, costBefore: before, costAfter: after, savings, toHour: shift.toHour };
}
