import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.js';
import { LoadSeries } from './load-series.js';

const H = 3_600_000;
const base = { intervalMinutes: 60, load: [1, 2, 3] };

describe('LoadSeries', () => {
  it('accepts a regular grid and answers row lookups', () => {
    const series = new LoadSeries({ ...base, timestamps: [0, H, 2 * H], exogenous: { temperature: [5, 6, 7] } });
    expect(series.length).toBe(3);
    expect(series.indexOf(2 * H)).toBe(2);
    expect(series.indexOf(H / 2)).toBe(-1);
    expect(series.indexOf(3 * H)).toBe(-1);
    expect(Array.from(series.column('temperature'))).toEqual([5, 6, 7]);
    expect(series.stepsPerHour).toBe(1);
  });

  it.each([
    ['unsorted', [0, 2 * H, H], /not sorted/],
    ['duplicate', [0, H, H], /duplicate timestamp/],
    ['gap', [0, H, 3 * H], /gap of 120 minutes/],
  ])('rejects %s timestamps', (_name, timestamps, message) => {
    expect(() => new LoadSeries({ ...base, timestamps })).toThrow(message);
  });

  it('rejects a bad interval, ragged or infinite columns, an unknown zone and missing columns', () => {
    const ts = [0, H, 2 * H];
    expect(() => new LoadSeries({ ...base, timestamps: ts, intervalMinutes: 7 })).toThrow(ValidationError);
    expect(() => new LoadSeries({ ...base, timestamps: ts, load: [1, 2] })).toThrow(/load has 2 values/);
    expect(() => new LoadSeries({ ...base, timestamps: ts, exogenous: { t: [1, Infinity, 2] } })).toThrow(/infinite/);
    expect(() => new LoadSeries({ ...base, timestamps: ts, timeZone: 'Mars/Olympus' })).toThrow(/time zone/);
    const series = new LoadSeries({ ...base, timestamps: ts });
    expect(() => series.column('temperature')).toThrow(/no column temperature/);
    expect(() => series.requireIndex(5 * H)).toThrow(ValidationError);
  });

  it('masks the load from a row on without touching the original', () => {
    const series = LoadSeries.regular(0, { intervalMinutes: 15, load: [1, 2, 3, 4] });
    const masked = series.maskLoadFrom(2);
    expect(Array.from(masked.load)).toEqual([1, 2, NaN, NaN]);
    expect(Array.from(series.load)).toEqual([1, 2, 3, 4]);
    expect(series.countKnownLoad()).toBe(4);
    expect(masked.countKnownLoad()).toBe(2);
    expect(Array.from(series.slice(1, 3).load)).toEqual([2, 3]);
  });
});
