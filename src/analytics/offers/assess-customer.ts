import type { Tariff } from '../../core/schemas/tariff.js';
import { currencyLabel } from '../../core/tariff/index.js';
import { roundFen } from '../../core/units.js';
import { checkCoverage, defaultCoverageGate, type CoverageGateParams, type GateResult } from './coverage-gate.js';
import type { HourlyLoad, LoadCoverage } from './customer-load.js';
import { decomposeLoad, defaultEfficiency, efficiencyTips, type EfficiencyParams, type LoadDecomposition } from './efficiency-diagnosis.js';
import { eligibleTariffs } from './eligibility.js';
import { defaultLoadShift, isTimeOfUse, loadShiftAdvice, type LoadShiftAdvice, type LoadShiftParams } from './load-shift.js';
import { compareRates, defaultRateComparison, type RateComparison, type RateComparisonParams } from './rate-comparison.js';
import { slotUsageOf, type BillingMonth } from './slot-usage.js';

/** One customer's rate comparison, load-shift advice and efficiency diagnosis as offers. */

export type OfferKind = 'rate' | 'load_shift' | 'efficiency';

export interface OfferDraft {
  readonly customerId: string;
  readonly kind: OfferKind;
  readonly tariffId: string | null;
  readonly savingsCny: number;
  readonly savingsKwh: number;
  readonly confidence: number;
  readonly confidenceLevel: 'high' | 'medium' | 'low';
  readonly textZh: string;
  readonly textEn: string;
  readonly details: Record<string, unknown>;
}

export interface OfferParams {
  readonly gate: CoverageGateParams;
  readonly rate: RateComparisonParams;
  readonly shift: LoadShiftParams;
  readonly efficiency: EfficiencyParams;
}

export const defaultOfferParams: OfferParams = { gate: defaultCoverageGate, rate: defaultRateComparison, shift: defaultLoadShift, efficiency: defaultEfficiency };

export interface AssessmentInput {
  readonly load: HourlyLoad;
  readonly coverage: LoadCoverage;
  readonly months: readonly BillingMonth[];
  readonly current: Tariff;
  readonly tariffs: readonly Tariff[];
  /** Mean temperature per local day of the window (NaN where unknown). */
  readonly dailyTemperatureC: Float64Array;
}

export interface CustomerAssessment {
  readonly customerId: string;
  readonly gate: GateResult;
  readonly comparison: Omit<RateComparison, 'years'> | null;
  readonly decomposition: LoadDecomposition | null;
  readonly offers: OfferDraft[];
}

const r0 = (v: number): string => String(Math.round(v));

function rateOffer(customerId: string, c: RateComparison, current: Tariff, tariffs: readonly Tariff[]): OfferDraft | null {
  const rec = c.recommendation;
  if (!rec) return null;
  const target = tariffs.find((t) => t.tariffId === rec.tariffId)!;
  const money = currencyLabel(current.currency);
  return {
    customerId, kind: 'rate', tariffId: rec.tariffId, savingsCny: rec.savings, savingsKwh: 0, confidence: rec.confidence, confidenceLevel: rec.confidenceLevel,
    textZh: `按您近 12 个月的用电，改用「${target.nameZh ?? target.name}」每年约省 ${r0(rec.savings)} ${money.zh}（现行方案 ${r0(c.currentCost)} ${money.zh}，新方案 ${r0(rec.annualCost)} ${money.zh}；${rec.monthsCheaper} 个月更便宜）`,
    textEn: `On your last 12 months of use, switching to "${target.name}" saves about ${r0(rec.savings)} ${money.en} a year (current ${r0(c.currentCost)} ${money.en}, new ${r0(rec.annualCost)} ${money.en}; cheaper in ${rec.monthsCheaper} months)`,
    details: { currentTariffId: c.currentTariffId, currentCost: c.currentCost, annualCost: rec.annualCost, monthsCheaper: rec.monthsCheaper, costs: c.costs },
  };
}

const flexibleExamples = (residential: boolean) => (residential
  ? { zh: '如电动汽车充电、热水器', en: 'e.g. EV charging, water heating' }
  : { zh: '如可调整的生产工序、蓄冷蓄热', en: 'e.g. movable process steps, cold or heat storage' });

function shiftOffer(customerId: string, a: LoadShiftAdvice, tariff: Tariff, switching: boolean, readShare: number, residential: boolean): OfferDraft {
  const ex = flexibleExamples(residential);
  const money = currencyLabel(tariff.currency);
  const hh = `${String(a.toHour).padStart(2, '0')}:00`;
  const onZh = switching ? `，并改用「${tariff.nameZh ?? tariff.name}」` : '';
  const onEn = switching ? `, on "${tariff.name}"` : '';
  const confidence = readShare * 0.6;
  return {
    customerId, kind: 'load_shift', tariffId: tariff.tariffId, savingsCny: a.savings, savingsKwh: 0, confidence, confidenceLevel: confidence >= 0.6 ? 'medium' : 'low',
    textZh: `把傍晚（18:00-22:00）每天约 ${a.kwhPerDay.toFixed(1)} kWh 的可调用电（${ex.zh}）移到 ${hh} 以后${onZh}，每年约省 ${r0(a.savings)} ${money.zh}`,
    textEn: `Moving about ${a.kwhPerDay.toFixed(1)} kWh a day of flexible evening use (18:00-22:00, ${ex.en}) to after ${hh}${onEn} saves about ${r0(a.savings)} ${money.en} a year`,
    details: { ...a },
  };
}

/** The load-shift advice under the tariff the customer will be on, or under the best time-of-use alternative. */
function bestShift(input: AssessmentInput, slots: ReturnType<typeof slotUsageOf>, comparison: RateComparison, eligible: readonly Tariff[], p: OfferParams): { advice: LoadShiftAdvice; tariff: Tariff } | null {
  const options = { contractKva: input.load.customer.contractKva };
  const afterRateId = comparison.recommendation?.tariffId ?? comparison.currentTariffId;
  const afterRate = eligible.find((t) => t.tariffId === afterRateId)!;
  const costAfterRate = comparison.years.get(afterRateId)!.total;
  const candidates = isTimeOfUse(afterRate) ? [afterRate] : eligible.filter(isTimeOfUse);
  let best: { advice: LoadShiftAdvice; tariff: Tariff } | null = null;
  for (const tariff of candidates) {
    const advice = loadShiftAdvice(slots, tariff, options, p.shift, costAfterRate);
    if (advice && (!best || advice.savings > best.advice.savings)) best = { advice, tariff };
  }
  return best;
}

function dailyKwh(load: HourlyLoad, days: number): Float64Array {
  const out = new Float64Array(days);
  for (let d = 0; d < days; d++) {
    let sum = 0;
    for (let h = d * 24; h < d * 24 + 24 && h < load.kwh.length; h++) sum += load.kwh[h];
    out[d] = sum;
  }
  return out;
}

function efficiencyOffer(customerId: string, input: AssessmentInput, pricePerKwh: number, p: OfferParams, currency: Tariff['currency']): { d: LoadDecomposition; offer: OfferDraft | null } {
  const days = input.dailyTemperatureC.length;
  const effInput = { hourlyKwh: input.load.kwh, hourlyMaxKw: input.load.maxKw, dailyKwh: dailyKwh(input.load, days), dailyTemperatureC: input.dailyTemperatureC, pricePerKwh };
  const d = decomposeLoad(effInput, p.efficiency);
  const tips = efficiencyTips(effInput, d, p.efficiency);
  if (tips.length === 0) return { d, offer: null };
  const cny = roundFen(tips.reduce((s, t) => s + t.cny, 0));
  const kwh = tips.reduce((s, t) => s + t.kwh, 0);
  const confidence = d.model ? Math.max(0, Math.min(1, d.model.adjR2)) * input.coverage.readShare : 0.3;
  const money = currencyLabel(currency);
  return {
    d,
    offer: {
      customerId, kind: 'efficiency', tariffId: null, savingsCny: cny, savingsKwh: kwh, confidence, confidenceLevel: confidence >= 0.8 ? 'high' : confidence >= 0.5 ? 'medium' : 'low',
      textZh: `节能建议（合计每年约 ${r0(kwh)} kWh、${r0(cny)} ${money.zh}）：${tips.map((t) => t.zh).join('；')}`,
      textEn: `Energy-saving tips (about ${r0(kwh)} kWh, ${r0(cny)} ${money.en} a year in all): ${tips.map((t) => t.en).join('; ')}`,
      details: { tips: tips.map(({ code, kwh: k, cny: c }) => ({ code, kwh: k, cny: c })), decomposition: { ...d, model: d.model } },
    },
  };
}

/** Gate, rate comparison, load shift and efficiency for one customer (the load already filled). */
export function assessCustomer(input: AssessmentInput, p: OfferParams = defaultOfferParams): CustomerAssessment {
  const customerId = input.load.customer.customerId;
  const gate = checkCoverage(input.coverage, p.gate);
  if (!gate.passed) return { customerId, gate, comparison: null, decomposition: null, offers: [] };
  const { customer } = input.load;
  const slots = slotUsageOf({ startMs: input.load.startMs, intervalMinutes: 60, kwh: input.load.kwh, maxKw: input.load.maxKw, timeZone: customer.timeZone }, input.months);
  const eligible = eligibleTariffs(customer, input.current, input.tariffs);
  const comparison = compareRates(slots, eligible, input.coverage.readShare, { contractKva: customer.contractKva }, p.rate);
  const offers: OfferDraft[] = [];
  const rate = rateOffer(customerId, comparison, input.current, eligible);
  if (rate) offers.push(rate);
  const shift = bestShift(input, slots, comparison, eligible, p);
  const afterRateId = comparison.recommendation?.tariffId ?? comparison.currentTariffId;
  if (shift) offers.push(shiftOffer(customerId, shift.advice, shift.tariff, shift.tariff.tariffId !== afterRateId, input.coverage.readShare, customer.customerType === 'residential'));
  const year = comparison.years.get(comparison.currentTariffId)!;
  // Energy price only: basic and fixed charges do not fall with the kWh saved.
  const eff = efficiencyOffer(customerId, input, year.kwhTotal > 0 ? year.energyCharge / year.kwhTotal : 0, p, input.current.currency);
  if (eff.offer) offers.push(eff.offer);
  const { years: _years, ...summary } = comparison;
  return { customerId, gate, comparison: summary, decomposition: eff.d, offers };
}
