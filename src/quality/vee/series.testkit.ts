import { Channel } from '../../core/schemas/meter.js';
import { MS_PER_HOUR, localMidnightUtc } from '../../core/time/index.js';
import type { Flag } from './flag.js';
import { MeterSeries, type MeterSeriesInput, type SeriesContext } from './meter-series.js';
import type { VeeCheck } from './vee-check.js';
import { createVeeContext, type VeeContext } from './vee-context.js';
import { defaultVeeRules, mergeRules, type PartialVeeRules, type VeeRules } from './vee-rules.js';

/** Local midnight (Asia/Shanghai) of Monday 2024-03-04, the start of hand-made series. */
export const monday = localMidnightUtc('2024-03-04', 'Asia/Shanghai');
/** "Now" far after every hand-made series. */
export const later = Date.parse('2030-01-01T00:00:00Z');

export interface SeriesOptions extends Partial<Omit<MeterSeriesInput, 'values' | 'context'>> {
  readonly context?: SeriesContext;
}

/** A validated series from plain numbers (NaN = missing), hourly from `monday` unless told otherwise. */
export function makeSeries(values: readonly number[] | Float64Array, o: SeriesOptions = {}): MeterSeries {
  return new MeterSeries({
    meterId: 1, channel: Channel.import, startMs: monday, intervalMinutes: 60, timeZone: 'Asia/Shanghai', ...o,
    values: Float64Array.from(values), context: o.context ?? {},
  });
}

/** `days` days of a daily shape repeated: `shape(hour, day)` kWh per hourly slot. */
export function daily(days: number, shape: (hour: number, day: number) => number): number[] {
  return Array.from({ length: days * 24 }, (_, i) => shape(i % 24, Math.floor(i / 24)));
}

export function rulesWith(patch: PartialVeeRules): VeeRules {
  return mergeRules(defaultVeeRules, patch);
}

export function ctxOf(series: MeterSeries, nowMs = later): VeeContext {
  return createVeeContext(series, { nowMs });
}

export function check(fn: VeeCheck, series: MeterSeries, rules: VeeRules = defaultVeeRules, nowMs = later): Flag[] {
  return fn(series, rules, ctxOf(series, nowMs));
}

export const hour = MS_PER_HOUR;
