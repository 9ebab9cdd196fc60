import { describe, expect, it } from 'vitest';
import { baselineMethod, baselineNames } from './baseline-registry.js';
import type { BaselineInput, ComputedBaseline } from './baseline.js';
import { FIRST_DAY, flatDays, simpleCalendar } from './dr-baselines.testkit.js';
import { XOfYBaseline } from './x-of-y-baseline.js';

// 28 days from Monday 2025-03-03; day d holds d + 1 kWh in every hour, except day 7 (a Monday) holds 100.
const value = (d: number) => (d === 7 ? 100 : d + 1);
const window = { startMinute: 17 * 60, endMinute: 20 * 60 };
const monday = FIRST_DAY + 21; // 2025-03-24
const sunday = FIRST_DAY + 20;

function run(name: string, input: Partial<BaselineInput> & { eventDay: number }, load = flatDays(28, value)): ComputedBaseline {
  const outcome = baselineMethod(name).compute({ load, window, ...input });
  if (outcome.kind !== 'baseline') throw new Error(`no baseline: ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('X-of-Y baselines (weekday event; comparison weekdays hold 19,18,17,16,15,12,11,10,9,100)', () => {
  it('averages the last 10 eligible weekdays (10-in-10)', () => {
    const b = run('pge-10-in-10', { eventDay: monday });
    expect(b.kwh[17]).toBeCloseTo(22.7, 10);
    expect(b.days).toEqual([18, 17, 16, 15, 14, 11, 10, 9, 8, 7].map((d) => FIRST_DAY + d));
    expect([b.startStep, b.endStep]).toEqual([17, 20]);
  });

  it('takes the 5 highest of 10 (PG&E) and the middle 8 of 10 (ERCOT)', () => {
    expect(run('pge-5-of-10', { eventDay: monday }).kwh[18]).toBeCloseTo((100 + 19 + 18 + 17 + 16) / 5, 10);
    expect(run('ercot-middle-8-of-10', { eventDay: monday }).kwh[18]).toBeCloseTo((227 - 100 - 9) / 8, 10);
  });

  it('uses weekends and holidays as one group: 3 highest of 5 for a Sunday event', () => {
    expect(run('pge-5-of-10', { eventDay: sunday }).kwh[17]).toBeCloseTo((20 + 14 + 13) / 3, 10);
    expect(run('pge-10-in-10', { eventDay: sunday }).kwh[17]).toBeCloseTo((20 + 14 + 13 + 7) / 4, 10);
  });

  it('skips holidays for a weekday event (Thursday 2025-03-20 is a holiday here)', () => {
    const load = flatDays(28, value, simpleCalendar([FIRST_DAY + 17]));
    const b = run('pge-10-in-10', { eventDay: monday }, load);
    expect(b.days).not.toContain(FIRST_DAY + 17);
    expect(b.kwh[17]).toBeCloseTo((19 + 17 + 16 + 15 + 12 + 11 + 10 + 9 + 100 + 5) / 10, 10);
  });

  it('excludes earlier event days and incomplete days, and reports too few days as a value', () => {
    const load = flatDays(28, value);
    load.day(16)[3] = Number.NaN;
    const b = run('pge-10-in-10', { eventDay: monday, excludedDays: new Set([FIRST_DAY + 18]) }, load);
    expect(b.days).toEqual([17, 15, 14, 11, 10, 9, 8, 7, 4, 3].map((d) => FIRST_DAY + d));
    const early = baselineMethod('pge-10-in-10').compute({ load, window, eventDay: FIRST_DAY + 10 });
    expect(early).toMatchObject({ kind: 'insufficient', reason: 'eligible-days', eligibleDays: 8, required: 10 });
  });
});

describe('day-of adjustments', () => {
  const withEventDay = (v: number) => flatDays(28, (d) => (d === 21 ? v : value(d)));

  it('MISO scales by the 3 hours before the event when within ±20%', () => {
    const b = run('miso-10-day', { eventDay: monday }, withEventDay(23));
    expect(b.adjustment).toMatchObject({ kind: 'multiplicative', capped: false });
    expect(b.adjustment.applied).toBeCloseTo(23 / 22.7, 12);
    expect(b.kwh[18]).toBeCloseTo(23, 10);
  });

  it('caps the CAISO additive and multiplicative adjustments at 20%', () => {
    const add = run('caiso-10-in-10', { eventDay: monday }, withEventDay(30));
    expect(add.adjustment).toMatchObject({ kind: 'additive', capped: true });
    expect(add.kwh[18]).toBeCloseTo(22.7 * 1.2, 10);
    const mult = run('caiso-10-in-10-mult', { eventDay: monday }, withEventDay(10));
    expect(mult.adjustment).toMatchObject({ kind: 'multiplicative', capped: true, applied: 0.8 });
    expect(mult.kwh[18]).toBeCloseTo(22.7 * 0.8, 10);
  });

  it('uses hours 4 to 2 before the start for CAISO: load in the last hour before the event is ignored', () => {
    const load = withEventDay(22.7);
    load.day(21)[16] = 1000;
    expect(run('caiso-10-in-10', { eventDay: monday }, load).kwh[18]).toBeCloseTo(22.7, 10);
    expect(run('miso-10-day', { eventDay: monday }, load).adjustment.capped).toBe(true);
  });
});

describe('weather-matched baseline', () => {
  it('picks the 5 days of 10 closest in temperature to the event day', () => {
    const temperature = new Float64Array(28).map((_, d) => (d === 21 ? 30 : d === 9 || d === 10 || d === 11 || d === 14 || d === 15 ? 29 : 20));
    const b = run('weather-matched-5-of-10', { eventDay: monday, dailyTemperature: temperature });
    expect([...b.days].sort()).toEqual([9, 10, 11, 14, 15].map((d) => FIRST_DAY + d).sort());
    expect(b.kwh[17]).toBeCloseTo((10 + 11 + 12 + 15 + 16) / 5, 10);
    expect(() => run('weather-matched-5-of-10', { eventDay: monday })).toThrow(/temperature/);
    const unknown = Float64Array.from(temperature, (t, d) => (d === 21 ? Number.NaN : t));
    expect(baselineMethod('weather-matched-5-of-10').compute({ load: flatDays(28, value), window, eventDay: monday, dailyTemperature: unknown })).toMatchObject({ kind: 'insufficient', reason: 'temperature' });
  });
});

describe('parameters and registry', () => {
  it('rejects inconsistent parameters by field', () => {
    expect(() => new XOfYBaseline('bad', '', { workday: { rule: 'highest', x: 6, y: 5 }, nonWorkday: { rule: 'average', x: 1, y: 1 } })).toThrow(/x must not exceed y/);
    expect(() => new XOfYBaseline('bad', '', { workday: { rule: 'middle', x: 7, y: 10 }, nonWorkday: { rule: 'average', x: 1, y: 1 } })).toThrow(/even/);
  });

  it('names every method and rejects an unknown one', () => {
    expect(baselineNames()).toEqual(expect.arrayContaining(['pge-5-of-10', 'miso-10-day', 'caiso-10-in-10', 'ercot-middle-8-of-10', 'previous-day']));
    expect(() => baselineMethod('nope')).toThrow(/known: pge-5-of-10/);
  });

  it('rejects an event window off the interval grid or across midnight', () => {
    const load = flatDays(28, value);
    expect(() => baselineMethod('pge-10-in-10').compute({ load, eventDay: monday, window: { startMinute: 17 * 60 + 30, endMinute: 20 * 60 } })).toThrow(/grid/);
    expect(() => baselineMethod('pge-10-in-10').compute({ load, eventDay: monday, window: { startMinute: 20 * 60, endMinute: 17 * 60 } })).toThrow(/crosses midnight/);
  });
});
