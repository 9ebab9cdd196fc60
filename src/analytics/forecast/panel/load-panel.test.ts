import { describe, expect, it } from 'vitest';
import { persistenceWeather } from './horizon-weather.js';
import { LoadPanel } from './load-panel.js';

const hours = (n: number) => Float64Array.from({ length: n }, (_, i) => Date.UTC(2025, 0, 1) + i * 3_600_000);

describe('LoadPanel', () => {
  it('rejects duplicate ids, ragged and infinite loads, off-grid timestamps', () => {
    const ts = hours(4);
    const ok = { timestamps: ts, intervalMinutes: 60, ids: ['A', 'B'], loads: [[1, 2, 3, 4], [5, 6, 7, 8]] };
    expect(new LoadPanel(ok).series(1).load[2]).toBe(7);
    expect(() => new LoadPanel({ ...ok, ids: ['A', 'A'] })).toThrow(/duplicate series id A/);
    expect(() => new LoadPanel({ ...ok, loads: [[1, 2, 3], [5, 6, 7, 8]] })).toThrow(/series A has 3 values/);
    expect(() => new LoadPanel({ ...ok, loads: [[1, 2, 3, 4], [5, Infinity, 7, 8]] })).toThrow(/series B is infinite at row 1/);
    expect(() => new LoadPanel({ ...ok, timestamps: [ts[0], ts[1], ts[3], ts[3] + 3_600_000] })).toThrow(/gap of 120 minutes/);
  });

  it('reads calendars in the panel time zone', () => {
    const panel = new LoadPanel({ timestamps: hours(2), intervalMinutes: 60, ids: ['A'], loads: [[1, 2]], timeZone: 'Asia/Shanghai' });
    expect(Array.from(panel.clock.minute)).toEqual([480, 540]);
  });
});

describe('persistenceWeather', () => {
  it('fills the horizon with the mean of the same hour over the previous days', () => {
    const values = Float64Array.from({ length: 4 * 24 }, (_, i) => (i % 24) + Math.floor(i / 24) * 10);
    const out = persistenceWeather(values, 72, 24, 24, 2);
    expect(out[72]).toBe(15); // mean of day 1 (10) and day 2 (20) at hour 0
    expect(out[95]).toBe(23 + 15);
    expect(out[71]).toBe(values[71]);
  });
});
