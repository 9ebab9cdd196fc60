import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, utcOffsetMinutes } from '../../../core/time/index.js';
import type { LoadSeries } from '../load-series.js';

/** The local wall clock of rows [from, to) of a series: calendar day and minute of the day. */
export interface LocalClock {
  readonly from: number;
  /** Local calendar day (days since 1970-01-01) of each row. */
  readonly day: Int32Array;
  /** Minutes since local midnight of each row. */
  readonly minute: Int32Array;
}

/**
 * Reads each row's timestamp on the series' wall clock. 'UTC' series are read as they are (this
 * is also how wall-clock series such as PJM's are stored); other zones go through the zone's
 * UTC offset, looked up once per UTC hour.
 */
export function localClock(series: LoadSeries, from = 0, to = series.length): LocalClock {
  const n = Math.max(0, to - from);
  const day = new Int32Array(n);
  const minute = new Int32Array(n);
  const offsets = new Map<number, number>();
  const offsetOf = (t: number): number => {
    if (series.timeZone === 'UTC') return 0;
    const hour = Math.floor(t / MS_PER_HOUR);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = utcOffsetMinutes(series.timeZone, hour * MS_PER_HOUR);
      offsets.set(hour, offset);
    }
    return offset;
  };
  for (let i = 0; i < n; i++) {
    const t = series.timestamps[from + i];
    const local = t + offsetOf(t) * MS_PER_MINUTE;
    const d = Math.floor(local / MS_PER_DAY);
    day[i] = d;
    minute[i] = Math.floor((local - d * MS_PER_DAY) / MS_PER_MINUTE);
  }
  return { from, day, minute };
}
