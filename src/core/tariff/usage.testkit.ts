import { epochDay, localMidnightUtc, MS_PER_DAY, MS_PER_MINUTE } from '../time/index.js';
import type { BillUsage } from './bill-engine.js';
import { offsetSegments } from './local-clock.js';

/** Local clock position of an interval start, for building synthetic usage in tests. */
export interface LocalSlot {
  /** Days since 1970-01-01 of the local date. */
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/**
 * Interval usage covering [periodStart, periodEnd) local dates; `kwhAt` gives the kWh of the
 * interval starting at a local slot. Local time comes from `offsetSegments` (tested against Intl
 * in local-clock.test.ts).
 */
export function syntheticUsage(
  periodStart: string,
  periodEnd: string,
  kwhAt: (slot: LocalSlot) => number,
  options: { timeZone?: string; intervalMinutes?: number } = {},
): BillUsage {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const intervalMinutes = options.intervalMinutes ?? 60;
  const startMs = localMidnightUtc(periodStart, timeZone);
  const count = Math.round((localMidnightUtc(periodEnd, timeZone) - startMs) / (intervalMinutes * MS_PER_MINUTE));
  const kwh = new Float64Array(count);
  const { startsMs, offsetsMs } = offsetSegments(timeZone, startMs, startMs + count * intervalMinutes * MS_PER_MINUTE);
  for (let i = 0; i < count; i++) {
    const t = startMs + i * intervalMinutes * MS_PER_MINUTE;
    const segment = startsMs.findLastIndex((s) => s <= t);
    const local = t + offsetsMs[segment];
    const day = Math.floor(local / MS_PER_DAY);
    const minuteOfDay = Math.round((local - day * MS_PER_DAY) / MS_PER_MINUTE);
    kwh[i] = kwhAt({ day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 });
  }
  return { startMs, intervalMinutes, kwh, timeZone };
}

/** Days in [start, end) of ISO local dates. */
export const daysBetween = (start: string, end: string): number => epochDay(end) - epochDay(start);

/**
 * Usage with `peakKwh` spread evenly over the Zhejiang residential peak hours (08-22) and
 * `valleyKwh` over the valley hours, hourly intervals.
 */
export function peakValleyUsage(periodStart: string, periodEnd: string, peakKwh: number, valleyKwh: number): BillUsage {
  const days = daysBetween(periodStart, periodEnd);
  const perPeakHour = peakKwh / (days * 14);
  const perValleyHour = valleyKwh / (days * 10);
  return syntheticUsage(periodStart, periodEnd, ({ hour }) => (hour >= 8 && hour < 22 ? perPeakHour : perValleyHour));
}
