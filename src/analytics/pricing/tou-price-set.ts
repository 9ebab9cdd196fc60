import { ValidationError } from '../../core/errors.js';
import type { Tariff } from '../../core/schemas/tariff.js';
import { periodNamesOf } from '../../core/tariff/index.js';
import { periodPrices } from './price-response.js';

/**
 * A time-of-use price set under a peak/valley ratio (NDRC 2021 No. 1093: at least 4:1 where the
 * peak-valley load gap exceeds 40%, else 3:1): valley = v, peak = ratio · v, critical peak 20%
 * above peak, and every other period keeps its relative position between valley and peak. The
 * candidate's periods are rescaled tier by tier (China tier adders are kept).
 */

export interface TouRoles {
  readonly peak: number;
  readonly valley: number;
  readonly critical: number | undefined;
}

export function touRoles(tariff: Tariff): TouRoles {
  const names = periodNamesOf(tariff.energyratestructure.length, tariff.china?.periodNames);
  const prices = periodPrices(tariff);
  if (prices.length < 2) throw new ValidationError(`tariff ${tariff.tariffId}: a revenue-neutral TOU price set needs at least two energy periods`);
  const byPrice = (pick: (a: number, b: number) => boolean) => prices.reduce((best, p, i) => (pick(p, prices[best]) ? i : best), 0);
  const named = (name: string) => (names.indexOf(name) >= 0 ? names.indexOf(name) : undefined);
  const critical = named('critical');
  const peak = named('peak') ?? byPrice((a, b) => a > b);
  return { peak, valley: named('valley') ?? byPrice((a, b) => a < b), critical: critical !== peak ? critical : undefined };
}

/** Period prices for valley price `v` under `ratio`. */
export function touPrices(tariff: Tariff, v: number, ratio: number): number[] {
  const roles = touRoles(tariff);
  const old = periodPrices(tariff);
  const peak = ratio * v;
  const span = old[roles.peak] - old[roles.valley];
  return old.map((p, i) => {
    if (i === roles.valley) return v;
    if (i === roles.peak) return peak;
    if (i === roles.critical) return 1.2 * peak;
    const position = span > 0 ? Math.min(1, Math.max(0, (p - old[roles.valley]) / span)) : 0.5;
    return v + position * (peak - v);
  });
}

/** The tariff with its period prices replaced (tier-1 price set to `prices[p]`, other tiers scaled alike). */
export function withPeriodPrices(tariff: Tariff, prices: readonly number[], tariffId = `${tariff.tariffId}-RN`): Tariff {
  const old = periodPrices(tariff);
  const chinaTiers = tariff.china?.tiers !== undefined;
  const energyratestructure = tariff.energyratestructure.map((tiers, p) => {
    if (chinaTiers) return [{ ...tiers[0], rate: prices[p] - (tiers[0].adj ?? 0) }];
    const k = old[p] !== 0 ? prices[p] / old[p] : 1;
    return tiers.map((t) => ({ ...t, rate: t.rate * k, ...(t.adj !== undefined ? { adj: t.adj * k } : {}) }));
  });
  return { ...tariff, tariffId, energyratestructure };
}

export interface SolveOptions {
  /** Revenue tolerance (absolute, in currency). */
  readonly tolerance: number;
  readonly maxIterations: number;
}

export interface SolveResult {
  readonly valley: number;
  readonly revenue: number;
  readonly error: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Finds the valley price v with revenue(v) = target by bracketing then bisection with the
 * Illinois false-position step; revenue must increase with v (true while demand is inelastic).
 */
export function solveRevenueNeutral(revenue: (v: number) => number, target: number, start: number, options: SolveOptions): SolveResult {
  let iterations = 0;
  const f = (v: number) => {
    iterations++;
    return revenue(v) - target;
  };
  let lo = start;
  let flo = f(lo);
  let hi = start;
  let fhi = flo;
  while (flo > 0 && iterations < options.maxIterations) { hi = lo; fhi = flo; lo /= 2; flo = f(lo); }
  while (fhi < 0 && iterations < options.maxIterations) { lo = hi; flo = fhi; hi *= 2; fhi = f(hi); }
  let side = 0;
  let v = lo;
  let fv = flo;
  while (Math.abs(fv) > options.tolerance && iterations < options.maxIterations && hi - lo > 1e-12) {
    v = (lo * fhi - hi * flo) / (fhi - flo);
    if (!(v > lo && v < hi)) v = (lo + hi) / 2;
    fv = f(v);
    if (fv < 0) { lo = v; flo = fv; if (side === -1) fhi /= 2; side = -1; } else { hi = v; fhi = fv; if (side === 1) flo /= 2; side = 1; }
  }
  return { valley: v, revenue: fv + target, error: fv, iterations, converged: Math.abs(fv) <= options.tolerance };
}
