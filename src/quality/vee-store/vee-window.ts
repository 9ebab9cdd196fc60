import { ValidationError } from '../../core/errors.js';
import { MS_PER_MINUTE, epochDay, isoDateOfEpochDay, localMidnightUtc } from '../../core/time/index.js';

/** Local calendar days to validate, both included (`YYYY-MM-DD`). */
export interface VeeRange {
  readonly from: string;
  readonly to: string;
}

/** The slots of one meter channel over a range: `[startMs, endMs)` on the meter's interval grid. */
export interface SeriesWindow {
  readonly startMs: number;
  readonly endMs: number;
  readonly intervalMs: number;
  readonly length: number;
}

export function assertRange(range: VeeRange): void {
  if (epochDay(range.to) < epochDay(range.from)) throw new ValidationError(`range: --to ${range.to} is before --from ${range.from}`, { ...range });
}

/** Local midnight of `from` to local midnight after `to`, in the meter's time zone. */
export function seriesWindow(range: VeeRange, timeZone: string, intervalMinutes: number): SeriesWindow {
  const startMs = localMidnightUtc(range.from, timeZone);
  const endMs = localMidnightUtc(isoDateOfEpochDay(epochDay(range.to) + 1), timeZone);
  const intervalMs = intervalMinutes * MS_PER_MINUTE;
  return { startMs, endMs, intervalMs, length: Math.floor((endMs - startMs) / intervalMs) };
}

/** The local ISO date of a UTC instant with a fixed offset. */
export function localIsoDate(utcMs: number, offsetMinutes: number): string {
  return new Date(utcMs + offsetMinutes * MS_PER_MINUTE).toISOString().slice(0, 10);
}
