import type { Tariff } from '../../core/schemas/tariff.js';
import { roundFen } from '../../core/units.js';
import { simulateYear, type SimulatedYear, type SlotBillOptions } from './slot-bill.js';
import type { SlotUsage } from './slot-usage.js';

/**
 * Rate comparison: the simulated year under every eligible tariff; the cheapest alternative is
 * recommended only when it costs less than the current tariff on the same simulated year, so a
 * recommendation never costs more on the data it was made from. Confidence combines how
 * completely the year was read with how consistently the alternative wins month by month.
 */

export interface RateComparisonParams {
  /** Smallest annual saving worth recommending, in the tariff's currency. */
  readonly minSavings: number;
}

export const defaultRateComparison: RateComparisonParams = { minSavings: 10 };

export interface TariffCost {
  readonly tariffId: string;
  readonly annualCost: number;
  readonly kwh: number;
}

export interface RateRecommendation {
  readonly tariffId: string;
  readonly annualCost: number;
  readonly savings: number;
  /** Months (of the window) in which the recommended tariff is cheaper. */
  readonly monthsCheaper: number;
  /** 0..1. */
  readonly confidence: number;
  readonly confidenceLevel: 'high' | 'medium' | 'low';
}

export interface RateComparison {
  readonly currentTariffId: string;
  readonly currentCost: number;
  readonly costs: TariffCost[];
  readonly recommendation: RateRecommendation | null;
  readonly years: ReadonlyMap<string, SimulatedYear>;
}

export function confidenceLevel(confidence: number, savingsShare: number): 'high' | 'medium' | 'low' {
  if (confidence >= 0.8 && savingsShare >= 0.05) return 'high';
  if (confidence >= 0.6 && savingsShare >= 0.02) return 'medium';
  return 'low';
}

/** Compares `tariffs` (the current one first) on the slots; `readShare` is the window's read completeness. */
export function compareRates(slots: SlotUsage, tariffs: readonly Tariff[], readShare: number, billOptions: SlotBillOptions = {}, params: RateComparisonParams = defaultRateComparison): RateComparison {
  const years = new Map(tariffs.map((t) => [t.tariffId, simulateYear(t, slots, billOptions)]));
  const current = years.get(tariffs[0].tariffId)!;
  const costs = [...years.values()].map((y) => ({ tariffId: y.tariffId, annualCost: y.total, kwh: y.kwhTotal }));
  let best: SimulatedYear | undefined;
  for (const year of years.values()) if (year.tariffId !== current.tariffId && (!best || year.total < best.total)) best = year;
  const savings = best ? roundFen(current.total - best.total) : 0;
  if (!best || savings < params.minSavings) return { currentTariffId: current.tariffId, currentCost: current.total, costs, recommendation: null, years };
  const monthsCheaper = best.bills.filter((b, m) => b.total <= current.bills[m].total).length;
  const confidence = Math.min(1, readShare) * (monthsCheaper / best.bills.length);
  return {
    currentTariffId: current.tariffId, currentCost: current.total, costs, years,
    recommendation: {
      tariffId: best.tariffId, annualCost: best.total, savings, monthsCheaper, confidence,
      confidenceLevel: confidenceLevel(confidence, current.total > 0 ? savings / current.total : 0),
    },
  };
}
