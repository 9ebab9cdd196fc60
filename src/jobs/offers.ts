import type { GridLensConfig } from '../core/config.js';
import { ValidationError } from '../core/errors.js';
import type { Tariff } from '../core/schemas/tariff.js';
import { epochDay, isoDateOfEpochDay, localMidnightUtc, utcOffsetMinutes } from '../core/time/index.js';
import {
  assessCustomer, billingMonths, defaultCoverageGate, defaultOfferParams, fillMissing, lastCompleteMonth, lastReadingDate, loadCoverage,
  loadCustomerRecords, loadDailyTemperatures, loadHourlyLoads, type BillingMonth, type CustomerAssessment, type CustomerRecord, type OfferDraft,
} from '../analytics/offers/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { withStore } from './store.js';
import { loadStoredTariffs } from './tariff-store.js';

export interface OffersRunRequest {
  /** Only these customers (default: every active customer). */
  readonly customers?: readonly string[];
  /** Override the coverage gate's 270 days (for short demo stores). */
  readonly minGoodDays?: number;
  readonly batchSize?: number;
  readonly now?: Date;
}

export interface CustomerOfferSummary {
  readonly customerId: string;
  readonly gatePassed: boolean;
  readonly gateReasons: string[];
  readonly gateText: { readonly zh: string; readonly en: string };
  readonly currentTariffId: string;
  readonly currentCost: number | null;
  readonly recommendedTariffId: string | null;
  readonly recommendedCost: number | null;
  readonly offers: { readonly kind: string; readonly tariffId: string | null; readonly savingsCny: number; readonly confidenceLevel: string; readonly textZh: string; readonly textEn: string }[];
}

export interface OffersRunResult {
  readonly runId: number;
  readonly window: { readonly from: string; readonly to: string };
  readonly customers: number;
  readonly eligible: number;
  readonly gated: Record<string, number>;
  readonly offers: { readonly total: number; readonly rate: number; readonly load_shift: number; readonly efficiency: number };
  readonly savingsCny: { readonly rate: number; readonly load_shift: number; readonly efficiency: number };
  readonly results: CustomerOfferSummary[];
  readonly seconds: number;
}

interface Context {
  readonly wh: Warehouse;
  readonly runId: number;
  readonly months: readonly BillingMonth[];
  readonly tariffs: readonly Tariff[];
  readonly createdAt: Date;
  readonly minGoodDays: number;
}

async function nextRunId(wh: Warehouse): Promise<number> {
  const [row] = await wh.query<{ id: number | null }>('SELECT max(run_id) AS id FROM rate_comparisons');
  return (row?.id ?? 0) + 1;
}

function noTariff(customer: CustomerRecord): CustomerAssessment {
  const text = { zh: `当前电价方案 ${customer.tariffId || '（无）'} 不在电价库中`, en: `current tariff ${customer.tariffId || '(none)'} is not in the store` };
  return { customerId: customer.customerId, gate: { passed: false, reasons: ['no_tariff' as never], text }, comparison: null, decomposition: null, offers: [] };
}

async function assessBatch(ctx: Context, batch: readonly CustomerRecord[]): Promise<{ assessment: CustomerAssessment; good: number; read: number; est: number }[]> {
  const tz = batch[0].timeZone;
  const fromMs = localMidnightUtc(ctx.months[0].periodStart, tz);
  const toMs = localMidnightUtc(ctx.months[ctx.months.length - 1].periodEnd, tz);
  const offset = utcOffsetMinutes(tz, fromMs);
  const days = epochDay(ctx.months[ctx.months.length - 1].periodEnd) - epochDay(ctx.months[0].periodStart);
  const temps = await loadDailyTemperatures(ctx.wh, fromMs, days, offset);
  const loads = await loadHourlyLoads(ctx.wh, batch, fromMs, toMs);
  const gate = { ...defaultOfferParams, gate: { ...defaultCoverageGate, minGoodDays: ctx.minGoodDays } };
  return loads.map((load) => {
    const coverage = loadCoverage(load);
    const current = ctx.tariffs.find((t) => t.tariffId === load.customer.tariffId);
    fillMissing(load, offset);
    const assessment = current
      ? assessCustomer({ load, coverage, months: ctx.months, current, tariffs: ctx.tariffs, dailyTemperatureC: temps }, gate)
      : noTariff(load.customer);
    return { assessment, good: coverage.goodDays, read: coverage.readShare, est: coverage.estimatedShare };
  });
}

async function writeBatch(ctx: Context, rows: Awaited<ReturnType<typeof assessBatch>>, customers: readonly CustomerRecord[]): Promise<void> {
  const n = rows.length;
  const currency = (id: string) => ctx.tariffs.find((t) => t.tariffId === id)?.currency ?? 'CNY';
  const col = <T>(f: (r: (typeof rows)[number], i: number) => T): T[] => rows.map(f);
  await ctx.wh.append('rate_comparisons', {
    rowCount: n,
    columns: {
      run_id: new Int32Array(n).fill(ctx.runId), customer_id: col((r) => r.assessment.customerId),
      window_from: col(() => ctx.months[0].periodStart), window_to: col(() => isoDateOfEpochDay(epochDay(ctx.months[ctx.months.length - 1].periodEnd) - 1)),
      gate_passed: col((r) => r.assessment.gate.passed), gate_reasons: col((r) => r.assessment.gate.reasons.join(',')),
      gate_text_zh: col((r) => r.assessment.gate.text.zh), gate_text_en: col((r) => r.assessment.gate.text.en),
      good_days: col((r) => r.good), read_share: col((r) => r.read), estimated_share: col((r) => r.est),
      current_tariff_id: col((_, i) => customers[i].tariffId), current_cost: col((r) => r.assessment.comparison?.currentCost ?? null),
      best_tariff_id: col((r) => r.assessment.comparison?.recommendation?.tariffId ?? null),
      best_cost: col((r) => r.assessment.comparison?.recommendation?.annualCost ?? null),
      costs: col((r) => (r.assessment.comparison ? JSON.stringify(r.assessment.comparison.costs) : null)),
      currency: col((_, i) => currency(customers[i].tariffId)), created_at: col(() => ctx.createdAt),
    },
  });
  const offers = rows.flatMap((r, i) => r.assessment.offers.map((o) => ({ o, currency: currency(customers[i].tariffId) })));
  if (offers.length === 0) return;
  const oc = <T>(f: (x: { o: OfferDraft; currency: string }) => T): T[] => offers.map(f);
  await ctx.wh.append('offers', {
    rowCount: offers.length,
    columns: {
      offer_id: oc(({ o }) => `R${ctx.runId}-${o.customerId}-${o.kind}`), run_id: new Int32Array(offers.length).fill(ctx.runId),
      customer_id: oc(({ o }) => o.customerId), kind: oc(({ o }) => o.kind), tariff_id: oc(({ o }) => o.tariffId),
      savings_cny: oc(({ o }) => o.savingsCny), savings_kwh: oc(({ o }) => o.savingsKwh), currency: oc((x) => x.currency),
      confidence: oc(({ o }) => o.confidence), confidence_level: oc(({ o }) => o.confidenceLevel),
      text_zh: oc(({ o }) => o.textZh), text_en: oc(({ o }) => o.textEn), details: oc(({ o }) => JSON.stringify(o.details)),
      created_at: oc(() => ctx.createdAt),
    },
  });
}

function summary(a: CustomerAssessment, customer: CustomerRecord): CustomerOfferSummary {
  return {
    customerId: a.customerId, gatePassed: a.gate.passed, gateReasons: a.gate.reasons, gateText: a.gate.text, currentTariffId: customer.tariffId,
    currentCost: a.comparison?.currentCost ?? null, recommendedTariffId: a.comparison?.recommendation?.tariffId ?? null,
    recommendedCost: a.comparison?.recommendation?.annualCost ?? null,
    offers: a.offers.map((o) => ({ kind: o.kind, tariffId: o.tariffId, savingsCny: o.savingsCny, confidenceLevel: o.confidenceLevel, textZh: o.textZh, textEn: o.textEn })),
  };
}

/**
 * `gridlens offers run`: for every active customer, the coverage gate, the rate comparison over
 * the last 12 complete months, load-shift advice and an efficiency diagnosis; written to
 * `rate_comparisons` and `offers` under a new run id.
 */
export async function offersRun(config: Pick<GridLensConfig, 'db'>, request: OffersRunRequest = {}, warehouse?: Warehouse): Promise<OffersRunResult> {
  const started = performance.now();
  return withStore(config, async (wh) => {
    const last = await lastReadingDate(wh);
    if (!last) throw new ValidationError('offers run: the store has no readings');
    const months = billingMonths(lastCompleteMonth(last), 12);
    const tariffs = await loadStoredTariffs(wh);
    const customers = await loadCustomerRecords(wh, request.customers);
    if (customers.length === 0) throw new ValidationError('offers run: no active customers found');
    const ctx: Context = { wh, runId: await nextRunId(wh), months, tariffs, createdAt: request.now ?? new Date(), minGoodDays: request.minGoodDays ?? defaultCoverageGate.minGoodDays };
    const results: CustomerOfferSummary[] = [];
    const size = request.batchSize ?? 50;
    // A batch shares one local calendar: customers are batched within their time zone.
    const zones = new Map<string, CustomerRecord[]>();
    for (const c of customers) {
      const group = zones.get(c.timeZone) ?? [];
      group.push(c);
      zones.set(c.timeZone, group);
    }
    const byZone = [...zones.values()];
    for (const batch of byZone.flatMap((group) => Array.from({ length: Math.ceil(group.length / size) }, (_, i) => group.slice(i * size, (i + 1) * size)))) {
      const rows = await assessBatch(ctx, batch);
      await writeBatch(ctx, rows, batch);
      rows.forEach((r, j) => results.push(summary(r.assessment, batch[j])));
    }
    return resultOf(ctx, results, (performance.now() - started) / 1000);
  }, { warehouse });
}

function resultOf(ctx: Context, results: CustomerOfferSummary[], seconds: number): OffersRunResult {
  const gated: Record<string, number> = {};
  for (const r of results) for (const reason of r.gateReasons) gated[reason] = (gated[reason] ?? 0) + 1;
  const all = results.flatMap((r) => r.offers);
  const count = (kind: string) => all.filter((o) => o.kind === kind).length;
  const sum = (kind: string) => Math.round(all.filter((o) => o.kind === kind).reduce((s, o) => s + o.savingsCny, 0) * 100) / 100;
  return {
    runId: ctx.runId, window: { from: ctx.months[0].periodStart, to: isoDateOfEpochDay(epochDay(ctx.months[ctx.months.length - 1].periodEnd) - 1) },
    customers: results.length, eligible: results.filter((r) => r.gatePassed).length, gated,
    offers: { total: all.length, rate: count('rate'), load_shift: count('load_shift'), efficiency: count('efficiency') },
    savingsCny: { rate: sum('rate'), load_shift: sum('load_shift'), efficiency: sum('efficiency') },
    results, seconds,
  };
}

export interface StoredOffer {
  readonly offerId: string;
  readonly runId: number;
  readonly customerId: string;
  readonly kind: string;
  readonly tariffId: string | null;
  readonly savingsCny: number;
  readonly currency: string;
  readonly confidenceLevel: string;
  readonly textZh: string;
  readonly textEn: string;
  readonly createdAt: string;
}

type OfferRow = {
  offer_id: string; run_id: number; customer_id: string; kind: string; tariff_id: string | null; savings_cny: number; currency: string;
  confidence_level: string; text_zh: string; text_en: string; created_at: Date;
};

/** `gridlens offers list`: offers of the latest run, largest savings first. */
export async function offersList(config: Pick<GridLensConfig, 'db'>, request: { customer?: string; kind?: string; limit?: number } = {}, warehouse?: Warehouse): Promise<{ runId: number | null; offers: StoredOffer[] }> {
  return withStore(config, async (wh) => {
    const [latest] = await wh.query<{ id: number | null }>('SELECT max(run_id) AS id FROM offers');
    const runId = latest?.id ?? null;
    if (runId === null) return { runId, offers: [] };
    const where = ['run_id = ?'];
    const params: (string | number)[] = [runId];
    if (request.customer) { where.push('customer_id = ?'); params.push(request.customer); }
    if (request.kind) { where.push('kind = ?'); params.push(request.kind); }
    params.push(request.limit ?? 20);
    const rows = await wh.query<OfferRow>(`SELECT * FROM offers WHERE ${where.join(' AND ')} ORDER BY savings_cny DESC, offer_id LIMIT ?`, params);
    return {
      runId,
      offers: rows.map((r) => ({
        offerId: r.offer_id, runId: r.run_id, customerId: r.customer_id, kind: r.kind, tariffId: r.tariff_id, savingsCny: r.savings_cny, currency: r.currency,
        confidenceLevel: r.confidence_level, textZh: r.text_zh, textEn: r.text_en, createdAt: r.created_at.toISOString(),
      })),
    };
  }, { warehouse });
}
