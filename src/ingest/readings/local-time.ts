const MS_PER_MINUTE = 60_000;
const BUCKET_MS = 15 * MS_PER_MINUTE;
const DAY_MS = 86_400_000;
/** Wider than any UTC offset: a naive local day maps into [day - 14 h, day + 1 d + 14 h) in UTC. */
const MARGIN_MS = 15 * 3_600_000;

/**
 * Converts local wall-clock times of one IANA time zone to UTC instants. The input is the
 * wall-clock time written as if it were UTC ("naive" epoch ms). A day without an offset change
 * costs two Intl look-ups once, then a map lookup per reading; only the days of a transition are
 * resolved per 15 minutes.
 *
 * A wall-clock time that does not exist (the hour skipped when DST starts) gives NaN; one that
 * occurs twice (the hour repeated when DST ends) gives the first occurrence, so a file listing
 * both shows a duplicate key instead of silently shifting one of them.
 */
export class LocalClock {
  private readonly format: Intl.DateTimeFormat;
  /** Per naive local day: the offset (ms) when constant all day, or NaN on a transition day. */
  private readonly days = new Map<number, number>();
  private readonly buckets = new Map<number, number>();
  private lastDay = Number.NaN;
  private lastOffset = 0;

  constructor(readonly timeZone: string) {
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new RangeError(`unknown time zone "${timeZone}" (use an IANA name such as Asia/Shanghai)`);
    }
  }

  /** UTC epoch ms of a naive local time, or NaN inside a DST gap. */
  toUtc(naiveMs: number): number {
    const day = Math.floor(naiveMs / DAY_MS);
    if (day !== this.lastDay) {
      let offset = this.days.get(day);
      if (offset === undefined) {
        offset = this.dayOffset(day);
        this.days.set(day, offset);
      }
      this.lastDay = day;
      this.lastOffset = offset;
    }
    return naiveMs - (Number.isNaN(this.lastOffset) ? this.bucketOffset(naiveMs) : this.lastOffset);
  }

  private dayOffset(day: number): number {
    const before = this.offsetAt(day * DAY_MS - MARGIN_MS);
    const after = this.offsetAt((day + 1) * DAY_MS + MARGIN_MS);
    return before === after ? before : Number.NaN;
  }

  private bucketOffset(naiveMs: number): number {
    const bucket = Math.floor(naiveMs / BUCKET_MS);
    let offset = this.buckets.get(bucket);
    if (offset === undefined) {
      offset = this.resolveOffset(bucket * BUCKET_MS);
      this.buckets.set(bucket, offset);
    }
    return offset;
  }

  /** Offset valid for a naive local time; NaN in a gap; the larger offset (earlier instant) when ambiguous. */
  private resolveOffset(naiveMs: number): number {
    const before = this.offsetAt(naiveMs - DAY_MS);
    const after = this.offsetAt(naiveMs + DAY_MS);
    const candidates = before === after ? [before] : [Math.max(before, after), Math.min(before, after)];
    for (const offset of candidates) {
      if (this.offsetAt(naiveMs - offset) === offset) return offset;
    }
    return Number.NaN;
  }

  /** Offset of local time from UTC at an instant, in ms. */
  offsetAt(utcMs: number): number {
    const parts = this.format.formatToParts(new Date(utcMs));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return local - Math.floor(utcMs / 1000) * 1000;
  }
}
