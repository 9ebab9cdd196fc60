import { fitDailyModel, weatherLoad, type DailyModel } from '../savings/index.js';

/**
 * Energy-efficiency diagnosis from a load decomposition: always-on base load (5th percentile of
 * hourly use), temperature-sensitive load (heating and cooling kWh of a CalTRACK daily fit), the
 * rest, and the peak. Tips are sized from the customer's own numbers: cutting always-on load by
 * a fifth; one degree on the cooling (heating) balance point, i.e. a thermostat one degree
 * higher in summer (lower in winter), re-evaluated on the year's temperatures.
 */

export interface EfficiencyParams {
  readonly baseQuantile: number;
  readonly alwaysOnCut: number;
  /** Always-on share of use above which the always-on tip is given. */
  readonly alwaysOnShare: number;
  /** Heating / cooling share of use above which a thermostat tip is given. */
  readonly weatherShare: number;
  readonly minSavings: number;
}

export const defaultEfficiency: EfficiencyParams = { baseQuantile: 0.05, alwaysOnCut: 0.2, alwaysOnShare: 0.25, weatherShare: 0.05, minSavings: 10 };

export interface LoadDecomposition {
  readonly totalKwh: number;
  readonly baseKw: number;
  readonly baseKwh: number;
  readonly heatingKwh: number;
  readonly coolingKwh: number;
  readonly otherKwh: number;
  readonly peakKw: number;
  readonly model: DailyModel | null;
}

export interface EfficiencyTip {
  readonly code: 'always_on' | 'cooling_setpoint' | 'heating_setpoint';
  readonly kwh: number;
  readonly cny: number;
  readonly zh: string;
  readonly en: string;
}

export interface EfficiencyInput {
  readonly hourlyKwh: Float64Array;
  readonly hourlyMaxKw: Float64Array;
  readonly dailyKwh: Float64Array;
  readonly dailyTemperatureC: Float64Array;
  /** Average price paid per kWh (annual bill / annual kWh). */
  readonly pricePerKwh: number;
}

/** Typed-array sort order: -0 before +0 (NaN never reaches it). */
const before = (a: number, b: number): boolean => a < b || (a === b && 1 / a < 1 / b);

/**
 * The value at index floor(q·n) of the ascending sort, found by quickselect (expected O(n)
 * instead of sorting a year of hours); NaN-bearing input falls back to the sort.
 */
export function quantile(values: Float64Array, q: number): number {
  const n = values.length;
  if (n === 0) return 0;
  const k = Math.min(n - 1, Math.floor(q * n));
  const a = Float64Array.from(values);
  if (a.some(Number.isNaN)) return a.sort()[k];
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot value.
    let x = a[lo];
    let y = a[mid];
    let z = a[hi];
    if (before(y, x)) [x, y] = [y, x];
    if (before(z, y)) [y, z] = [z, y];
    if (before(y, x)) [x, y] = [y, x];
    const pivot = y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (before(a[i], pivot)) i++;
      while (before(pivot, a[j])) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

export function decomposeLoad(input: EfficiencyInput, p: EfficiencyParams = defaultEfficiency): LoadDecomposition {
  let totalKwh = 0;
  let peakKw = 0;
  for (let i = 0; i < input.hourlyKwh.length; i++) {
    totalKwh += input.hourlyKwh[i];
    peakKw = Math.max(peakKw, input.hourlyMaxKw[i]);
  }
  const baseKw = quantile(input.hourlyKwh, p.baseQuantile);
  const baseKwh = baseKw * input.hourlyKwh.length;
  let model: DailyModel | null = null;
  try {
    model = fitDailyModel({ kwh: input.dailyKwh, temperatureC: input.dailyTemperatureC });
  } catch {
    model = null;
  }
  const { heatingKwh, coolingKwh } = model ? weatherLoad(model, input.dailyTemperatureC) : { heatingKwh: 0, coolingKwh: 0 };
  return { totalKwh, baseKw, baseKwh, heatingKwh, coolingKwh, otherKwh: Math.max(0, totalKwh - baseKwh - heatingKwh - coolingKwh), peakKw, model };
}

function setpointKwh(model: DailyModel, temps: Float64Array, kind: 'cooling' | 'heating'): number {
  let saved = 0;
  for (const t of temps) {
    if (!Number.isFinite(t)) continue;
    if (kind === 'cooling') saved += model.betaCdd * (Math.max(0, t - model.balanceCddC) - Math.max(0, t - model.balanceCddC - 1));
    else saved += model.betaHdd * (Math.max(0, model.balanceHddC - t) - Math.max(0, model.balanceHddC - 1 - t));
  }
  return saved;
}

const r0 = (v: number): string => String(Math.round(v));

/** Tips sized in kWh and money for the decomposed load. */
export function efficiencyTips(input: EfficiencyInput, d: LoadDecomposition, p: EfficiencyParams = defaultEfficiency): EfficiencyTip[] {
  const tips: EfficiencyTip[] = [];
  const price = input.pricePerKwh;
  if (d.totalKwh > 0 && d.baseKwh / d.totalKwh >= p.alwaysOnShare) {
    const kwh = d.baseKwh * p.alwaysOnCut;
    tips.push({
      code: 'always_on', kwh, cny: kwh * price,
      zh: `全天不间断用电约 ${d.baseKw.toFixed(2)} kW（占用电 ${r0((d.baseKwh / d.totalKwh) * 100)}%），减少五分之一待机和常开设备用电，每年约节电 ${r0(kwh)} kWh、省 ${r0(kwh * price)} 元`,
      en: `Always-on load is about ${d.baseKw.toFixed(2)} kW (${r0((d.baseKwh / d.totalKwh) * 100)}% of use); cutting standby and always-on devices by a fifth saves about ${r0(kwh)} kWh, ${r0(kwh * price)} CNY a year`,
    });
  }
  const m = d.model;
  if (m && d.totalKwh > 0 && d.coolingKwh / d.totalKwh >= p.weatherShare) {
    const kwh = setpointKwh(m, input.dailyTemperatureC, 'cooling');
    tips.push({
      code: 'cooling_setpoint', kwh, cny: kwh * price,
      zh: `制冷用电约 ${r0(d.coolingKwh)} kWh/年；空调温度调高 1°C，每年约节电 ${r0(kwh)} kWh、省 ${r0(kwh * price)} 元`,
      en: `Cooling uses about ${r0(d.coolingKwh)} kWh a year; setting the air conditioner 1 °C warmer saves about ${r0(kwh)} kWh, ${r0(kwh * price)} CNY a year`,
    });
  }
  if (m && d.totalKwh > 0 && d.heatingKwh / d.totalKwh >= p.weatherShare) {
    const kwh = setpointKwh(m, input.dailyTemperatureC, 'heating');
    tips.push({
      code: 'heating_setpoint', kwh, cny: kwh * price,
      zh: `采暖用电约 ${r0(d.heatingKwh)} kWh/年；采暖温度调低 1°C，每年约节电 ${r0(kwh)} kWh、省 ${r0(kwh * price)} 元`,
      en: `Heating uses about ${r0(d.heatingKwh)} kWh a year; heating 1 °C cooler saves about ${r0(kwh)} kWh, ${r0(kwh * price)} CNY a year`,
    });
  }
  return tips.filter((t) => t.cny >= p.minSavings);
}
