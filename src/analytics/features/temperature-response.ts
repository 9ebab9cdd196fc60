/**
 * CalTRACK-style daily temperature response (DOMAIN.md section 4): usage per day = μ + βH·HDD(bpH) +
 * βC·CDD(bpC), balance points searched over whole °C from −1 to 32 (30–90 °F, steps under 3 °F);
 * candidates intercept-only, HDD-only, CDD-only and HDD+CDD; a candidate is kept only if its slopes
 * are positive and significant (|t| ≥ 1.645, p < 0.1) and it has at least 10 days with non-zero
 * degree-days and 20 degree-days in total; the best adjusted R² wins.
 *
 * The fit works on sufficient statistics per 1 °C temperature bin ([b, b+1)), which the warehouse
 * aggregates; with whole-degree balance points the degree-day sums are exact.
 */

/** Per-bin sums of one customer's days: bin b holds the days with mean temperature in [b, b+1) °C. */
export interface TemperatureBins {
  readonly bin: ArrayLike<number>;
  readonly n: ArrayLike<number>;
  readonly sumT: ArrayLike<number>;
  readonly sumT2: ArrayLike<number>;
  readonly sumY: ArrayLike<number>;
  readonly sumY2: ArrayLike<number>;
  readonly sumTY: ArrayLike<number>;
}

export type TemperatureModelKind = 'intercept' | 'hdd' | 'cdd' | 'hdd_cdd';

export interface TemperatureResponse {
  readonly model: TemperatureModelKind;
  readonly intercept: number;
  readonly heatingBalanceC: number | null;
  readonly heatingSlope: number | null;
  readonly coolingBalanceC: number | null;
  readonly coolingSlope: number | null;
  readonly adjR2: number;
  readonly days: number;
  /** Share of the mean day's usage explained by heating and cooling degree-days. */
  readonly sensitiveShare: number;
}

export const BALANCE_MIN_C = -1;
export const BALANCE_MAX_C = 32;
const T_CRITICAL = 1.645;
const MIN_DD_DAYS = 10;
const MIN_DD_TOTAL = 20;
const ADJ_R2_TIE = 1e-9;

interface Side {
  n: number; t: number; t2: number; y: number; ty: number;
}

/** Fits the CalTRACK candidates; null when there are fewer than 3 days. */
export function fitTemperatureResponse(bins: TemperatureBins, minBalanceC = BALANCE_MIN_C, maxBalanceC = BALANCE_MAX_C): TemperatureResponse | null {
  const order = Array.from({ length: bins.bin.length }, (_, i) => i).sort((a, b) => bins.bin[a] - bins.bin[b]);
  let N = 0, T = 0, T2 = 0, Y = 0, Y2 = 0, TY = 0;
  for (const i of order) {
    N += bins.n[i]; T += bins.sumT[i]; T2 += bins.sumT2[i]; Y += bins.sumY[i]; Y2 += bins.sumY2[i]; TY += bins.sumTY[i];
  }
  if (N < 3) return null;
  const syy = Y2 - (Y * Y) / N;
  const meanY = Y / N;
  let best: TemperatureResponse = {
    model: 'intercept', intercept: meanY, heatingBalanceC: null, heatingSlope: null, coolingBalanceC: null, coolingSlope: null,
    adjR2: 0, days: N, sensitiveShare: 0,
  };
  if (!(syy > 0)) return best;
  // below[k]: sums over the days colder than balance point bp = minBalanceC + k.
  const points = maxBalanceC - minBalanceC + 1;
  const below: Side[] = [];
  let j = 0;
  const acc: Side = { n: 0, t: 0, t2: 0, y: 0, ty: 0 };
  for (let k = 0; k < points; k++) {
    const bp = minBalanceC + k;
    while (j < order.length && bins.bin[order[j]] < bp) {
      const i = order[j++];
      acc.n += bins.n[i]; acc.t += bins.sumT[i]; acc.t2 += bins.sumT2[i]; acc.y += bins.sumY[i]; acc.ty += bins.sumTY[i];
    }
    below.push({ ...acc });
  }
  // Degree-day sums for a balance point.
  const heating = (k: number) => {
    const bp = minBalanceC + k, s = below[k];
    return { days: s.n, x: bp * s.n - s.t, x2: bp * bp * s.n - 2 * bp * s.t + s.t2, xy: bp * s.y - s.ty };
  };
  const cooling = (k: number) => {
    const bp = minBalanceC + k, s = below[k];
    const n = N - s.n, t = T - s.t, t2 = T2 - s.t2, y = Y - s.y, ty = TY - s.ty;
    // days exactly at bp have CDD 0; they sit in the bin bp and count as days with zero CDD here only when T = bp
    return { days: n, x: t - bp * n, x2: t2 - 2 * bp * t + bp * bp * n, xy: ty - bp * y };
  };
  const adj = (sse: number, p: number) => 1 - (sse / syy) * ((N - 1) / (N - p - 1));
  // Candidates come in a fixed order and must beat the best by more than rounding noise, so that sums
  // aggregated in a different order (parallel warehouse, incremental runs) choose the same model.
  const consider = (candidate: TemperatureResponse) => {
    if (candidate.adjR2 > best.adjR2 + ADJ_R2_TIE) best = candidate;
  };
  const single = (kind: 'hdd' | 'cdd', k: number) => {
    const d = kind === 'hdd' ? heating(k) : cooling(k);
    if (d.days < MIN_DD_DAYS || d.x < MIN_DD_TOTAL || N < 4) return;
    const sxx = d.x2 - (d.x * d.x) / N;
    const sxy = d.xy - (d.x * Y) / N;
    if (!(sxx > 0)) return;
    const beta = sxy / sxx;
    const sse = Math.max(0, syy - beta * sxy);
    const se = Math.sqrt(sse / (N - 2) / sxx);
    if (!(beta > 0) || beta / se < T_CRITICAL) return;
    const intercept = (Y - beta * d.x) / N;
    const bp = minBalanceC + k;
    consider({
      model: kind, intercept, heatingBalanceC: kind === 'hdd' ? bp : null, heatingSlope: kind === 'hdd' ? beta : null,
      coolingBalanceC: kind === 'cdd' ? bp : null, coolingSlope: kind === 'cdd' ? beta : null, adjR2: adj(sse, 1), days: N,
      sensitiveShare: meanY > 0 ? (beta * d.x) / N / meanY : 0,
    });
  };
  for (let k = 0; k < points; k++) {
    single('hdd', k);
    single('cdd', k);
  }
  if (N >= 5) {
    for (let kh = 0; kh < points; kh++) {
      const h = heating(kh);
      if (h.days < MIN_DD_DAYS || h.x < MIN_DD_TOTAL) continue;
      for (let kc = kh; kc < points; kc++) {
        const c = cooling(kc);
        if (c.days < MIN_DD_DAYS || c.x < MIN_DD_TOTAL) continue;
        // HDD and CDD are never both non-zero on a day when bpH ≤ bpC, so Σ h·c = 0.
        const shh = h.x2 - (h.x * h.x) / N, scc = c.x2 - (c.x * c.x) / N, shc = -(h.x * c.x) / N;
        const shy = h.xy - (h.x * Y) / N, scy = c.xy - (c.x * Y) / N;
        const det = shh * scc - shc * shc;
        if (!(det > 0)) continue;
        const bh = (scc * shy - shc * scy) / det;
        const bc = (shh * scy - shc * shy) / det;
        if (!(bh > 0 && bc > 0)) continue;
        const sse = Math.max(0, syy - bh * shy - bc * scy);
        const s2 = sse / (N - 3);
        const seH = Math.sqrt((s2 * scc) / det), seC = Math.sqrt((s2 * shh) / det);
        if (bh / seH < T_CRITICAL || bc / seC < T_CRITICAL) continue;
        consider({
          model: 'hdd_cdd', intercept: (Y - bh * h.x - bc * c.x) / N, heatingBalanceC: minBalanceC + kh, heatingSlope: bh,
          coolingBalanceC: minBalanceC + kc, coolingSlope: bc, adjR2: adj(sse, 2), days: N,
          sensitiveShare: meanY > 0 ? (bh * h.x + bc * c.x) / N / meanY : 0,
        });
      }
    }
  }
  return best;
}

/** Bins daily (temperature, usage) pairs: the pure counterpart of the warehouse aggregation. */
export function binDays(temperatureC: ArrayLike<number>, usage: ArrayLike<number>): TemperatureBins {
  const map = new Map<number, number[]>();
  for (let i = 0; i < temperatureC.length; i++) {
    const t = temperatureC[i], y = usage[i];
    if (!Number.isFinite(t) || !Number.isFinite(y)) continue;
    const b = Math.floor(t);
    const s = map.get(b) ?? [0, 0, 0, 0, 0, 0];
    s[0] += 1; s[1] += t; s[2] += t * t; s[3] += y; s[4] += y * y; s[5] += t * y;
    map.set(b, s);
  }
  const keys = [...map.keys()];
  const col = (c: number) => keys.map((k) => map.get(k)![c]);
  return { bin: keys, n: col(0), sumT: col(1), sumT2: col(2), sumY: col(3), sumY2: col(4), sumTY: col(5) };
}
