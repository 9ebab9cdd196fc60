import { describe, expect, it } from 'vitest';
import { defaultDailyFitParams, fitDailyModel, pValueNormal, predictDaily, standardNormalCdf, type DailyData, type DailyModel, type DailyModelType } from './caltrack-daily.js';
import { measureSavings } from './avoided-energy.js';

/** Seeded Gaussian noise (Box-Muller over an LCG). */
function noise(seed: number): () => number {
  let s = seed;
  const u = () => ((s = (s * 1103515245 + 12345) % 2147483648) + 1) / 2147483649;
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** A Hangzhou-like year: 2..34 °C; usage 10 kWh + 0.8 per HDD(15 °C) + 1.2 per CDD(22 °C) + noise. */
function year(days: number, seed: number, scale = 1, offsetDays = 0) {
  const n = noise(seed);
  const temperatureC = Float64Array.from({ length: days }, (_, d) => 18 - 16 * Math.cos((2 * Math.PI * (d + offsetDays)) / 365) + 2 * n());
  const kwh = temperatureC.map((t) => scale * (10 + 0.8 * Math.max(0, 15 - t) + 1.2 * Math.max(0, t - 22)) + 0.8 * n());
  return { kwh, temperatureC };
}


/**
 * The plain per-candidate fit (one normal-equation OLS per candidate, every sum taken afresh):
 * fitDailyModel shares the sums between candidates and must give bit-for-bit the same model.
 */
function referenceFit(data: DailyData): DailyModel {
  const p = defaultDailyFitParams;
  const keep = [...data.kwh.keys()].filter((i) => Number.isFinite(data.kwh[i]) && Number.isFinite(data.temperatureC[i]));
  const y = Float64Array.from(keep, (i) => data.kwh[i]);
  const temps = Float64Array.from(keep, (i) => data.temperatureC[i]);
  const n = y.length;
  const invert = (m: number[][]): number[][] | undefined => {
    const k = m.length;
    const a = m.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
    for (let c = 0; c < k; c++) {
      let pivot = c;
      for (let r = c + 1; r < k; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
      if (Math.abs(a[pivot][c]) < 1e-12) return undefined;
      [a[c], a[pivot]] = [a[pivot], a[c]];
      const piv = a[c][c];
      for (let j = 0; j < 2 * k; j++) a[c][j] /= piv;
      for (let r = 0; r < k; r++) {
        if (r === c) continue;
        const f = a[r][c];
        for (let j = 0; j < 2 * k; j++) a[r][j] -= f * a[c][j];
      }
    }
    return a.map((row) => row.slice(k));
  };
  const grid: number[] = [];
  for (let bp = p.balanceMinC; bp <= p.balanceMaxC + 1e-9; bp += p.balanceStepC) grid.push(Number(bp.toFixed(6)));
  const cands: { type: DailyModelType; bpH: number; bpC: number }[] = [{ type: 'intercept_only', bpH: Number.NaN, bpC: Number.NaN }];
  for (const bp of grid) cands.push({ type: 'hdd_only', bpH: bp, bpC: Number.NaN }, { type: 'cdd_only', bpH: Number.NaN, bpC: bp });
  for (const h of grid) for (const c of grid) if (h <= c) cands.push({ type: 'hdd_cdd', bpH: h, bpC: c });
  let best: DailyModel | undefined;
  for (const cand of cands) {
    const hasH = cand.type === 'hdd_only' || cand.type === 'hdd_cdd';
    const hasC = cand.type === 'cdd_only' || cand.type === 'hdd_cdd';
    const xs: Float64Array[] = [];
    if (hasH) xs.push(temps.map((t) => Math.max(0, cand.bpH - t)));
    if (hasC) xs.push(temps.map((t) => Math.max(0, t - cand.bpC)));
    if (xs.some((x) => x.every((v) => v === 0))) continue;
    const k = xs.length + 1;
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
    if (!inv) continue;
    const coef = inv.map((row) => row.reduce((s, v, c) => s + v * b[c], 0));
    const residuals = new Float64Array(n);
    let sse = 0;
    for (let i = 0; i < n; i++) {
      let fitted = 0;
      for (let c = 0; c < k; c++) fitted += coef[c] * col(c, i);
      residuals[i] = y[i] - fitted;
      sse += residuals[i] ** 2;
    }
    const se = inv.map((row, j) => Math.sqrt((n > k ? sse / (n - k) : Number.NaN) * row[j]));
    if (coef.slice(1).some((v, j) => !(v > 0) || pValueNormal(v / se[j + 1]) >= p.maxPValue)) continue;
    const mean = y.reduce((s, v) => s + v, 0) / n;
    const sst = y.reduce((s, v) => s + (v - mean) ** 2, 0);
    const r2 = sst > 0 ? 1 - sse / sst : 0;
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      den += residuals[i] ** 2;
      if (i > 0) num += residuals[i] * residuals[i - 1];
    }
    const model: DailyModel = {
      type: cand.type, intercept: coef[0], betaHdd: hasH ? coef[1] : 0, betaCdd: hasC ? coef[hasH ? 2 : 1] : 0,
      balanceHddC: cand.bpH, balanceCddC: cand.bpC, r2, adjR2: 1 - ((1 - r2) * (n - 1)) / (n - k),
      cvrmse: mean > 0 ? Math.sqrt(sse / (n - k)) / mean : Number.NaN, n, rho: den > 0 ? num / den : 0,
    };
    if (!best || model.adjR2 > best.adjR2 + 1e-12) best = model;
  }
  return best!;
}

describe('CalTRACK daily model', () => {
  it('recovers HDD+CDD balance points and slopes from synthetic data', () => {
    const model = fitDailyModel(year(365, 11));
    expect(model.type).toBe('hdd_cdd');
    expect(Math.abs(model.balanceHddC - 15)).toBeLessThanOrEqual(1);
    expect(Math.abs(model.balanceCddC - 22)).toBeLessThanOrEqual(1);
    expect(model.betaHdd).toBeCloseTo(0.8, 1);
    expect(model.betaCdd).toBeCloseTo(1.2, 1);
    expect(model.adjR2).toBeGreaterThan(0.9);
  });

  it('falls back to intercept-only when usage does not depend on temperature', () => {
    const n = noise(3);
    const data = year(365, 5);
    const flat = { kwh: data.kwh.map(() => 12 + n()), temperatureC: data.temperatureC };
    const model = fitDailyModel(flat);
    expect(model.type).toBe('intercept_only');
    expect(model.intercept).toBeCloseTo(12, 0);
    expect(predictDaily(model, Float64Array.of(0, 40))).toEqual(Float64Array.of(model.intercept, model.intercept));
  });

  it('gives bit-for-bit the model of the plain per-candidate fit', () => {
    const heatingOnly = year(365, 41);
    const flatNoise = noise(43);
    const cases: DailyData[] = [
      year(365, 11),
      { kwh: heatingOnly.temperatureC.map((t) => 8 + 0.6 * Math.max(0, 12 - t) + flatNoise()), temperatureC: heatingOnly.temperatureC },
      { kwh: heatingOnly.temperatureC.map((t) => 5 + 2 * Math.max(0, t - 26) + 0.3 * flatNoise()), temperatureC: heatingOnly.temperatureC },
      { kwh: heatingOnly.kwh.map(() => 12 + flatNoise()), temperatureC: heatingOnly.temperatureC },
    ];
    const holes = year(365, 45);
    for (let d = 0; d < 40; d++) holes.kwh[d * 7] = Number.NaN;
    holes.temperatureC[3] = Number.NaN;
    cases.push(holes);
    const types = new Set<string>();
    for (const data of cases) {
      const model = fitDailyModel(data);
      types.add(model.type);
      expect(model).toEqual(referenceFit(data));
      expect(Number.isFinite(model.rho)).toBe(true);
    }
    expect([...types].sort()).toEqual(['cdd_only', 'hdd_cdd', 'hdd_only', 'intercept_only']);
  });

  it('Φ matches known values', () => {
    expect(standardNormalCdf(1.6449)).toBeCloseTo(0.95, 4);
    expect(standardNormalCdf(-1.96)).toBeCloseTo(0.025, 4);
  });
});

describe('avoided energy use', () => {
  it('measures an injected 15% saving within its stated uncertainty', () => {
    const baseline = year(365, 21);
    const reporting = year(180, 22, 0.85, 365);
    const truth = year(180, 22, 1, 365);
    const trueAvoided = truth.kwh.reduce((s, v) => s + v, 0) - reporting.kwh.reduce((s, v) => s + v, 0);
    const result = measureSavings(baseline, reporting);
    expect(result.savingsFraction).toBeGreaterThan(0.12);
    expect(result.savingsFraction).toBeLessThan(0.18);
    expect(Math.abs(result.avoidedKwh - trueAvoided)).toBeLessThan(result.uncertaintyKwh);
    expect(result.fsu).toBeLessThan(0.5);
  });

  it('finds no saving when nothing changed, and refuses a baseline with too many missing days', () => {
    const result = measureSavings(year(365, 31), year(120, 32, 1, 365));
    expect(Math.abs(result.savingsFraction)).toBeLessThan(0.03);
    const holes = year(365, 33);
    for (let d = 0; d < 60; d++) holes.kwh[d * 6] = Number.NaN;
    expect(() => measureSavings(holes, year(30, 34))).toThrow(/CalTRACK baseline: coverage 83.6% is below the required 90.0%/);
  });
});
