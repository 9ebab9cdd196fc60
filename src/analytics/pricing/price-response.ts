import type { Tariff } from '../../core/schemas/tariff.js';
import { energyLadders, periodNamesOf, periodTables } from '../../core/tariff/index.js';
import { DAY_CLASSES, SLOTS_PER_MONTH, type SlotUsage } from '../offers/index.js';
import { responseFactors, type ElasticityAssumptions } from './elasticity.js';

/** Energy period of every slot of `slots` under `tariff`. */
export function slotPeriods(tariff: Tariff, slots: SlotUsage): Uint16Array {
  const energy = periodTables(tariff).energy;
  const holidays = tariff.china?.holidaysUseWeekendSchedule ?? false;
  const out = new Uint16Array(slots.kwh.length);
  slots.months.forEach((month, m) => {
    for (let c = 0; c < DAY_CLASSES; c++) {
      const row = (month.month * 2 + (holidays ? (c & 2 ? 1 : 0) : c & 1)) * 24;
      for (let h = 0; h < 24; h++) out[m * SLOTS_PER_MONTH + c * 24 + h] = energy[row + h];
    }
  });
  return out;
}

/** Tier-1 price of each energy period. */
export const periodPrices = (tariff: Tariff): number[] => energyLadders(tariff, 30).map((ladder) => ladder[0].price);

export interface PriceResponse {
  readonly slots: SlotUsage;
  /** kWh multiplier of every slot. */
  readonly factorBySlot: Float64Array;
}

/** The slots after the customer responds to moving from `current` to `candidate` prices. */
export function respondToPrices(slots: SlotUsage, current: Tariff, candidate: Tariff, a: ElasticityAssumptions): PriceResponse {
  const curPeriod = slotPeriods(current, slots);
  const candPeriod = slotPeriods(candidate, slots);
  const curPrices = periodPrices(current);
  const candPrices = periodPrices(candidate);
  const kwh = new Float64Array(candPrices.length);
  const spend = new Float64Array(candPrices.length);
  for (let s = 0; s < slots.kwh.length; s++) {
    kwh[candPeriod[s]] += slots.kwh[s];
    spend[candPeriod[s]] += slots.kwh[s] * curPrices[curPeriod[s]];
  }
  const before = Array.from(kwh, (q, p) => (q > 0 ? spend[p] / q : candPrices[p]));
  const factors = responseFactors(before, candPrices, periodNamesOf(candPrices.length, candidate.china?.periodNames), a);
  const factorBySlot = Float64Array.from(candPeriod, (p) => factors[p]);
  const out = { ...slots, kwh: slots.kwh.map((v, s) => v * factorBySlot[s]), maxKw: slots.maxKw.map((v, s) => v * factorBySlot[s]) };
  return { slots: out, factorBySlot };
}
