import type { Tariff } from '../../core/schemas/tariff.js';
import { roundFen } from '../../core/units.js';
import { simulateYearTotal, type SlotUsage } from '../offers/index.js';
import type { ElasticityAssumptions } from './elasticity.js';
import { respondToPrices } from './price-response.js';
import { solveRevenueNeutral, touPrices, touRoles, withPeriodPrices, type SolveOptions } from './tou-price-set.js';

/**
 * Population pricing simulation: every customer in scope is billed for the simulated year under
 * the current tariff, under the candidate with unchanged use (static) and under the candidate
 * after the stated price response. Revenue totals are sums of the individual simulated bills.
 * The system peak is the largest hour of the summed hourly load before and after the response.
 */

export interface PricingCustomer {
  readonly customerId: string;
  readonly segment: string;
  readonly current: Tariff;
  readonly contractKva: number;
  readonly slots: SlotUsage;
  /** Hourly kWh of the window and the slot of each hour (-1 outside), for the system peak. */
  readonly hourlyKwh: Float64Array;
  readonly slotOfHour: Int32Array;
}

export interface CustomerPricing {
  readonly customerId: string;
  readonly segment: string;
  readonly currentTariffId: string;
  readonly current: number;
  readonly candidateStatic: number;
  readonly candidate: number;
  readonly change: number;
}

export interface SegmentPricing {
  readonly segment: string;
  readonly customers: number;
  readonly revenueCurrent: number;
  readonly revenueCandidate: number;
  readonly change: number;
  readonly medianChange: number;
  readonly winners: number;
  readonly losers: number;
}

export interface PricingResult {
  readonly candidateTariffId: string;
  readonly customers: number;
  readonly revenue: { readonly current: number; readonly candidateStatic: number; readonly candidate: number; readonly change: number; readonly changePct: number };
  readonly billChanges: {
    readonly winners: number; readonly losers: number; readonly unchanged: number; readonly mean: number;
    readonly percentiles: Readonly<Record<'p5' | 'p10' | 'p25' | 'p50' | 'p75' | 'p90' | 'p95', number>>;
  };
  readonly bySegment: SegmentPricing[];
  readonly systemPeak: { readonly beforeKw: number; readonly afterKw: number; readonly changePct: number; readonly beforeHour: number; readonly afterHour: number };
  readonly perCustomer: CustomerPricing[];
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return roundFen(sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo));
}

function argmax(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** Accumulates customers (in batches) and reports the simulation. */
export class PricingSimulation {
  private readonly rows: CustomerPricing[] = [];
  private readonly kept: PricingCustomer[] = [];
  private systemBefore: Float64Array | undefined;
  private systemAfter: Float64Array | undefined;

  constructor(readonly candidate: Tariff, readonly elasticity: ElasticityAssumptions, private readonly keepForSolve = true) {}

  add(c: PricingCustomer): CustomerPricing {
    const options = { contractKva: c.contractKva };
    const current = simulateYearTotal(c.current, c.slots, options);
    const candidateStatic = simulateYearTotal(this.candidate, c.slots, options);
    const response = respondToPrices(c.slots, c.current, this.candidate, this.elasticity);
    const candidate = simulateYearTotal(this.candidate, response.slots, options);
    const row = { customerId: c.customerId, segment: c.segment, currentTariffId: c.current.tariffId, current, candidateStatic, candidate, change: roundFen(candidate - current) };
    this.rows.push(row);
    this.addToSystem(c, response.factorBySlot);
    if (this.keepForSolve) this.kept.push({ ...c, hourlyKwh: new Float64Array(0) });
    return row;
  }

  private addToSystem(c: PricingCustomer, factorBySlot: Float64Array): void {
    this.systemBefore ??= new Float64Array(c.hourlyKwh.length);
    this.systemAfter ??= new Float64Array(c.hourlyKwh.length);
    const n = Math.min(c.hourlyKwh.length, this.systemBefore.length);
    for (let i = 0; i < n; i++) {
      const v = c.hourlyKwh[i];
      this.systemBefore[i] += v;
      const s = c.slotOfHour[i];
      this.systemAfter[i] += s >= 0 ? v * factorBySlot[s] : v;
    }
  }

  result(): PricingResult {
    const sum = (f: (r: CustomerPricing) => number, rows = this.rows) => roundFen(rows.reduce((s, r) => s + f(r), 0));
    const current = sum((r) => r.current);
    const candidate = sum((r) => r.candidate);
    const changes = this.rows.map((r) => r.change).sort((a, b) => a - b);
    const before = this.systemBefore ?? new Float64Array(1);
    const after = this.systemAfter ?? new Float64Array(1);
    const bi = argmax(before);
    const ai = argmax(after);
    return {
      candidateTariffId: this.candidate.tariffId,
      customers: this.rows.length,
      revenue: { current, candidateStatic: sum((r) => r.candidateStatic), candidate, change: roundFen(candidate - current), changePct: current ? ((candidate - current) / current) * 100 : 0 },
      billChanges: {
        winners: changes.filter((c) => c < 0).length, losers: changes.filter((c) => c > 0).length, unchanged: changes.filter((c) => c === 0).length,
        mean: changes.length ? roundFen(changes.reduce((s, c) => s + c, 0) / changes.length) : 0,
        percentiles: {
          p5: percentile(changes, 0.05), p10: percentile(changes, 0.1), p25: percentile(changes, 0.25), p50: percentile(changes, 0.5),
          p75: percentile(changes, 0.75), p90: percentile(changes, 0.9), p95: percentile(changes, 0.95),
        },
      },
      bySegment: this.segments(sum),
      systemPeak: { beforeKw: before[bi], afterKw: after[ai], changePct: before[bi] ? ((after[ai] - before[bi]) / before[bi]) * 100 : 0, beforeHour: bi, afterHour: ai },
      perCustomer: this.rows,
    };
  }

  private segments(sum: (f: (r: CustomerPricing) => number, rows?: CustomerPricing[]) => number): SegmentPricing[] {
    const groups = new Map<string, CustomerPricing[]>();
    for (const r of this.rows) {
      const group = groups.get(r.segment) ?? [];
      group.push(r);
      groups.set(r.segment, group);
    }
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([segment, rows]) => {
      const changes = rows.map((r) => r.change).sort((a, b) => a - b);
      const revenueCurrent = sum((r) => r.current, rows);
      const revenueCandidate = sum((r) => r.candidate, rows);
      return {
        segment, customers: rows.length, revenueCurrent, revenueCandidate, change: roundFen(revenueCandidate - revenueCurrent),
        medianChange: percentile(changes, 0.5), winners: changes.filter((c) => c < 0).length, losers: changes.filter((c) => c > 0).length,
      };
    });
  }

  /** Candidate revenue (with response) of the kept customers when the TOU prices are `touPrices(v, ratio)`. */
  revenueAt(v: number, ratio: number): number {
    const tariff = withPeriodPrices(this.candidate, touPrices(this.candidate, v, ratio));
    let total = 0;
    for (const c of this.kept) {
      const response = respondToPrices(c.slots, c.current, tariff, this.elasticity);
      total += simulateYearTotal(tariff, response.slots, { contractKva: c.contractKva });
    }
    return roundFen(total);
  }

  /** The revenue-neutral price set under a peak/valley ratio: same revenue as the current tariffs. */
  revenueNeutral(ratio: number, options: Partial<SolveOptions> = {}): RevenueNeutralResult {
    const target = sum(this.rows.map((r) => r.current));
    const tolerance = options.tolerance ?? Math.max(1, target * 1e-6);
    const start = this.candidateValley();
    const solved = solveRevenueNeutral((v) => this.revenueAt(v, ratio), target, start, { tolerance, maxIterations: options.maxIterations ?? 60 });
    const prices = touPrices(this.candidate, solved.valley, ratio);
    const roles = touRoles(this.candidate);
    return { ratio, target, tolerance, ...solved, prices, peakToValley: prices[roles.peak] / prices[roles.valley], tariff: withPeriodPrices(this.candidate, prices) };
  }

  private candidateValley(): number {
    const roles = touRoles(this.candidate);
    const tiers = this.candidate.energyratestructure[roles.valley];
    return tiers[0].rate + (tiers[0].adj ?? 0);
  }
}

const sum = (values: readonly number[]) => roundFen(values.reduce((s, v) => s + v, 0));

export interface RevenueNeutralResult {
  readonly ratio: number;
  readonly target: number;
  readonly tolerance: number;
  readonly valley: number;
  readonly revenue: number;
  readonly error: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Tier-1 price per energy period. */
  readonly prices: number[];
  readonly peakToValley: number;
  readonly tariff: Tariff;
}
