import type { GridLensConfig } from '../core/config.js';
import { ValidationError } from '../core/errors.js';
import type { Tariff } from '../core/schemas/tariff.js';
import { epochDay, isoDateOfEpochDay, localMidnightUtc, utcOffsetMinutes } from '../core/time/index.js';
import {
  billingMonths, fillMissing, lastCompleteMonth, lastReadingDate, loadCustomerRecords, loadHourlyLoads, slotOfHours, slotUsageOf, type CustomerRecord,
} from '../analytics/offers/index.js';
import { parseElasticity, PricingSimulation, type ElasticityAssumptions, type PricingResult, type RevenueNeutralResult } from '../analytics/pricing/index.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { withStore } from './store.js';
import { loadStoredTariffs, resolveTariff } from './tariff-store.js';

export interface PricingRequest {
  /** Candidate tariff: JSON file, stored id or built-in demo id. */
  readonly tariff: string;
  /** Customer class in scope (default: the candidate's class). */
  readonly customerClass?: string;
  readonly district?: string;
  /** Load-shape segment (from `customer_segments`, latest run) in scope. */
  readonly segment?: string;
  /** Breakdown of the bill changes: class, district or segment (default class). */
  readonly by?: 'class' | 'district' | 'segment';
  /** `peak=-0.2,valley=-0.05,cross=0.08,default=-0.1`. */
  readonly elasticity?: string;
  /** Solve a revenue-neutral TOU price set at this peak/valley ratio. */
  readonly revenueNeutralRatio?: number;
  readonly batchSize?: number;
  readonly now?: Date;
}

export interface PricingJobResult extends Omit<PricingResult, 'perCustomer'> {
  readonly simulationId: string;
  readonly scope: string;
  readonly window: { readonly from: string; readonly to: string };
  readonly assumptions: ElasticityAssumptions;
  readonly revenueNeutral: Omit<RevenueNeutralResult, 'tariff'> | null;
  readonly perCustomer: PricingResult['perCustomer'];
  readonly seconds: number;
}

async function latestSegments(wh: Warehouse): Promise<Map<string, string>> {
  const rows = await wh.query<{ customer_id: string; segment: string }>(
    `SELECT customer_id, segment FROM customer_segments WHERE kind = 'load-shape' AND run_id = (SELECT max(run_id) FROM customer_segments WHERE kind = 'load-shape')`);
  return new Map(rows.map((r) => [r.customer_id, r.segment]));
}

interface Scope {
  readonly customers: CustomerRecord[];
  readonly label: string;
  readonly segmentOf: (c: CustomerRecord) => string;
}

async function scopeOf(wh: Warehouse, candidate: Tariff, request: PricingRequest): Promise<Scope> {
  const needSegments = request.segment !== undefined || request.by === 'segment';
  const segments = needSegments ? await latestSegments(wh) : new Map<string, string>();
  if (needSegments && segments.size === 0) throw new ValidationError('pricing: no customer segments in the store (run gridlens segments first), or scope by --class / --district');
  const customerClass = request.customerClass ?? candidate.customerClass;
  const all = await loadCustomerRecords(wh);
  const customers = all.filter((c) => c.customerType === customerClass
    && (request.district === undefined || c.district === request.district)
    && (request.segment === undefined || segments.get(c.customerId) === request.segment));
  if (customers.length === 0) throw new ValidationError(`pricing: no active customers in scope (class ${customerClass}${request.district ? `, district ${request.district}` : ''}${request.segment ? `, segment ${request.segment}` : ''})`);
  const by = request.by ?? 'class';
  const segmentOf = (c: CustomerRecord) => (by === 'district' ? c.district : by === 'segment' ? segments.get(c.customerId) ?? 'unsegmented' : c.customerType);
  const label = [`class=${customerClass}`, request.district && `district=${request.district}`, request.segment && `segment=${request.segment}`].filter(Boolean).join(', ');
  return { customers, label, segmentOf };
}

/**
 * `gridlens pricing simulate`: applies a candidate tariff to the customers in scope over the last
 * 12 complete months and reports revenue, bill changes by segment and the system peak under the
 * stated elasticities; optionally solves a revenue-neutral TOU price set at a peak/valley ratio.
 */
export async function pricingSimulate(config: Pick<GridLensConfig, 'db'>, request: PricingRequest, warehouse?: Warehouse): Promise<PricingJobResult> {
  const started = performance.now();
  const assumptions = parseElasticity(request.elasticity);
  if (request.revenueNeutralRatio !== undefined && !(request.revenueNeutralRatio >= 1 && request.revenueNeutralRatio <= 20)) {
    throw new ValidationError(`--ratio ${request.revenueNeutralRatio} must be a peak/valley ratio from 1 to 20`);
  }
  return withStore(config, async (wh) => {
    const candidate = await resolveTariff(wh, request.tariff);
    const tariffs = await loadStoredTariffs(wh);
    const scope = await scopeOf(wh, candidate, request);
    const last = await lastReadingDate(wh);
    if (!last) throw new ValidationError('pricing: the store has no readings');
    const months = billingMonths(lastCompleteMonth(last), 12);
    const sim = new PricingSimulation(candidate, assumptions, request.revenueNeutralRatio !== undefined);
    const tz = scope.customers[0].timeZone;
    const fromMs = localMidnightUtc(months[0].periodStart, tz);
    const toMs = localMidnightUtc(months[months.length - 1].periodEnd, tz);
    const hours = Math.round((toMs - fromMs) / 3_600_000);
    const slotOfHour = slotOfHours(fromMs, hours, tz, months);
    const size = request.batchSize ?? 100;
    for (let i = 0; i < scope.customers.length; i += size) {
      for (const load of await loadHourlyLoads(wh, scope.customers.slice(i, i + size), fromMs, toMs)) {
        const current = tariffs.find((t) => t.tariffId === load.customer.tariffId);
        if (!current) throw new ValidationError(`pricing: customer ${load.customer.customerId} has tariff ${load.customer.tariffId}, which is not in the store`);
        fillMissing(load, utcOffsetMinutes(tz, fromMs));
        const slots = slotUsageOf({ startMs: fromMs, intervalMinutes: 60, kwh: load.kwh, maxKw: load.maxKw, timeZone: tz }, months);
        sim.add({ customerId: load.customer.customerId, segment: scope.segmentOf(load.customer), current, contractKva: load.customer.contractKva, slots, hourlyKwh: load.kwh, slotOfHour });
      }
    }
    const result = sim.result();
    const neutral = request.revenueNeutralRatio !== undefined ? sim.revenueNeutral(request.revenueNeutralRatio) : null;
    const job: PricingJobResult = {
      ...result, simulationId: `P${(request.now ?? new Date()).toISOString().replace(/[-:.TZ]/g, '')}`, scope: scope.label,
      window: { from: months[0].periodStart, to: isoDateOfEpochDay(epochDay(months[months.length - 1].periodEnd) - 1) }, assumptions,
      revenueNeutral: neutral ? withoutTariff(neutral) : null,
      seconds: (performance.now() - started) / 1000,
    };
    await save(wh, job, request.now ?? new Date());
    return job;
  }, { warehouse });
}

function withoutTariff(r: RevenueNeutralResult): Omit<RevenueNeutralResult, 'tariff'> {
  const { tariff: _tariff, ...rest } = r;
  return rest;
}

async function save(wh: Warehouse, r: PricingJobResult, at: Date): Promise<void> {
  const { perCustomer: _rows, ...summary } = r;
  await wh.append('pricing_simulations', {
    rowCount: 1,
    columns: {
      simulation_id: [r.simulationId], candidate_tariff_id: [r.candidateTariffId], scope: [r.scope], customers: Int32Array.of(r.customers),
      revenue_current: [r.revenue.current], revenue_candidate: [r.revenue.candidate], peak_before_kw: [r.systemPeak.beforeKw], peak_after_kw: [r.systemPeak.afterKw],
      assumptions: [JSON.stringify(r.assumptions)], result: [JSON.stringify(summary)], created_at: [at],
    },
  });
}
