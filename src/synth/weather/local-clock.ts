import { MS_PER_HOUR, MS_PER_MINUTE, utcOffsetMinutes } from '../../core/time/index.js';

/**
 * Local wall-clock time of UTC instants in one time zone. Offsets are cached per UTC hour, so
 * zones with daylight saving cost one Intl lookup an hour instead of one per interval.
 */
export class LocalClock {
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string) {}

  /** Local time expressed as milliseconds on a UTC-like axis (UTC ms + zone offset). */
  localMs(utcMs: number): number {
    return utcMs + this.offsetMs(utcMs);
  }

  offsetMs(utcMs: number): number {
    const hour = Math.floor(utcMs / MS_PER_HOUR);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      offset = utcOffsetMinutes(this.timeZone, hour * MS_PER_HOUR) * MS_PER_MINUTE;
      this.offsets.set(hour, offset);
    }
    return offset;
  }
}
