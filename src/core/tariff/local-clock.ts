import { MS_PER_DAY, MS_PER_MINUTE, utcOffsetMinutes } from '../time/index.js';

/**
 * Local wall-clock arithmetic for billing loops without per-interval Date objects: the UTC offset
 * as piecewise-constant segments over a window, and the civil month of an epoch day.
 */

/** Offset of local time from UTC over a window: `offsetsMs[i]` applies from `startsMs[i]` on. */
export interface OffsetSegments {
  readonly startsMs: readonly number[];
  readonly offsetsMs: readonly number[];
}

const offsetMs = (timeZone: string, utcMs: number): number => utcOffsetMinutes(timeZone, utcMs) * MS_PER_MINUTE;

/** First minute in (lowMs, highMs] whose offset differs from the offset at lowMs. */
function findChange(timeZone: string, lowMs: number, highMs: number, before: number): number {
  let low = lowMs;
  let high = highMs;
  while (high - low > MS_PER_MINUTE) {
    const mid = low + Math.floor((high - low) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
    if (offsetMs(timeZone, mid) === before) low = mid;
    else high = mid;
  }
  return high;
}

const segmentCache = new Map<string, OffsetSegments>();
const SEGMENT_CACHE_SIZE = 256;

/**
 * Offset segments over [fromMs, toMs), memoised: bills of many meters share a window, and offsets
 * of zones with daylight saving time come from Intl, which is slow.
 */
export function offsetSegments(timeZone: string, fromMs: number, toMs: number): OffsetSegments {
  const key = `${timeZone}|${fromMs}|${toMs}`;
  let segments = segmentCache.get(key);
  if (!segments) {
    segments = sampleOffsets(timeZone, fromMs, toMs);
    if (segmentCache.size >= SEGMENT_CACHE_SIZE) segmentCache.delete(segmentCache.keys().next().value as string);
    segmentCache.set(key, segments);
  }
  return segments;
}

/**
 * Samples the offset once a day and bisects to the minute where it changes. Zones never change
 * offset twice within a day, so no transition is missed.
 */
function sampleOffsets(timeZone: string, fromMs: number, toMs: number): OffsetSegments {
  const startsMs = [fromMs];
  const offsetsMs = [offsetMs(timeZone, fromMs)];
  for (let t = fromMs; t < toMs; t += MS_PER_DAY) {
    const next = Math.min(t + MS_PER_DAY, toMs);
    const before = offsetsMs[offsetsMs.length - 1];
    const after = offsetMs(timeZone, next);
    if (after === before) continue;
    startsMs.push(findChange(timeZone, t, next, before));
    offsetsMs.push(after);
  }
  return { startsMs, offsetsMs };
}

/** Civil year and month (0-11) of days since 1970-01-01 (H. Hinnant's days-to-civil algorithm). */
export function civilMonthOfEpochDay(day: number): { year: number; month: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 2 : mp - 10;
  const year = yoe + era * 400 + (month <= 1 ? 1 : 0);
  return { year, month };
}
