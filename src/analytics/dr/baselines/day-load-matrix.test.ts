import { describe, expect, it } from 'vitest';
import { DayKind } from '../../../core/time/index.js';
import { DayLoadMatrix } from './day-load-matrix.js';
import { FIRST_DAY, simpleCalendar } from './dr-baselines.testkit.js';

const utc = (iso: string) => Date.parse(iso);

describe('DayLoadMatrix', () => {
  it('places UTC readings on local days (UTC+8, 30-minute intervals)', () => {
    const ts = new Float64Array([utc('2025-03-02T16:00:00Z'), utc('2025-03-02T16:30:00Z'), utc('2025-03-04T15:30:00Z')]);
    const m = DayLoadMatrix.fromReadings({ ts, kwh: new Float64Array([1, 2, 3]) }, { intervalMinutes: 30, utcOffsetMinutes: 480, calendar: simpleCalendar() });
    expect([m.firstDay, m.days, m.stepsPerDay]).toEqual([FIRST_DAY, 2, 48]);
    expect([m.day(0)[0], m.day(0)[1], m.day(1)[47]]).toEqual([1, 2, 3]);
    expect(m.isComplete(0)).toBe(false);
    expect(m.dayKinds[0]).toBe(DayKind.workday);
  });

  it('aggregates to a coarser interval, keeping gaps as gaps', () => {
    const m = DayLoadMatrix.empty(FIRST_DAY, 1, 30, simpleCalendar());
    m.kwh.fill(1);
    m.kwh[5] = Number.NaN;
    const hourly = m.aggregate(60);
    expect([hourly.stepsPerDay, hourly.kwh[0], hourly.kwh[1], hourly.kwh[2]]).toEqual([24, 2, 2, Number.NaN]);
    expect(() => m.aggregate(45)).toThrow(/cannot aggregate/);
  });

  it('rejects off-grid and duplicate readings, and shapes that are not whole days', () => {
    const opts = { intervalMinutes: 30, utcOffsetMinutes: 480, calendar: simpleCalendar() };
    expect(() => DayLoadMatrix.fromReadings({ ts: new Float64Array([utc('2025-03-02T16:10:00Z')]), kwh: new Float64Array([1]) }, opts)).toThrow(/not on the 30-minute grid/);
    const twice = new Float64Array([utc('2025-03-02T16:00:00Z'), utc('2025-03-02T16:00:00Z')]);
    expect(() => DayLoadMatrix.fromReadings({ ts: twice, kwh: new Float64Array([1, 2]) }, opts)).toThrow(/two readings/);
    expect(() => new DayLoadMatrix(FIRST_DAY, 7, new Float64Array(10), new Uint8Array(1))).toThrow(/does not divide a day/);
    expect(() => new DayLoadMatrix(FIRST_DAY, 60, new Float64Array(30), new Uint8Array(1))).toThrow(/whole number/);
  });
});
