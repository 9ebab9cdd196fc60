import { ValidationError } from '../../../core/errors.js';
import type { DayKind } from '../../../core/time/index.js';
import { MS_PER_DAY, MS_PER_MINUTE } from '../../../core/time/index.js';

/** What a baseline needs to know about each local calendar day: workday, weekend or holiday. */
export interface DayKindCalendar {
  dayKind(day: number): DayKind;
}

/**
 * One customer's (or one aggregate's) interval energy on whole local days, validated:
 * `kwh[d * stepsPerDay + s]` is step s of local day `firstDay + d` (days since 1970-01-01 of the
 * local date); NaN where no reading exists. Any interval length that divides a day works.
 */
export class DayLoadMatrix {
  readonly stepsPerDay: number;
  readonly days: number;
  /** Per day: −1 not yet known, 0 incomplete, 1 complete (values written through `kwh` need `invalidate()`). */
  private readonly completeness: Int8Array;

  constructor(readonly firstDay: number, readonly intervalMinutes: number, readonly kwh: Float64Array, readonly dayKinds: Uint8Array) {
    if (!Number.isInteger(firstDay)) throw new ValidationError(`load matrix: firstDay must be an integer epoch day, got ${firstDay}`, { firstDay });
    if (!Number.isInteger(intervalMinutes) || intervalMinutes <= 0 || 1440 % intervalMinutes !== 0) {
      throw new ValidationError(`load matrix: interval of ${intervalMinutes} minutes does not divide a day`, { intervalMinutes });
    }
    this.stepsPerDay = 1440 / intervalMinutes;
    if (kwh.length % this.stepsPerDay !== 0) {
      throw new ValidationError(`load matrix: ${kwh.length} values is not a whole number of ${this.stepsPerDay}-step days`, { values: kwh.length });
    }
    this.days = kwh.length / this.stepsPerDay;
    if (dayKinds.length !== this.days) throw new ValidationError(`load matrix: ${dayKinds.length} day kinds for ${this.days} days`, { dayKinds: dayKinds.length, days: this.days });
    this.completeness = new Int8Array(this.days).fill(-1);
  }

  /** Builds the matrix for `days` local days from `firstDay`, with day kinds from a calendar. */
  static empty(firstDay: number, days: number, intervalMinutes: number, calendar: DayKindCalendar): DayLoadMatrix {
    const kinds = new Uint8Array(days);
    for (let d = 0; d < days; d++) kinds[d] = calendar.dayKind(firstDay + d);
    return new DayLoadMatrix(firstDay, intervalMinutes, new Float64Array(days * (1440 / intervalMinutes)).fill(Number.NaN), kinds);
  }

  /**
   * Places UTC-stamped interval readings (interval start, epoch ms) on the local-day grid. Readings
   * off the interval grid or a second value for the same interval are rejected by name.
   */
  static fromReadings(readings: { readonly ts: Float64Array; readonly kwh: Float64Array }, options: {
    readonly intervalMinutes: number; readonly utcOffsetMinutes: number; readonly calendar: DayKindCalendar; readonly firstDay?: number; readonly days?: number;
  }): DayLoadMatrix {
    const offsetMs = options.utcOffsetMinutes * MS_PER_MINUTE;
    const stepMs = options.intervalMinutes * MS_PER_MINUTE;
    let lo = Infinity, hi = -Infinity;
    for (const t of readings.ts) { lo = Math.min(lo, t); hi = Math.max(hi, t); }
    const firstDay = options.firstDay ?? (readings.ts.length ? Math.floor((lo + offsetMs) / MS_PER_DAY) : 0);
    const days = options.days ?? (readings.ts.length ? Math.floor((hi + offsetMs) / MS_PER_DAY) - firstDay + 1 : 0);
    const matrix = DayLoadMatrix.empty(firstDay, days, options.intervalMinutes, options.calendar);
    const origin = firstDay * MS_PER_DAY - offsetMs;
    for (let i = 0; i < readings.ts.length; i++) {
      const offset = readings.ts[i] - origin;
      if (offset % stepMs !== 0) throw new ValidationError(`load matrix: reading at ${new Date(readings.ts[i]).toISOString()} is not on the ${options.intervalMinutes}-minute grid`, { ts: readings.ts[i] });
      const index = offset / stepMs;
      if (index < 0 || index >= matrix.kwh.length) continue;
      if (!Number.isNaN(matrix.kwh[index])) throw new ValidationError(`load matrix: two readings for ${new Date(readings.ts[i]).toISOString()}`, { ts: readings.ts[i] });
      matrix.kwh[index] = readings.kwh[i];
    }
    return matrix;
  }

  /** The same days at a coarser interval (a multiple of this one): sums of kWh, NaN when any part is missing. */
  aggregate(intervalMinutes: number): DayLoadMatrix {
    const factor = intervalMinutes / this.intervalMinutes;
    if (!Number.isInteger(factor) || factor < 1) throw new ValidationError(`load matrix: cannot aggregate ${this.intervalMinutes}-minute intervals to ${intervalMinutes} minutes`, { intervalMinutes });
    const out = new Float64Array(this.kwh.length / factor);
    for (let i = 0; i < out.length; i++) {
      let sum = 0;
      for (let k = 0; k < factor; k++) sum += this.kwh[i * factor + k];
      out[i] = sum;
    }
    return new DayLoadMatrix(this.firstDay, intervalMinutes, out, this.dayKinds);
  }

  /** Index of an epoch day in the matrix, or -1. */
  dayIndex(day: number): number {
    const d = day - this.firstDay;
    return d >= 0 && d < this.days ? d : -1;
  }

  /** The day's values as a view (no copy). */
  day(dayIndex: number): Float64Array {
    return this.kwh.subarray(dayIndex * this.stepsPerDay, (dayIndex + 1) * this.stepsPerDay);
  }

  /** Whether every step of the day has a value (cached per day). */
  isComplete(dayIndex: number): boolean {
    const known = this.completeness[dayIndex];
    if (known >= 0) return known === 1;
    const values = this.day(dayIndex);
    let complete = 1;
    for (let s = 0; s < values.length; s++) {
      if (Number.isNaN(values[s])) {
        complete = 0;
        break;
      }
    }
    this.completeness[dayIndex] = complete;
    return complete === 1;
  }

  /** Replaces one day's values. */
  setDay(dayIndex: number, values: ArrayLike<number>): void {
    this.kwh.set(values, dayIndex * this.stepsPerDay);
    this.completeness[dayIndex] = -1;
  }

  /** Forgets cached completeness after values were written through `kwh` or `day()`. */
  invalidate(): void {
    this.completeness.fill(-1);
  }

  /** Step index of a local time of day given in minutes after midnight. */
  stepOf(minuteOfDay: number): number {
    if (minuteOfDay % this.intervalMinutes !== 0) {
      throw new ValidationError(`load matrix: ${minuteOfDay} minutes after midnight is not on the ${this.intervalMinutes}-minute grid`, { minuteOfDay });
    }
    return minuteOfDay / this.intervalMinutes;
  }
}
