import { ValidationError } from '../../core/errors.js';

/**
 * Stated price-response assumptions, per time-of-use period: the change of a period's kWh is
 *   Δln Q_p = ε_p · Δln P_p + c · Σ_{q≠p} Δln P_q
 * with ε_p the own-price elasticity of period p (negative) and c the cross-price elasticity
 * between periods (positive: a dearer peak moves use to the valley). Prices are the tier-1 prices
 * per period; the current price of a candidate period is the kWh-weighted current price of the
 * hours it covers.
 */
export interface ElasticityAssumptions {
  /** Own-price elasticity by period name (peak, valley, ...). */
  readonly own: Readonly<Record<string, number>>;
  /** Own-price elasticity of periods not named in `own`. */
  readonly defaultOwn: number;
  readonly cross: number;
}

/** Short-run residential values of the order found in TOU pilots: small own response, some substitution. */
export const defaultElasticity: ElasticityAssumptions = { own: {}, defaultOwn: -0.1, cross: 0.05 };

/** `peak=-0.2,valley=-0.05,cross=0.08,default=-0.1` -> assumptions (unset parts keep the defaults). */
export function parseElasticity(spec: string | undefined): ElasticityAssumptions {
  if (!spec) return defaultElasticity;
  const own: Record<string, number> = {};
  let defaultOwn = defaultElasticity.defaultOwn;
  let cross = defaultElasticity.cross;
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z][a-z0-9_]*)=(-?\d+(?:\.\d+)?)$/.exec(part);
    if (!m) throw new ValidationError(`--elasticity: "${part}" is not name=number (e.g. peak=-0.2,valley=-0.05,cross=0.08)`);
    const value = Number(m[2]);
    if (m[1] === 'cross') {
      if (value < 0 || value > 1) throw new ValidationError(`--elasticity: cross=${value} must be within 0..1`);
      cross = value;
    } else {
      if (value > 0 || value < -2) throw new ValidationError(`--elasticity: ${m[1]}=${value} must be an own-price elasticity within -2..0`);
      if (m[1] === 'default') defaultOwn = value;
      else own[m[1]] = value;
    }
  }
  return { own, defaultOwn, cross };
}

/** Multiplier of each period's kWh for the price change `current -> next` (both per period). */
export function responseFactors(current: readonly number[], next: readonly number[], names: readonly string[], a: ElasticityAssumptions): number[] {
  const logs = current.map((p, i) => (p > 0 && next[i] > 0 ? Math.log(next[i] / p) : 0));
  const total = logs.reduce((s, v) => s + v, 0);
  return logs.map((r, i) => Math.exp((a.own[names[i]] ?? a.defaultOwn) * r + a.cross * (total - r)));
}
