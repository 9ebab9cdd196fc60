import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import { customerTypes } from '../../core/schemas/customer.js';
import { Channel, IntervalMinutes, type ChannelCode } from '../../core/schemas/meter.js';
import { MS_PER_MINUTE, utcOffsetMinutes } from '../../core/time/index.js';
import type { Deliveries } from './deliveries.js';
import { describeIssues } from './zod-issues.js';

export const MeterClass = z.enum(customerTypes);
export type MeterClass = z.infer<typeof MeterClass>;

/** A cumulative register read (示数), typically the daily frozen read at local midnight. */
export interface RegisterPoint {
  readonly tsMs: number;
  readonly kwh: number;
}

const finiteArray = z.custom<Float64Array>((v) => v instanceof Float64Array, 'expected a Float64Array');

/** What VEE may know about the meter besides its intervals. Every field is optional. */
export const SeriesContext = z.strictObject({
  meterClass: MeterClass.optional(),
  /** Contracted capacity (合同容量), kVA. */
  contractKva: z.number().positive().optional(),
  /** CT/PT multiplier (倍率); 1 when absent. */
  multiplier: z.number().positive().optional(),
  /** Net metering (PV): negative values are legitimate on the import channel too. */
  netMetered: z.boolean().optional(),
  /** False for a closed account: zero runs are then expected, not a signal. */
  accountActive: z.boolean().optional(),
  /** Largest interval value seen in validated history, kWh. */
  historicalMaxKwh: z.number().positive().optional(),
  registerReads: z.array(z.strictObject({ tsMs: z.number().int(), kwh: z.number().nonnegative() })).optional(),
  deliveries: z.strictObject({ tsMs: finiteArray, values: finiteArray, arrival: finiteArray }).optional(),
});
export type SeriesContext = z.infer<typeof SeriesContext>;

const MeterSeriesInput = z.strictObject({
  meterId: z.number().int().positive(),
  channel: z.union([z.literal(Channel.import), z.literal(Channel.export)]),
  /** UTC instant of slot 0, on the interval grid. */
  startMs: z.number().int(),
  intervalMinutes: IntervalMinutes,
  /** kWh per slot; NaN marks a missing slot. */
  values: finiteArray,
  timeZone: z.string().min(1),
  context: SeriesContext.optional(),
});
export type MeterSeriesInput = z.input<typeof MeterSeriesInput>;

/** Lets `withValues` skip re-validating what a validated series already carries. Not exported. */
const trustedCopy: unique symbol = Symbol('trusted copy');

/**
 * One meter channel's interval series: the validated dataset every VEE check and estimator takes.
 * The constructor rejects bad input (a start off the grid, infinite values, an unknown time zone,
 * unsorted register reads, delivery columns of unequal length) with a `ValidationError` naming the field.
 */
export class MeterSeries {
  readonly meterId: number;
  readonly channel: ChannelCode;
  readonly startMs: number;
  readonly intervalMinutes: 5 | 15 | 30 | 60;
  readonly values: Float64Array;
  readonly timeZone: string;
  readonly context: SeriesContext;
  readonly intervalMs: number;

  constructor(input: MeterSeriesInput, trusted?: typeof trustedCopy) {
    if (trusted === trustedCopy) {
      this.meterId = input.meterId;
      this.channel = input.channel;
      this.startMs = input.startMs;
      this.intervalMinutes = input.intervalMinutes;
      this.values = input.values;
      this.timeZone = input.timeZone;
      this.context = input.context ?? {};
      this.intervalMs = input.intervalMinutes * MS_PER_MINUTE;
      return;
    }
    const parsed = MeterSeriesInput.safeParse(input);
    if (!parsed.success) throw new ValidationError(`invalid meter series: ${describeIssues(parsed.error, '').join('; ')}`, { meterId: input.meterId });
    const p = parsed.data;
    this.meterId = p.meterId;
    this.channel = p.channel;
    this.startMs = p.startMs;
    this.intervalMinutes = p.intervalMinutes;
    this.values = p.values;
    this.timeZone = p.timeZone;
    this.context = p.context ?? {};
    this.intervalMs = p.intervalMinutes * MS_PER_MINUTE;
    assertShape(this);
  }

  get length(): number {
    return this.values.length;
  }

  get stepsPerHour(): number {
    return 60 / this.intervalMinutes;
  }

  get intervalHours(): number {
    return this.intervalMinutes / 60;
  }

  /** Negative values are legitimate on the export channel and on net-metered premises. */
  get allowsNegative(): boolean {
    return this.channel === Channel.export || this.context.netMetered === true;
  }

  slotStartMs(index: number): number {
    return this.startMs + index * this.intervalMs;
  }

  /** The same meter and context with other values (a corrected working copy); only the values are checked. */
  withValues(values: Float64Array): MeterSeries {
    if (values.length !== this.values.length) throw new ValidationError(`values must keep the series length ${this.values.length}`, { meterId: this.meterId, length: values.length });
    const bad = firstInfinite(values);
    if (bad >= 0) throw new ValidationError(`values[${bad}] must be finite or NaN`, { meterId: this.meterId, index: bad });
    return new MeterSeries({ ...this.toInput(), values }, trustedCopy);
  }

  toInput(): MeterSeriesInput {
    const { meterId, channel, startMs, intervalMinutes, values, timeZone, context } = this;
    return { meterId, channel, startMs, intervalMinutes, values, timeZone, context };
  }
}

function assertShape(s: MeterSeries): void {
  const fail = (field: string, message: string, details: Record<string, unknown> = {}) => {
    throw new ValidationError(`invalid meter series ${s.meterId}: ${field}: ${message}`, { meterId: s.meterId, field, ...details });
  };
  if (s.values.length === 0) fail('values', 'must hold at least one interval');
  if (s.startMs % s.intervalMs !== 0) fail('startMs', `must be on the ${s.intervalMinutes}-minute grid`, { startMs: s.startMs });
  const bad = firstInfinite(s.values);
  if (bad >= 0) fail(`values[${bad}]`, 'must be finite or NaN (missing)', { index: bad });
  try {
    utcOffsetMinutes(s.timeZone, s.startMs);
  } catch (cause) {
    fail('timeZone', `unknown time zone ${s.timeZone}`, { cause: String(cause) });
  }
  const reads = s.context.registerReads ?? [];
  for (let i = 1; i < reads.length; i++) if (reads[i].tsMs <= reads[i - 1].tsMs) fail(`context.registerReads[${i}].tsMs`, 'reads must be sorted by time without repeats');
  if (s.context.deliveries) assertDeliveries(s.context.deliveries, fail);
}

function assertDeliveries(d: Deliveries, fail: (field: string, message: string) => never): void {
  const n = d.tsMs.length;
  if (d.values.length !== n || d.arrival.length !== n) fail('context.deliveries', 'tsMs, values and arrival must have the same length');
  for (let i = 0; i < n; i++) if (!Number.isFinite(d.tsMs[i])) fail(`context.deliveries.tsMs[${i}]`, 'must be finite');
}

function firstInfinite(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) return i;
  }
  return -1;
}
