import { ValidationError } from '../../core/errors.js';

/**
 * CalTRACK daily method (DOMAIN.md section 4): usage per day = μ + βH·HDD(bpH) + βC·CDD(bpC),
 * balance points searched on a grid (default -1..32 °C in 1 °C steps, finer than CalTRACK's 3 °F),
 * candidates intercept-only, HDD-only, CDD-only and HDD+CDD; a candidate is kept only when its
 * weather coefficients are positive and significant (p < 0.1, normal approximation to the t
 * distribution: baselines hold hundreds of days); the kept candidate with the best adjusted R² wins.
 */

export interface DailyData {
  /** kWh per day; NaN = missing day (left out of the fit). */
  readonly kwh: Float64Array;
  /** Mean temperature per day in °C; NaN = missing. */
  readonly temperatureC: Float64Array;
}

export type DailyModelType = 'intercept_only' | 'hdd_only' | 'cdd_only' | 'hdd_cdd';

export interface DailyModel {
  readonly type: DailyModelType;
  readonly intercept: number;
  readonly betaHdd: number;
  readonly betaCdd: number;
  /** Balance points in °C (NaN when unused). */
  readonly balanceHddC: number;
  readonly balanceCddC: number;
  readonly r2: number;
  readonly adjR2: number;
  /** CV(RMSE) of the fit: RMSE / mean daily kWh. */
  readonly cvrmse: number;
  /** Days used. */
  readonly n: number;
  /** Lag-1 autocorrelation of the residuals (for the savings uncertainty). */
  readonly rho: number;
}

export interface DailyFitParams {
  readonly balanceMinC: number;
  readonly balanceMaxC: number;
  readonly balanceStepC: number;
  /** Largest p-value of a weather coefficient kept. */
  readonly maxPValue: number;
  /** Fewest days a fit needs. */
  readonly minDays: number;
}

export const defaultDailyFitParams: DailyFitParams = { balanceMinC: -1, balanceMaxC: 32, balanceStepC: 1, maxPValue: 0.1, minDays: 30 };

const hdd = (t: number, bp: number): number => Math.max(0, bp - t);
const cdd = (t: number, bp: number): number => Math.max(0, t - bp);

/** Two-sided p-value of a t statistic, normal approximation. */
export function pValueNormal(t: number): number {
  return 2 * (1 - standardNormalCdf(Math.abs(t)));
}

/** Φ(x), Abramowitz-Stegun 7.1.26 (error below 1.5e-7). */
export function standardNormalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const k = 1 / (1 + 0.3275911 * z);
  const erf = 1 - (((((1.061405429 * k - 1.453152027) * k + 1.421413741) * k - 0.284496736) * k + 0.254829592) * k) * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/**
 * Sums of the normal equations, shared by the candidates: every sum over days depends on one
 * regressor (or one pair), so it is taken once per balance point instead of once per candidate.
 * Each sum adds its terms in day order from 0, exactly as a per-candidate accumulation would, so
 * the fit is bit-for-bit the plain normal-equation OLS (caltrack-daily.test.ts compares them).
 */
interface Regressor {
  /** Degree-days per day; `sum` = Σx, `sumSq` = Σx·x, `sumY` = Σx·y. */
  readonly x: Float64Array;
  readonly sum: number;
  readonly sumSq: number;
  readonly sumY: number;
}

interface Shared {
  readonly y: Float64Array;
  readonly n: number;
  /** Σ 1·y. */
  readonly sumY: number;
  readonly mean: number;
  readonly sst: number;
  readonly hdd: Map<number, Regressor>;
  readonly cdd: Map<number, Regressor>;
}

function regressor(y: Float64Array, x: Float64Array): Regressor {
  let sum = 0;
  let sumSq = 0;
  let sumY = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    sum += v;
    sumSq += v * v;
    sumY += v * y[i];
  }
  return { x, sum, sumSq, sumY };
}

function shared(y: Float64Array, temps: Float64Array, grid: readonly number[]): Shared {
  const n = y.length;
  let sumY = 0;
  for (let i = 0; i < n; i++) sumY += y[i];
  const mean = sumY / n;
  let sst = 0;
  for (let i = 0; i < n; i++) sst += (y[i] - mean) ** 2;
  const hddOf = new Map<number, Regressor>();
  const cddOf = new Map<number, Regressor>();
  for (const bp of grid) {
    const h = new Float64Array(n);
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      h[i] = hdd(temps[i], bp);
      c[i] = cdd(temps[i], bp);
    }
    hddOf.set(bp, regressor(y, h));
    cddOf.set(bp, regressor(y, c));
  }
  return { y, n, sumY, mean, sst, hdd: hddOf, cdd: cddOf };
}

interface Fit { readonly coef: number[]; readonly se: number[]; readonly sse: number }

/** Normal-equation matrix (k × k, row-major) and the Gauss-Jordan work matrix [A | I] (k × 2k), reused. */
const normal = new Float64Array(9);
const work = new Float64Array(18);

/**
 * Ordinary least squares of y on [1, x1, x2...] via the normal equations (at most 3 columns);
 * undefined when the matrix is singular or a weather coefficient is not positive.
 */
function ols(s: Shared, xs: readonly Regressor[], disjoint: boolean): Fit | undefined {
  const k = xs.length + 1;
  const n = s.n;
  const a = normal;
  a.fill(0);
  const b = [0, 0, 0];
  // Column 0 is the constant 1: Σ1·1 = n, Σ1·x = Σx, Σ1·y = Σy.
  a[0] = n;
  b[0] = s.sumY;
  for (let j = 1; j < k; j++) {
    const r = xs[j - 1];
    a[j] = r.sum;
    a[j * k] = r.sum;
    a[j * k + j] = r.sumSq;
    b[j] = r.sumY;
  }
  // For HDD(h) and CDD(c) with h <= c no day has both positive, so Σ x1·x2 is +0 exactly, as the loop would give.
  if (k === 3 && !disjoint) {
    const x1 = xs[0].x;
    const x2 = xs[1].x;
    let cross = 0;
    for (let i = 0; i < n; i++) cross += x1[i] * x2[i];
    a[1 * k + 2] = cross;
    a[2 * k + 1] = cross;
  }
  if (!invertInto(a, k, work)) return undefined;
  const w = 2 * k;
  const coef: number[] = [];
  const se: number[] = [];
  for (let r = 0; r < k; r++) {
    let sum = 0;
    for (let c = 0; c < k; c++) sum += work[r * w + k + c] * b[c];
    coef.push(sum);
  }
  // A weather coefficient that is not positive rejects the candidate (fitCandidate) whatever its standard error.
  for (let j = 1; j < k; j++) if (!(coef[j] > 0)) return undefined;
  const sse = sumSquaredResiduals(s.y, xs, coef, undefined);
  const sigma2 = n > k ? sse / (n - k) : Number.NaN;
  for (let j = 0; j < k; j++) se.push(Math.sqrt(sigma2 * work[j * w + k + j]));
  return { coef, se, sse };
}

/**
 * Gauss-Jordan inverse of the k × k matrix `m` with partial pivoting, left in the right half of
 * `out` ([I | A⁻¹], k × 2k row-major); false when singular.
 */
function invertInto(m: Float64Array, k: number, out: Float64Array): boolean {
  const w = 2 * k;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      out[i * w + j] = m[i * k + j];
      out[i * w + k + j] = i === j ? 1 : 0;
    }
  }
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(out[r * w + c]) > Math.abs(out[pivot * w + c])) pivot = r;
    if (Math.abs(out[pivot * w + c]) < 1e-12) return false;
    if (pivot !== c) {
      for (let j = 0; j < w; j++) {
        const t = out[c * w + j];
        out[c * w + j] = out[pivot * w + j];
        out[pivot * w + j] = t;
      }
    }
    const p = out[c * w + c];
    for (let j = 0; j < w; j++) out[c * w + j] /= p;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = out[r * w + c];
      for (let j = 0; j < w; j++) out[r * w + j] -= f * out[c * w + j];
    }
  }
  return true;
}

/** Σ residual² of the fit; the residuals are written to `out` when given. */
function sumSquaredResiduals(y: Float64Array, xs: readonly Regressor[], coef: readonly number[], out: Float64Array | undefined): number {
  let sse = 0;
  const c0 = coef[0];
  if (xs.length === 0) {
    for (let i = 0; i < y.length; i++) {
      const r = y[i] - (0 + c0);
      if (out) out[i] = r;
      sse += r ** 2;
    }
  } else if (xs.length === 1) {
    const x1 = xs[0].x;
    const c1 = coef[1];
    for (let i = 0; i < y.length; i++) {
      const r = y[i] - (0 + c0 + c1 * x1[i]);
      if (out) out[i] = r;
      sse += r ** 2;
    }
  } else {
    const x1 = xs[0].x;
    const x2 = xs[1].x;
    const c1 = coef[1];
    const c2 = coef[2];
    for (let i = 0; i < y.length; i++) {
      const r = y[i] - (0 + c0 + c1 * x1[i] + c2 * x2[i]);
      if (out) out[i] = r;
      sse += r ** 2;
    }
  }
  return sse;
}

function lag1(residuals: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < residuals.length; i++) {
    den += residuals[i] ** 2;
    if (i > 0) num += residuals[i] * residuals[i - 1];
  }
  return den > 0 ? num / den : 0;
}

interface Candidate { readonly type: DailyModelType; readonly bpH: number; readonly bpC: number }

function balanceGrid(p: DailyFitParams): number[] {
  const grid: number[] = [];
  for (let bp = p.balanceMinC; bp <= p.balanceMaxC + 1e-9; bp += p.balanceStepC) grid.push(Number(bp.toFixed(6)));
  return grid;
}

function candidates(grid: readonly number[]): Candidate[] {
  const list: Candidate[] = [{ type: 'intercept_only', bpH: Number.NaN, bpC: Number.NaN }];
  for (const bp of grid) list.push({ type: 'hdd_only', bpH: bp, bpC: Number.NaN }, { type: 'cdd_only', bpH: Number.NaN, bpC: bp });
  for (const h of grid) for (const c of grid) if (h <= c) list.push({ type: 'hdd_cdd', bpH: h, bpC: c });
  return list;
}

function regressorsOf(s: Shared, cand: Candidate): Regressor[] {
  const xs: Regressor[] = [];
  if (cand.type === 'hdd_only' || cand.type === 'hdd_cdd') xs.push(s.hdd.get(cand.bpH)!);
  if (cand.type === 'cdd_only' || cand.type === 'hdd_cdd') xs.push(s.cdd.get(cand.bpC)!);
  return xs;
}

/** The candidate's model without `rho` (NaN; filled in for the winner only), or undefined when rejected. */
function fitCandidate(s: Shared, cand: Candidate, p: DailyFitParams): DailyModel | undefined {
  const xs = regressorsOf(s, cand);
  // Degree-days are never negative: a regressor sums to 0 exactly when it is 0 on every day.
  if (xs.some((x) => x.sum === 0)) return undefined;
  const fit = ols(s, xs, cand.type === 'hdd_cdd' && cand.bpH <= cand.bpC);
  if (!fit) return undefined;
  for (let j = 1; j < fit.coef.length; j++) {
    if (!(fit.coef[j] > 0) || pValueNormal(fit.coef[j] / fit.se[j]) >= p.maxPValue) return undefined;
  }
  const { n, mean, sst } = s;
  const r2 = sst > 0 ? 1 - fit.sse / sst : 0;
  const k = xs.length;
  const hasH = cand.type === 'hdd_only' || cand.type === 'hdd_cdd';
  const hasC = cand.type === 'cdd_only' || cand.type === 'hdd_cdd';
  return {
    type: cand.type, intercept: fit.coef[0], betaHdd: hasH ? fit.coef[1] : 0, betaCdd: hasC ? fit.coef[hasH ? 2 : 1] : 0,
    balanceHddC: cand.bpH, balanceCddC: cand.bpC, r2, adjR2: 1 - ((1 - r2) * (n - 1)) / (n - k - 1),
    cvrmse: mean > 0 ? Math.sqrt(fit.sse / (n - k - 1)) / mean : Number.NaN, n, rho: Number.NaN,
  };
}

/** Days with both usage and temperature. */
function complete(data: DailyData): { y: Float64Array; t: Float64Array } {
  const keep: number[] = [];
  for (let i = 0; i < data.kwh.length; i++) if (Number.isFinite(data.kwh[i]) && Number.isFinite(data.temperatureC[i])) keep.push(i);
  return { y: Float64Array.from(keep, (i) => data.kwh[i]), t: Float64Array.from(keep, (i) => data.temperatureC[i]) };
}

/** Fits the CalTRACK daily model; throws when there are fewer than `minDays` complete days. */
export function fitDailyModel(data: DailyData, params: Partial<DailyFitParams> = {}): DailyModel {
  const p = { ...defaultDailyFitParams, ...params };
  if (data.kwh.length !== data.temperatureC.length) throw new ValidationError(`daily data: ${data.kwh.length} usage days but ${data.temperatureC.length} temperature days`);
  const { y, t } = complete(data);
  if (y.length < p.minDays) throw new ValidationError(`daily data: ${y.length} complete days, at least ${p.minDays} needed for a CalTRACK fit`, { days: y.length, required: p.minDays });
  const grid = balanceGrid(p);
  const s = shared(y, t, grid);
  let best: DailyModel | undefined;
  let bestCand: Candidate | undefined;
  let bestCoef: number[] = [];
  for (const cand of candidates(grid)) {
    const model = fitCandidate(s, cand, p);
    if (model && (!best || model.adjR2 > best.adjR2 + 1e-12)) {
      best = model;
      bestCand = cand;
      const hasH = cand.type === 'hdd_only' || cand.type === 'hdd_cdd';
      const hasC = cand.type === 'cdd_only' || cand.type === 'hdd_cdd';
      bestCoef = [model.intercept, ...(hasH ? [model.betaHdd] : []), ...(hasC ? [model.betaCdd] : [])];
    }
  }
  const residuals = new Float64Array(y.length);
  sumSquaredResiduals(y, regressorsOf(s, bestCand!), bestCoef, residuals);
  return { ...best!, rho: lag1(residuals) };
}

/** Predicted kWh per day at the given temperatures. */
export function predictDaily(model: DailyModel, temperatureC: Float64Array): Float64Array {
  return temperatureC.map((t) => model.intercept
    + (model.betaHdd ? model.betaHdd * hdd(t, model.balanceHddC) : 0)
    + (model.betaCdd ? model.betaCdd * cdd(t, model.balanceCddC) : 0));
}

/** Heating and cooling kWh the model attributes to the given days. */
export function weatherLoad(model: DailyModel, temperatureC: Float64Array): { heatingKwh: number; coolingKwh: number } {
  let heatingKwh = 0;
  let coolingKwh = 0;
  for (const t of temperatureC) {
    if (!Number.isFinite(t)) continue;
    if (model.betaHdd) heatingKwh += model.betaHdd * hdd(t, model.balanceHddC);
    if (model.betaCdd) coolingKwh += model.betaCdd * cdd(t, model.balanceCddC);
  }
  return { heatingKwh, coolingKwh };
}
