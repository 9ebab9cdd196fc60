import { readUtilityChurnData, scoreChurn } from '../analytics/churn/index.js';
import {
  assessValue, parseValueParams, readLatestCredit, readValueFacts, tierLabels, valueWindow, type CustomerValue, type ValueParamsInput, type ValueTier,
} from '../analytics/value/index.js';
import type { GridLensConfig } from '../core/config.js';
import type { ProgressListener } from '../core/record-batch.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { withStore } from './store.js';

export interface ValueRequest {
  readonly from?: string;
  readonly to?: string;
  readonly params?: ValueParamsInput;
}

export interface ValueResult {
  readonly runId: number;
  readonly from: string;
  readonly to: string;
  readonly customers: number;
  readonly riskSource: 'credit' | 'payments';
  readonly tiers: readonly { readonly tier: ValueTier; readonly label: { 'zh-CN': string; en: string }; readonly customers: number; readonly marginCny: number; readonly revenueCny: number }[];
  readonly totals: { readonly revenueCny: number; readonly energyCostCny: number; readonly serviceCostCny: number; readonly marginCny: number };
  /** A few customers per tier with their explanation (ids only, no personal data). */
  readonly examples: readonly Pick<CustomerValue, 'customerId' | 'tier' | 'valueScore' | 'explanation'>[];
  readonly seconds: number;
}

const tierOrder: readonly ValueTier[] = ['platinum', 'gold', 'silver', 'bronze', 'at-risk'];

/** `gridlens run value`: profitability, loyalty and risk per customer, value tiers with explanations, into `customer_value`. */
export async function runValue(config: Pick<GridLensConfig, 'db'>, request: ValueRequest = {}, warehouse?: Warehouse, onProgress?: ProgressListener): Promise<ValueResult> {
  const started = performance.now();
  const params = parseValueParams(request.params);
  return withStore(config, async (wh) => {
    const progress = (done: number) => onProgress?.({ phase: 'value', done, total: 3 });
    progress(0);
    const window = await valueWindow(wh, request.from, request.to);
    const facts = await readValueFacts(wh, params, window);
    const churn = scoreChurn(await readUtilityChurnData(wh));
    const credit = await readLatestCredit(wh);
    progress(1);
    const values = assessValue(params, { facts, window, churn: new Map(churn.scores.map((s) => [s.customerId, s.score])), credit });
    const runId = await writeValues(wh, values, window);
    progress(3);
    return summarise(runId, values, window, credit ? 'credit' : 'payments', started);
  }, { warehouse });
}

async function writeValues(wh: Warehouse, v: readonly CustomerValue[], window: { from: string; to: string }): Promise<number> {
  const [{ n }] = await wh.query<{ n: number }>('SELECT coalesce(max(run_id), 0) + 1 AS n FROM customer_value');
  const runId = Number(n);
  const f = (pick: (x: CustomerValue) => number) => Float64Array.from(v, pick);
  await wh.append('customer_value', {
    rowCount: v.length,
    columns: {
      run_id: new Int32Array(v.length).fill(runId), customer_id: v.map((x) => x.customerId),
      from_date: v.map(() => window.from), to_date: v.map(() => window.to),
      revenue_cny: f((x) => x.revenueCny), energy_cost_cny: f((x) => x.energyCostCny), service_cost_cny: f((x) => x.serviceCostCny),
      margin_cny: f((x) => x.marginCny), annual_margin_cny: f((x) => x.annualMarginCny), profit_score: f((x) => x.profitScore),
      loyalty_score: f((x) => x.loyaltyScore), risk_score: f((x) => x.riskScore), risk_source: v.map((x) => x.riskSource),
      value_score: f((x) => x.valueScore), tier: v.map((x) => x.tier), explanation_zh: v.map((x) => x.explanation['zh-CN']),
      explanation_en: v.map((x) => x.explanation.en), facts: v.map((x) => ({ profitScore: x.profitScore, loyaltyScore: x.loyaltyScore, riskScore: x.riskScore })),
    },
  });
  return runId;
}

function summarise(runId: number, v: readonly CustomerValue[], window: { from: string; to: string }, riskSource: 'credit' | 'payments', started: number): ValueResult {
  const sum = (xs: readonly CustomerValue[], pick: (x: CustomerValue) => number) => xs.reduce((s, x) => s + pick(x), 0);
  return {
    runId, from: window.from, to: window.to, customers: v.length, riskSource,
    tiers: tierOrder.map((tier) => {
      const members = v.filter((x) => x.tier === tier);
      return { tier, label: tierLabels[tier], customers: members.length, marginCny: sum(members, (x) => x.marginCny), revenueCny: sum(members, (x) => x.revenueCny) };
    }),
    totals: { revenueCny: sum(v, (x) => x.revenueCny), energyCostCny: sum(v, (x) => x.energyCostCny), serviceCostCny: sum(v, (x) => x.serviceCostCny), marginCny: sum(v, (x) => x.marginCny) },
    examples: tierOrder.flatMap((tier) => v.filter((x) => x.tier === tier).slice(0, 2).map(({ customerId, valueScore, explanation }) => ({ customerId, tier, valueScore, explanation }))),
    seconds: (performance.now() - started) / 1000,
  };
}
