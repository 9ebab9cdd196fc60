import { LocalClock } from './local-time.js';

const DAY_S = 86_400;
const WEEK_S = 7 * DAY_S;
/** The margin `LocalClock` looks beyond a naive day to decide whether its offset is constant. */
const MARGIN_S = 15 * 3_600;
const BUCKET_S = 900;
export const BUCKETS_PER_DAY = DAY_S / BUCKET_S;

/** First and last (excluded) naive local day covered, as epoch days: 1970-01-01 to 2100-01-01. */
export const ZONE_FIRST_DAY = 0;
export const ZONE_END_DAY = Date.UTC(2100, 0, 1) / 86_400_000;

/**
 * The UTC offsets `LocalClock` gives for each naive local day of a zone, as data the warehouse can
 * join: one offset per day where it is constant, and on the days around a transition one offset per
 * 15-minute bucket (null inside a daylight-saving gap). Same rules as `LocalClock.toUtc`, computed
 * from the zone's transitions instead of two Intl look-ups per day.
 */
export interface ZoneDays {
  readonly timeZone: string;
  /** Offset in seconds per day from `ZONE_FIRST_DAY`; null on transition days. */
  readonly offsets: readonly (number | null)[];
  /** Transition days (epoch day) → offset in seconds per 15-minute bucket, null in a gap. */
  readonly buckets: ReadonlyMap<number, readonly (number | null)[]>;
}

interface Transition {
  /** First second (epoch) with the new offset. */
  readonly at: number;
  readonly after: number;
}

const cache = new Map<string, ZoneDays>();

/** The zone's day table, computed once per process. Throws a RangeError for an unknown zone. */
export function zoneDays(timeZone: string): ZoneDays {
  let days = cache.get(timeZone);
  if (!days) {
    days = computeZoneDays(new LocalClock(timeZone));
    cache.set(timeZone, days);
  }
  return days;
}

function computeZoneDays(clock: LocalClock): ZoneDays {
  const offsetAt = offsetFunction(clock, (ZONE_FIRST_DAY - 2) * DAY_S, (ZONE_END_DAY + 2) * DAY_S);
  const offsets: (number | null)[] = [];
  const buckets = new Map<number, (number | null)[]>();
  for (let day = ZONE_FIRST_DAY; day < ZONE_END_DAY; day++) {
    const before = offsetAt(day * DAY_S - MARGIN_S);
    const after = offsetAt((day + 1) * DAY_S + MARGIN_S);
    if (before === after) {
      offsets.push(before);
      continue;
    }
    offsets.push(null);
    buckets.set(day, Array.from({ length: BUCKETS_PER_DAY }, (_, k) => resolveOffset(offsetAt, day * DAY_S + k * BUCKET_S)));
  }
  return { timeZone: clock.timeZone, offsets, buckets };
}

/** `LocalClock.resolveOffset` over the transition list: the offset valid for a naive time, the earlier instant when ambiguous. */
function resolveOffset(offsetAt: (s: number) => number, naive: number): number | null {
  const before = offsetAt(naive - DAY_S);
  const after = offsetAt(naive + DAY_S);
  const candidates = before === after ? [before] : [Math.max(before, after), Math.min(before, after)];
  for (const offset of candidates) if (offsetAt(naive - offset) === offset) return offset;
  return null;
}

/** Offset in seconds at an epoch second, from the transitions found between `from` and `to`. */
function offsetFunction(clock: LocalClock, from: number, to: number): (s: number) => number {
  const intl = (s: number) => clock.offsetAt(s * 1000) / 1000;
  const first = intl(from);
  const transitions = findTransitions(intl, from, to, first);
  return (s: number) => {
    let lo = 0, hi = transitions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (transitions[mid].at <= s) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? first : transitions[lo - 1].after;
  };
}

/** Offset changes, sampled weekly and bisected to the second (zones change at most once a week). */
function findTransitions(intl: (s: number) => number, from: number, to: number, first: number): Transition[] {
  const found: Transition[] = [];
  let offset = first;
  for (let t = from; t < to; t += WEEK_S) {
    const next = Math.min(t + WEEK_S, to);
    const later = intl(next);
    if (later === offset) continue;
    let lo = t, hi = next;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (intl(mid) === offset) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, after: later });
    offset = later;
  }
  return found;
}
