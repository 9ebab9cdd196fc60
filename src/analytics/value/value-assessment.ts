import type { ValueFacts, ValueWindow } from './value-facts.js';
import type { ValueParams } from './value-params.js';

export type ValueTier = 'platinum' | 'gold' | 'silver' | 'bronze' | 'at-risk';

export const tierLabels: Readonly<Record<ValueTier, { 'zh-CN': string; en: string }>> = {
  platinum: { 'zh-CN': '钻石', en: 'Platinum' },
  gold: { 'zh-CN': '金牌', en: 'Gold' },
  silver: { 'zh-CN': '银牌', en: 'Silver' },
  bronze: { 'zh-CN': '铜牌', en: 'Bronze' },
  'at-risk': { 'zh-CN': '风险关注', en: 'At risk' },
};

export interface CustomerValue {
  readonly customerId: string;
  readonly revenueCny: number;
  readonly energyCostCny: number;
  readonly serviceCostCny: number;
  readonly marginCny: number;
  readonly annualMarginCny: number;
  /** 0–100: percentile of annual margin among customers of the same type. */
  readonly profitScore: number;
  readonly loyaltyScore: number;
  /** 0–100, higher = riskier. */
  readonly riskScore: number;
  readonly riskSource: 'credit' | 'payments';
  readonly valueScore: number;
  readonly tier: ValueTier;
  readonly explanation: { readonly 'zh-CN': string; readonly en: string };
}

export interface ValueInputs {
  readonly facts: readonly ValueFacts[];
  readonly window: ValueWindow;
  /** Churn probability per customer (0–1). */
  readonly churn: ReadonlyMap<string, number>;
  /** Latest credit bad probability per customer, when a credit run exists. */
  readonly credit: ReadonlyMap<string, { badProbability: number; grade: string }> | null;
}

/** Percentile rank (0–100, ties share the mean rank) of each value within its group. */
export function groupPercentiles(values: readonly number[], groups: readonly string[]): Float64Array {
  const out = new Float64Array(values.length);
  const byGroup = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const members = byGroup.get(g);
    if (members) members.push(i);
    else byGroup.set(g, [i]);
  });
  for (const idx of byGroup.values()) {
    const sorted = [...idx].sort((a, b) => values[a] - values[b]);
    let i = 0;
    while (i < sorted.length) {
      let j = i;
      while (j + 1 < sorted.length && values[sorted[j + 1]] === values[sorted[i]]) j++;
      const rank = sorted.length === 1 ? 50 : (((i + j) / 2) / (sorted.length - 1)) * 100;
      for (let t = i; t <= j; t++) out[sorted[t]] = rank;
      i = j + 1;
    }
  }
  return out;
}

/** Profitability, loyalty and risk per customer, combined into a value score and a tier with an explanation. */
export function assessValue(params: ValueParams, input: ValueInputs): CustomerValue[] {
  const { facts, window } = input;
  const c = params.costToServe;
  const money = facts.map((f) => {
    const energy = f.kwh.peak * params.purchasePrice.peak + f.kwh.flat * params.purchasePrice.flat + f.kwh.valley * params.purchasePrice.valley;
    const service = f.tickets * c.ticket + f.hallVisits * c.hallVisit + f.paperBills * c.paperBill + f.collections * c.collection;
    const margin = f.revenueCny - energy - service;
    return { energy, service, margin, annual: (margin * 365) / window.days };
  });
  const types = peerGroups(facts.map((f) => f.customerType));
  const profit = groupPercentiles(money.map((m) => m.annual), types);
  const engagement = groupPercentiles(facts.map((f) => f.appEvents), types);
  const churnPct = groupPercentiles(facts.map((f) => input.churn.get(f.customerId) ?? 0), types);
  return facts.map((f, i) => {
    const tenure = Math.min(1, f.tenureMonths / 120);
    const complaintPenalty = Math.min(1, f.complaints / 3);
    const loyalty = 100 * (0.4 * tenure + 0.2 * (engagement[i] / 100) + 0.2 * (1 - complaintPenalty) + 0.2 * (1 - churnPct[i] / 100));
    const credit = input.credit?.get(f.customerId);
    const risk = credit ? Math.min(100, credit.badProbability * 200) : paymentRisk(f);
    const value = params.profitWeight * profit[i] + (1 - params.profitWeight) * loyalty;
    const tier = tierOf(params, value, risk);
    const m = money[i];
    const base = {
      customerId: f.customerId, revenueCny: f.revenueCny, energyCostCny: m.energy, serviceCostCny: m.service, marginCny: m.margin, annualMarginCny: m.annual,
      profitScore: profit[i], loyaltyScore: loyalty, riskScore: risk, riskSource: credit ? 'credit' as const : 'payments' as const, valueScore: value, tier,
    };
    return { ...base, explanation: explain(base, f, credit?.grade ?? null, input.churn.get(f.customerId) ?? 0) };
  });
}

/** Minimum customers of a type to rank them among themselves; smaller types are ranked together. */
export const MIN_PEER_GROUP = 20;

/** Customer types as peer groups; types with fewer than {@link MIN_PEER_GROUP} customers share one group. */
export function peerGroups(types: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  return types.map((t) => ((counts.get(t) ?? 0) >= MIN_PEER_GROUP ? t : 'other'));
}

/** Risk from payment behaviour when no credit rating exists: late and returned payments, 0–100. */
function paymentRisk(f: ValueFacts): number {
  const due = Math.max(f.payments, f.latePayments);
  if (due === 0) return 0;
  const lateShare = Math.min(1, f.latePayments / due);
  return Math.min(100, 100 * (0.7 * lateShare + 0.15 * Math.min(1, f.returnedPayments / 2) + 0.15 * Math.min(1, f.collections / 3)));
}

function tierOf(params: ValueParams, value: number, risk: number): ValueTier {
  if (risk >= params.atRiskRisk) return 'at-risk';
  if (value >= params.tiers.platinum) return 'platinum';
  if (value >= params.tiers.gold) return 'gold';
  if (value >= params.tiers.silver) return 'silver';
  return 'bronze';
}

const cny = (v: number) => Math.round(v).toLocaleString('en');

function explain(v: Omit<CustomerValue, 'explanation'>, f: ValueFacts, grade: string | null, churn: number): { 'zh-CN': string; en: string } {
  const label = tierLabels[v.tier];
  const riskZh = v.riskSource === 'credit' ? `信用等级 ${grade}` : `缴费记录（逾期 ${f.latePayments} 次）`;
  const riskEn = v.riskSource === 'credit' ? `credit grade ${grade}` : `payment record (${f.latePayments} late)`;
  const zh = `${label['zh-CN']}：年化毛利约 ${cny(v.annualMarginCny)} 元（电费收入 ${cny(v.revenueCny)} 元，购电成本 ${cny(v.energyCostCny)} 元，服务成本 ${cny(v.serviceCostCny)} 元），` +
    `盈利高于 ${v.profitScore.toFixed(0)}% 的同类客户；忠诚度 ${v.loyaltyScore.toFixed(0)} 分（用电 ${(f.tenureMonths / 12).toFixed(1)} 年，投诉 ${f.complaints} 次，流失概率 ${(churn * 100).toFixed(0)}%）；` +
    `风险 ${v.riskScore.toFixed(0)} 分，依据${riskZh}。`;
  const en = `${label.en}: annual margin about CNY ${cny(v.annualMarginCny)} (revenue ${cny(v.revenueCny)}, energy purchase ${cny(v.energyCostCny)}, cost to serve ${cny(v.serviceCostCny)}), ` +
    `more profitable than ${v.profitScore.toFixed(0)}% of peer customers; loyalty ${v.loyaltyScore.toFixed(0)} (${(f.tenureMonths / 12).toFixed(1)} years, ${f.complaints} complaints, churn risk ${(churn * 100).toFixed(0)}%); ` +
    `risk ${v.riskScore.toFixed(0)} from the ${riskEn}.`;
  return { 'zh-CN': zh, en };
}
