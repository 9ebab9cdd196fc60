import { describe, expect, it } from 'vitest';
import { DayKind, epochDay, localMidnightUtc, WorkCalendar } from '../../core/time/index.js';
import { hangzhouClimate } from '../weather/climate.js';
import { generateWeather } from '../weather/weather-generator.js';
import { FestivalCode } from './day-table.js';
import { buildSimulationContext } from './simulation-context.js';

const zone = 'Asia/Shanghai';
const startMs = localMidnightUtc('2024-02-01', zone);
const weather = generateWeather({ seed: 1, startMs, days: 40, stepMinutes: 60, climate: hangzhouClimate, timeZone: zone });
const calendar = new WorkCalendar();

describe('buildSimulationContext', () => {
  const ctx = buildSimulationContext({ startMs, days: 40, stepMinutes: 15, timeZone: zone, weather, calendar });

  it('lays out local slots, days and calendar facts per interval', () => {
    expect(ctx.steps).toBe(40 * 96);
    expect(ctx.days.count).toBe(40);
    expect(ctx.slot[0]).toBe(0);
    expect(ctx.hourOfDay[4 * 13 + 2]).toBeCloseTo(13.5, 5);
    expect(ctx.localEpochDay[96 * 9]).toBe(epochDay('2024-02-10'));
    expect(ctx.daysFromLunarNewYear[96 * 9]).toBe(0);
    expect(ctx.dayKind[96 * 9]).toBe(DayKind.holiday);
    expect(ctx.days.festival[9]).toBe(FestivalCode.spring_festival);
    expect(ctx.dayKind[96 * 3]).toBe(DayKind.workday); // Sunday 4 February 2024 was a 调休 working day
    expect(ctx.days.weekday[3]).toBe(0);
    expect(ctx.month[96 * 30]).toBe(3);
    expect(ctx.days.firstStep[5]).toBe(5 * 96);
  });

  it('resamples hourly weather onto the 15-minute grid and sums daily irradiation', () => {
    const hourMean = (ctx.temperatureC[40] + ctx.temperatureC[41] + ctx.temperatureC[42] + ctx.temperatureC[43]) / 4;
    expect(hourMean).toBeCloseTo(weather.temperatureC[10], 0);
    const daily = Array.from(weather.irradianceWm2.subarray(24, 48)).reduce((s, g) => s + g, 0) / 1000;
    expect(ctx.days.irradiationKwhM2[1]).toBeCloseTo(daily, 1);
    expect(ctx.days.maxTempC[1]).toBeGreaterThan(ctx.days.meanTempC[1]);
  });

  it('rejects unsupported steps and weather that does not cover the run', () => {
    expect(() => buildSimulationContext({ startMs, days: 40, stepMinutes: 10, timeZone: zone, weather, calendar })).toThrow(/stepMinutes/);
    expect(() => buildSimulationContext({ startMs, days: 41, stepMinutes: 15, timeZone: zone, weather, calendar })).toThrow(/cover/);
  });

  it('follows local clocks through daylight-saving changes', () => {
    const berlinStart = localMidnightUtc('2024-03-30', 'Europe/Berlin');
    const berlinWeather = generateWeather({ seed: 1, startMs: berlinStart, days: 3, stepMinutes: 60, climate: hangzhouClimate, timeZone: 'Europe/Berlin' });
    const berlin = buildSimulationContext({ startMs: berlinStart, days: 3, stepMinutes: 60, timeZone: 'Europe/Berlin', weather: berlinWeather, calendar });
    expect(berlin.hourOfDay[24 + 2]).toBe(3); // 31 March: 02:00 does not exist
    expect(berlin.days.firstStep[2]).toBe(47);
  });
});
