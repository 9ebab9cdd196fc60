import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.js';
import { generateLoad } from './load-generator.js';
import { dailyPeakKw, meanKwByHour } from './load-statistics.js';
import { generateCustomers, hangzhouContext, meanWhere } from './simulation.testkit.js';

const ctx = hangzhouContext();
const days = ctx.days;
const isWorkday = (t: number) => ctx.dayKind[t] === 0;

describe('residential working household', () => {
  it('peaks between 18:00 and 22:00 on weekdays, with a lower morning peak and a quiet daytime', () => {
    const customers = generateCustomers('residential_working', 30, ctx);
    let eveningPeaks = 0;
    const mean = new Array<number>(24).fill(0);
    for (const { series } of customers) {
      const byHour = meanKwByHour(ctx, series.consumptionKwh, isWorkday);
      const peakHour = byHour.indexOf(Math.max(...byHour));
      if (peakHour >= 18 && peakHour < 22) eveningPeaks++;
      byHour.forEach((kw, h) => { mean[h] += kw / customers.length; });
    }
    expect(eveningPeaks).toBeGreaterThanOrEqual(27);
    const peakHour = mean.indexOf(Math.max(...mean));
    expect(peakHour).toBeGreaterThanOrEqual(18);
    expect(peakHour).toBeLessThan(22);
    expect(Math.max(mean[7], mean[8])).toBeGreaterThan(1.5 * mean[11]);
    expect(mean[11]).toBeLessThan(0.4 * mean[peakHour]);
  });

  it('uses more power in the daytime at weekends and holidays than on workdays', () => {
    const [{ series }] = generateCustomers('residential_working', 1, ctx, 2);
    const midday = (t: number) => ctx.hourOfDay[t] >= 10 && ctx.hourOfDay[t] < 16;
    const restDay = meanWhere(series.consumptionKwh, (t) => midday(t) && ctx.dayKind[t] !== 0);
    const workday = meanWhere(series.consumptionKwh, (t) => midday(t) && ctx.dayKind[t] === 0);
    expect(restDay).toBeGreaterThan(1.4 * workday);
  });
});

describe('residential retired and night-shift households', () => {
  it('retired households use more of their energy in the daytime than working ones', () => {
    const daytimeShare = (name: 'residential_retired' | 'residential_working') => {
      const [{ series }] = generateCustomers(name, 1, ctx, 4);
      const byHour = meanKwByHour(ctx, series.consumptionKwh, isWorkday);
      return byHour.slice(9, 17).reduce((s, x) => s + x, 0) / byHour.reduce((s, x) => s + x, 0);
    };
    expect(daytimeShare('residential_retired')).toBeGreaterThan(daytimeShare('residential_working') + 0.08);
  });

  it('night-shift households peak late at night and sleep through the day', () => {
    const [{ series }] = generateCustomers('residential_night_shift', 1, ctx, 4);
    const byHour = meanKwByHour(ctx, series.consumptionKwh);
    const peakHour = byHour.indexOf(Math.max(...byHour));
    expect(peakHour >= 21 || peakHour <= 2).toBe(true);
    expect(byHour[12]).toBeLessThan(0.6 * byHour[peakHour]);
  });
});

describe('air-conditioning-heavy household', () => {
  const monthlyMeanPeak = (peaks: Float64Array, month: number) => meanWhere(peaks, (d) => days.month[d] === month);

  it('has higher daily peaks in July and January than in April and October, driven by temperature', () => {
    for (const { params, series } of generateCustomers('residential_ac_heavy', 10, ctx)) {
      const peaks = dailyPeakKw(ctx, series.consumptionKwh);
      const shoulder = (monthlyMeanPeak(peaks, 4) + monthlyMeanPeak(peaks, 10)) / 2;
      expect(monthlyMeanPeak(peaks, 7)).toBeGreaterThan(1.3 * shoulder);
      expect(monthlyMeanPeak(peaks, 1)).toBeGreaterThan(1.2 * shoulder);
      const noThermal = { ...params, thermal: { ...params.thermal, coolingKwPerC: 0, heatingKwPerC: 0 } };
      const flatPeaks = dailyPeakKw(ctx, generateLoad('residential_ac_heavy', noThermal, ctx, new Rng(5)).consumptionKwh);
      const flatShoulder = (monthlyMeanPeak(flatPeaks, 4) + monthlyMeanPeak(flatPeaks, 10)) / 2;
      expect(monthlyMeanPeak(flatPeaks, 7)).toBeLessThan(1.15 * flatShoulder);
    }
  });

  it('uses more energy on hotter summer days', () => {
    const [{ series }] = generateCustomers('residential_ac_heavy', 1, ctx, 7);
    const daily = new Float64Array(days.count);
    series.consumptionKwh.forEach((kwh, t) => { daily[ctx.dayIndex[t]] += kwh; });
    const summer = Array.from({ length: days.count }, (_, d) => d).filter((d) => days.month[d] >= 6 && days.month[d] <= 9);
    expect(correlation(summer.map((d) => days.meanTempC[d]), summer.map((d) => daily[d]))).toBeGreaterThan(0.6);
  });
});

describe('EV-owning household', () => {
  it('charges at 6.6–7 kW for 2–5 h on about 60% of days, mostly after 22:00', () => {
    generateCustomers('residential_ev', 10, ctx).forEach(({ params, series }, i) => {
      const withoutEv = generateLoad('residential_ev', { ...params, ev: undefined }, ctx, new Rng(99, i));
      const withEv = generateLoad('residential_ev', params, ctx, new Rng(99, i));
      const charging = withEv.consumptionKwh.map((kwh, t) => kwh - withoutEv.consumptionKwh[t]);
      const total = charging.reduce((s, x) => s + x, 0);
      const valley = sumWhere(charging, (t) => ctx.hourOfDay[t] >= 22 || ctx.hourOfDay[t] < 8);
      expect(valley / total).toBeGreaterThan(0.7);
      expect(Math.max(...charging) / ctx.stepHours).toBeLessThanOrEqual(params.ev!.chargerKw + 1e-6);
      const sessionsPerDay = total / days.count / (params.ev!.chargerKw * 3);
      expect(sessionsPerDay).toBeGreaterThan(0.3);
      expect(sessionsPerDay).toBeLessThan(0.85);
      expect(series.exportKwh).toBeNull();
    });
  });
});

describe('rooftop PV prosumer', () => {
  it('exports between 10:00 and 14:00 on sunny days and never at night', () => {
    for (const { params, series } of generateCustomers('residential_pv', 10, ctx)) {
      const exported = series.exportKwh!;
      expect(params.pv!.kwp).toBeGreaterThanOrEqual(3);
      expect(params.pv!.kwp).toBeLessThanOrEqual(8);
      const middayExport = new Float64Array(days.count);
      let nightExport = 0;
      let mismatch = 0;
      for (let t = 0; t < ctx.steps; t++) {
        const hour = ctx.hourOfDay[t];
        if (hour >= 10 && hour < 14) middayExport[ctx.dayIndex[t]] += exported[t];
        if (hour < 5 || hour >= 20) nightExport += exported[t];
        if (series.importKwh[t] > 0 && exported[t] > 0) mismatch++;
      }
      expect(nightExport).toBe(0);
      expect(mismatch).toBe(0);
      const sunny = Array.from({ length: days.count }, (_, d) => d).filter((d) => days.irradiationKwhM2[d] >= 5);
      expect(sunny.length).toBeGreaterThan(60);
      expect(sunny.filter((d) => middayExport[d] > 0).length).toBeGreaterThanOrEqual(0.95 * sunny.length);
    }
  });
});

function sumWhere(values: ArrayLike<number>, include: (i: number) => boolean): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) if (include(i)) sum += values[i];
  return sum;
}

function correlation(x: number[], y: number[]): number {
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  let sxy = 0, sxx = 0, syy = 0;
  x.forEach((v, i) => { sxy += (v - mx) * (y[i] - my); sxx += (v - mx) ** 2; syy += (y[i] - my) ** 2; });
  return sxy / Math.sqrt(sxx * syy);
}
