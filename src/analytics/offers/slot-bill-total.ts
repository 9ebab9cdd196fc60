import type { Tariff } from '../../core/schemas/tariff.js';
import { allocateDemand, basicChargeBasis, energyLadders, powerFactorAdjustmentPercent, type TierStep } from '../../core/tariff/index.js';
import { roundFen } from '../../core/units.js';
import { monthPeriods, type SlotBillOptions } from './slot-bill.js';
import type { BillingMonth, SlotUsage } from './slot-usage.js';

/**
 * Bill totals without bill lines: the same amounts as `billSlotMonth` (every line rounded to the
 * fen, summed in the same order) but no explanation text, for population-scale billing (pricing
 * simulation, bench/tariff). slot-bill-total.test.ts checks it against `billSlotMonth`.
 */

interface TariffPlan {
  readonly ladders30: TierStep[][];
  readonly ladderDays: boolean;
  readonly annual: boolean;
}

const plans = new WeakMap<Tariff, TariffPlan>();

function planOf(tariff: Tariff): TariffPlan {
  let plan = plans.get(tariff);
  if (!plan) {
    const ladderDays = tariff.energyratestructure.some((tiers) => tiers.some((t) => t.unit === 'kWh daily'));
    plan = { ladders30: energyLadders(tariff, 30), ladderDays, annual: (tariff.china?.tierAccumulation ?? 'monthly') === 'annual' };
    plans.set(tariff, plan);
  }
  return plan;
}

const sumRounded = (amounts: number[]): number => roundFen(amounts.reduce((s, a) => s + a, 0));

function demandAmounts(tariff: Tariff, month: number, demandPeakKw: Float64Array | undefined, peakKw: number, contractKva: number | undefined): number[] {
  const out: number[] = [];
  const tiered = (tiers: Parameters<typeof allocateDemand>[0], kw: number) => { for (const s of allocateDemand(tiers, kw)) out.push(roundFen(s.kw * s.price)); };
  if (tariff.demandratestructure && demandPeakKw) tariff.demandratestructure.forEach((tiers, p) => tiered(tiers, demandPeakKw[p]));
  if (tariff.flatdemandstructure && tariff.flatdemandmonths) tiered(tariff.flatdemandstructure[tariff.flatdemandmonths[month]], peakKw);
  const basis = basicChargeBasis(tariff, undefined);
  const china = tariff.china;
  if (china && basis === 'capacity') out.push(roundFen((contractKva ?? Number.NaN) * (china.capacityChargePerKvaMonth ?? 0)));
  if (china && basis === 'demand') out.push(roundFen(peakKw * (china.maxDemandChargePerKwMonth ?? 0)));
  return out;
}

function fixedAmounts(tariff: Tariff, days: number): number[] {
  const out: number[] = [];
  if (tariff.fixedmonthlycharge) out.push(roundFen(tariff.fixedmonthlycharge));
  if (tariff.fixedchargefirstmeter) out.push(roundFen((tariff.fixedchargeunits === '$/day' ? days : 1) * tariff.fixedchargefirstmeter));
  return out;
}

/**
 * Energy amounts of `allocateTiers` (same arithmetic: whole periods keep their kWh, a bill
 * crossing tiers shares each tier among the periods by kWh), summed line by line into `acc`.
 */
function energyTotal(periodKwh: Float64Array, before: number, ladders: readonly TierStep[][], acc: { total: number }): number {
  let kwh = 0;
  for (const v of periodKwh) kwh += v;
  if (kwh <= 0) return 0;
  const after = before + kwh;
  let subtotal = 0;
  for (let p = 0; p < ladders.length; p++) {
    const q = periodKwh[p];
    if (q <= 0) continue;
    let lower = 0;
    for (const step of ladders[p]) {
      const from = Math.max(before, lower);
      const to = Math.min(after, step.upToKwh);
      lower = step.upToKwh;
      if (to <= from) continue;
      const inTier = from === before && to === after ? q : ((to - from) * q) / kwh;
      const amount = roundFen(inTier * step.price);
      subtotal += amount;
      acc.total += amount;
    }
  }
  return roundFen(subtotal);
}

/** Total of one month (see `billSlotMonth`), with the month's kWh. */
export function billSlotMonthTotal(tariff: Tariff, slots: SlotUsage, m: number, options: SlotBillOptions = {}): { total: number; kwh: number } {
  const month = slots.months[m];
  const plan = planOf(tariff);
  const { periodKwh, demandPeakKw, peakKw } = monthPeriods(tariff, slots, m);
  const ladders = plan.ladderDays ? energyLadders(tariff, month.days) : plan.ladders30;
  const acc = { total: 0 };
  const energy = energyTotal(periodKwh, plan.annual ? options.tierYearKwhBefore ?? 0 : 0, ladders, acc);
  const demand = demandAmounts(tariff, month.month, demandPeakKw, peakKw, options.contractKva);
  for (const a of demand) acc.total += a;
  for (const a of fixedAmounts(tariff, month.days)) acc.total += a;
  const rule = tariff.china?.powerFactor;
  if (rule && options.powerFactor !== undefined) {
    const base = roundFen(energy + sumRounded(demand));
    acc.total += roundFen((base * powerFactorAdjustmentPercent(rule, options.powerFactor)) / 100);
  }
  let kwh = 0;
  for (const v of periodKwh) kwh += v;
  for (const fund of tariff.china?.governmentFunds ?? []) acc.total += roundFen(kwh * fund.perKwh);
  let total = roundFen(acc.total);
  if (tariff.mincharge) {
    const minimum = tariff.mincharge * (tariff.minchargeunits === '$/day' ? month.days : 1);
    if (total < minimum) total = roundFen(acc.total + roundFen(minimum - total));
  }
  return { total, kwh };
}

const orderCache = new WeakMap<readonly BillingMonth[], number[]>();

/** Month indexes in tier-year order: January to December. */
function tierYearOrder(months: readonly BillingMonth[]): number[] {
  let order = orderCache.get(months);
  if (!order) {
    order = months.map((_, i) => i).sort((a, b) => months[a].month - months[b].month || months[a].year - months[b].year);
    orderCache.set(months, order);
  }
  return order;
}

/** Total of the simulated year (same tier-year order as `simulateYear`). */
export function simulateYearTotal(tariff: Tariff, slots: SlotUsage, options: Omit<SlotBillOptions, 'tierYearKwhBefore'> = {}): number {
  const order = tierYearOrder(slots.months);
  const monthOptions = { contractKva: options.contractKva, powerFactor: options.powerFactor, tierYearKwhBefore: 0 };
  let before = 0;
  let lastMonth = -1;
  let total = 0;
  for (const m of order) {
    if (slots.months[m].month <= lastMonth) before = 0;
    lastMonth = slots.months[m].month;
    monthOptions.tierYearKwhBefore = slots.months[m].month === 0 ? 0 : before;
    const bill = billSlotMonthTotal(tariff, slots, m, monthOptions);
    before += bill.kwh;
    total += bill.total;
  }
  return roundFen(total);
}
