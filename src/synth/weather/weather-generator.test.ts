import { describe, expect, it } from 'vitest';
import { localMidnightUtc, MS_PER_HOUR } from '../../core/time/index.js';
import { hangzhouClimate } from './climate.js';
import { generateWeather, type WeatherSeries } from './weather-generator.js';

const zone = 'Asia/Shanghai';
const startMs = localMidnightUtc('2017-01-01', zone);
const years = 8;
const days = 2922; // 2017-01-01 .. 2024-12-31
const hourly = generateWeather({ seed: 11, startMs, days, stepMinutes: 60, climate: hangzhouClimate, timeZone: zone });

/** Local calendar fields of hourly step i (Asia/Shanghai is UTC+8 all year). */
function localOf(i: number): { year: number; month: number; hour: number; dayIndex: number } {
  const d = new Date(startMs + i * MS_PER_HOUR + 8 * MS_PER_HOUR);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), hour: d.getUTCHours(), dayIndex: Math.floor(i / 24) };
}

function dailyExtremes(series: WeatherSeries): { max: number[]; min: number[]; month: number[]; year: number[] } {
  const out = { max: [] as number[], min: [] as number[], month: [] as number[], year: [] as number[] };
  for (let d = 0; d < days; d++) {
    const slice = series.temperatureC.subarray(d * 24, d * 24 + 24);
    out.max.push(Math.max(...slice));
    out.min.push(Math.min(...slice));
    out.month.push(localOf(d * 24).month);
    out.year.push(localOf(d * 24).year);
  }
  return out;
}

describe('generateWeather (Hangzhou)', () => {
  it('reproduces the monthly mean temperatures within ±1.5 °C over a multi-year run', () => {
    const sums = new Array<number>(12).fill(0);
    const counts = new Array<number>(12).fill(0);
    hourly.temperatureC.forEach((t, i) => { const { month } = localOf(i); sums[month] += t; counts[month]++; });
    sums.forEach((sum, m) => expect(Math.abs(sum / counts[m] - hangzhouClimate.monthlyMeanC[m])).toBeLessThan(1.5));
  });

  it('has its daily minimum near 05:00 and maximum near 14:00 with a 6–10 °C range', () => {
    const byHour = new Array<number>(24).fill(0);
    hourly.temperatureC.forEach((t, i) => { byHour[localOf(i).hour] += t; });
    const coldest = byHour.indexOf(Math.min(...byHour));
    const warmest = byHour.indexOf(Math.max(...byHour));
    expect(coldest).toBeGreaterThanOrEqual(4);
    expect(coldest).toBeLessThanOrEqual(6);
    expect(warmest).toBeGreaterThanOrEqual(13);
    expect(warmest).toBeLessThanOrEqual(15);
    const { max, min } = dailyExtremes(hourly);
    const meanRange = max.reduce((s, x, d) => s + x - min[d], 0) / days;
    expect(meanRange).toBeGreaterThan(6);
    expect(meanRange).toBeLessThan(10);
  });

  it('brings heat waves of 38–40 °C in most summers and frost in most winters', () => {
    const { max, min, month, year } = dailyExtremes(hourly);
    let hotSummers = 0;
    let frostyWinters = 0;
    for (let y = 2017; y < 2017 + years; y++) {
      const summerMax = Math.max(...max.filter((_, d) => year[d] === y && (month[d] === 6 || month[d] === 7)));
      const winterMin = Math.min(...min.filter((_, d) => year[d] === y && (month[d] <= 1 || month[d] === 11)));
      if (summerMax >= 37.5) hotSummers++;
      if (winterMin < 0) frostyWinters++;
      expect(summerMax).toBeLessThan(42);
    }
    expect(hotSummers).toBeGreaterThanOrEqual(years / 2);
    expect(frostyWinters).toBeGreaterThanOrEqual(years / 2);
  });

  it('is dark at night, cloudier in the June plum rain than in July, and ~1,300 kWh/m² a year', () => {
    const byMonth = new Array<number>(12).fill(0);
    let nightMax = 0;
    hourly.irradianceWm2.forEach((g, i) => {
      const { month, hour } = localOf(i);
      byMonth[month] += g;
      if (hour <= 3 || hour >= 21) nightMax = Math.max(nightMax, g);
    });
    expect(nightMax).toBe(0);
    expect(byMonth[5] / 30).toBeLessThan((0.85 * byMonth[6]) / 31);
    const annualKwhM2 = byMonth.reduce((s, x) => s + x, 0) / 1000 / years;
    expect(annualKwhM2).toBeGreaterThan(1100);
    expect(annualKwhM2).toBeLessThan(1500);
    expect(Math.max(...hourly.irradianceWm2)).toBeLessThan(1100);
  });

  it('keeps relative humidity in 15–100 % around a humid-subtropical mean', () => {
    const mean = hourly.humidity.reduce((s, x) => s + x, 0) / hourly.humidity.length;
    expect(Math.min(...hourly.humidity)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...hourly.humidity)).toBeLessThanOrEqual(100);
    expect(mean).toBeGreaterThan(65);
    expect(mean).toBeLessThan(85);
  });

  it('is deterministic from the seed', () => {
    const options = { startMs, days: 20, stepMinutes: 15, climate: hangzhouClimate, timeZone: zone };
    const a = generateWeather({ ...options, seed: 5 });
    const b = generateWeather({ ...options, seed: 5 });
    const c = generateWeather({ ...options, seed: 6 });
    expect(a.temperatureC.length).toBe(20 * 96);
    expect(b.temperatureC).toEqual(a.temperatureC);
    expect(b.irradianceWm2).toEqual(a.irradianceWm2);
    expect(c.temperatureC).not.toEqual(a.temperatureC);
  });

  it('handles daylight-saving zones and rejects a step that does not divide the day', () => {
    const berlin = generateWeather({
      seed: 1, startMs: localMidnightUtc('2024-03-30', 'Europe/Berlin'), days: 3, stepMinutes: 30,
      climate: hangzhouClimate, timeZone: 'Europe/Berlin',
    });
    expect(berlin.temperatureC.every(Number.isFinite)).toBe(true);
    expect(() => generateWeather({ seed: 1, startMs, days: 1, stepMinutes: 7, climate: hangzhouClimate, timeZone: zone })).toThrow(/divide/);
  });
});
