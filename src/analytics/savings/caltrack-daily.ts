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

interface Fit { readonly coef: number[]; readonly se: number[]; readonly sse: number; readonly residuals: Float64Array }

/** Ordinary least squares of y on [1, x1, x2...] via the normal equations (at most 3 columns). */
function ols(y: Float64Array, xs: Float64Array[]): Fit | undefined {
  const k = xs.length + 1;
  const n = y.length;
  const col = (j: number, i: number) => (j === 0 ? 1 : xs[j - 1][i]);
  const a = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const b = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < k; r++) {
      b[r] += col(r, i) * y[i];
      for (let c = 0; c < k; c++) a[r][c] += col(r, i) * col(c, i);
    }
  }
  const inv = invert(a);
  if (!inv) return undefined;
  const coef = inv.map((row) => row.reduce((s, v, c) => s + v * b[c], 0));
  const residuals = new Float64Array(n);
  let sse = 0;
  for (let i = 0; i < n; i++) {
    let fitted = 0;
    for (let c = 0; c < k; c++) fitted += coef[c] * col(c, i);
    residuals[i] = y[i] - fitted;
    sse += residuals[i] ** 2;
  }
  const sigma2 = n > k ? sse / (n - k) : Number.NaN;
  return { coef, se: inv.map((row, j) => Math.sqrt(sigma2 * row[j])), sse, residuals };
}

/** Gauss-Jordan inverse of a small matrix; undefined when singular. */
function invert(m: number[][]): number[][] | undefined {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    if (Math.abs(a[pivot][c]) < 1e-12) return undefined;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    const p = a[c][c];
    for (let j = 0; j < 2 * n; j++) a[c][j] /= p;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c];
      for (let j = 0; j < 2 * n; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((row) => row.slice(n));
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

function candidates(p: DailyFitParams): Candidate[] {
  const grid: number[] = [];
  for (let bp = p.balanceMinC; bp <= p.balanceMaxC + 1e-9; bp += p.balanceStepC) grid.push(Number(bp.toFixed(6)));
  const list: Candidate[] = [{ type: 'intercept_only', bpH: Number.NaN, bpC: Number.NaN }];
  for (const bp of grid) list.push({ type: 'hdd_only', bpH: bp, bpC: Number.NaN }, { type: 'cdd_only', bpH: Number.NaN, bpC: bp });
  for (const h of grid) for (const c of grid) if (h <= c) list.push({ type: 'hdd_cdd', bpH: h, bpC: c });
  return list;
}

function fitCandidate(y: Float64Array, temps: Float64Array, cand: Candidate, p: DailyFitParams): DailyModel | undefined {
  const xs: Float64Array[] = [];
  if (cand.type === 'hdd_only' || cand.type === 'hdd_cdd') xs.push(temps.map((t) => hdd(t, cand.bpH)));
  if (cand.type === 'cdd_only' || cand.type === 'hdd_cdd') xs.push(temps.map((t) => cdd(t, cand.bpC)));
  if (xs.some((x) => x.every((v) => v === 0))) return undefined;
  const fit = ols(y, xs);
  if (!fit) return undefined;
  for (let j = 1; j < fit.coef.length; j++) {
    if (!(fit.coef[j] > 0) || pValueNormal(fit.coef[j] / fit.se[j]) >= p.maxPValue) return undefined;
  }
  const n = y.length;
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const sst = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  const r2 = sst > 0 ? 1 - fit.sse / sst : 0;
  const k = xs.length;
  const hasH = cand.type === 'hdd_only' || cand.type === 'hdd_cdd';
  const hasC = cand.type === 'cdd_only' || cand.type === 'hdd_cdd';
  return {
    type: cand.type, intercept: fit.coef[0], betaHdd: hasH ? fit.coef[1] : 0, betaCdd: hasC ? fit.coef[hasH ? 2 : 1] : 0,
    balanceHddC: cand.bpH, balanceCddC: cand.bpC, r2, adjR2: 1 - ((1 - r2) * (n - 1)) / (n - k - 1),
    cvrmse: mean > 0 ? Math.sqrt(fit.sse / (n - k - 1)) / mean : Number.NaN, n, rho: lag1(fit.residuals),
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
  let best: DailyModel | undefined;
  for (const cand of candidates(p)) {
    const model = fitCandidate(y, t, cand, p);
    if (model && (!best || model.adjR2 > best.adjR2 + 1e-12)) best = model;
  }
  return best!;
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
