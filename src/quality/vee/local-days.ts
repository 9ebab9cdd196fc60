import { MS_PER_DAY, MS_PER_MINUTE, utcOffsetMinutes } from '../../core/time/index.js';

/**
 * The local calendar days a series covers. Day `d` (epoch day `firstEpochDay + d`) spans slots
 * `[start[d], start[d + 1])`; the first and last days may begin before slot 0 or end after the
 * series (`complete[d] = 0`). Days follow the time zone's offset, so DST days have 23 or 25 hours.
 */
export interface LocalDays {
  readonly firstEpochDay: number;
  readonly count: number;
  /** Nominal first slot of each day (count + 1 entries, possibly < 0 or > length). */
  readonly start: Int32Array;
  readonly complete: Uint8Array;
  /** Day number (0-based) of each slot. */
  readonly slotDay: Int32Array;
}

export function localDays(startMs: number, intervalMs: number, length: number, timeZone: string): LocalDays {
  const firstEpochDay = Math.floor((startMs + utcOffsetMinutes(timeZone, startMs) * MS_PER_MINUTE) / MS_PER_DAY);
  const bounds: number[] = [slotOfMidnight(firstEpochDay, startMs, intervalMs, timeZone)];
  while (bounds[bounds.length - 1] < length) bounds.push(slotOfMidnight(firstEpochDay + bounds.length, startMs, intervalMs, timeZone));
  const start = Int32Array.from(bounds);
  const count = start.length - 1;
  const complete = new Uint8Array(count);
  const slotDay = new Int32Array(length);
  for (let d = 0; d < count; d++) {
    complete[d] = start[d] >= 0 && start[d + 1] <= length ? 1 : 0;
    slotDay.fill(d, Math.max(0, start[d]), Math.min(length, start[d + 1]));
  }
  return { firstEpochDay, count, start, complete, slotDay };
}

/** First slot starting at or after local midnight of `epochDay`. */
function slotOfMidnight(epochDay: number, startMs: number, intervalMs: number, timeZone: string): number {
  const guess = epochDay * MS_PER_DAY;
  const first = guess - utcOffsetMinutes(timeZone, guess) * MS_PER_MINUTE;
  const utc = guess - utcOffsetMinutes(timeZone, first) * MS_PER_MINUTE;
  return Math.ceil((utc - startMs) / intervalMs);
}
