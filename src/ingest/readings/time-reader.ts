import type { RejectCode } from '../connector.js';
import type { LocalClock } from './local-time.js';
import { parseTimeRange, type ParsedTime, type TimeFormat } from './timestamp-parser.js';

/** Reads source timestamps into UTC interval starts: parse, local → UTC, end → start. */
export class TimeReader {
  private readonly parsed: ParsedTime = { ms: 0, absolute: false };
  /** Why the last `read` gave NaN. */
  failure: { code: RejectCode; reason: string } = { code: 'invalid_time', reason: '' };

  constructor(readonly format: TimeFormat, readonly clock: LocalClock, private readonly shiftMs = 0) {}

  /** UTC epoch ms of the interval start, or NaN (see `failure`). */
  read(text: string): number {
    return this.readRange(text, 0, text.length);
  }

  /** `read` of `text.slice(from, to)`; the substring is made only for a failure message. */
  readRange(text: string, from: number, to: number): number {
    const p = parseTimeRange(text, from, to, this.format, this.parsed);
    if (Number.isNaN(p.ms)) {
      this.failure = { code: 'invalid_time', reason: `cannot read time "${text.slice(from, to)}" as ${this.format}` };
      return Number.NaN;
    }
    const utc = this.fromNaive(p.ms, p.absolute);
    if (Number.isNaN(utc)) this.failure = { code: 'dst_gap', reason: gapReason(text.slice(from, to), this.clock.timeZone) };
    return utc;
  }

  /**
   * UTC interval start of a wall-clock time given as naive epoch ms. An interval-end label that
   * does not exist (hour-ending "02:00" on the day DST starts) is read by its start's wall-clock
   * time instead.
   */
  fromNaive(naiveMs: number, absolute = false, text?: string): number {
    const utc = absolute ? naiveMs : this.clock.toUtc(naiveMs);
    if (Number.isNaN(utc) && this.shiftMs !== 0) {
      const start = this.clock.toUtc(naiveMs + this.shiftMs);
      if (!Number.isNaN(start)) return start;
    }
    if (Number.isNaN(utc)) {
      const shown = text ?? new Date(naiveMs).toISOString().slice(0, 19).replace('T', ' ');
      this.failure = { code: 'dst_gap', reason: gapReason(shown, this.clock.timeZone) };
      return Number.NaN;
    }
    return utc + this.shiftMs;
  }
}

const gapReason = (shown: string, timeZone: string) => `local time ${shown} does not exist in ${timeZone} (daylight-saving gap)`;
