import type { Reject, RejectCode, SourceBatch } from '../connector.js';
import { checkReading, type ReadingRules } from './reading-rules.js';
import type { MeterResolver } from './meter-resolver.js';

const MAX_REJECTS_PER_BATCH = 10_000;

/** Where a reading came from, for rejects. */
export interface RecordRef {
  readonly line?: number;
  readonly messageId?: string;
}

export interface ReadingBatchOptions {
  readonly meters: MeterResolver;
  readonly rules: ReadingRules;
  readonly sourceId: number;
  readonly batchRows: number;
  /** Register unknown meters instead of quarantining their readings. */
  readonly registerMeters: boolean;
  readonly intervalMinutes: number;
}

/**
 * Collects accepted readings into typed arrays (the appender's fast path) and rejects with their
 * reason. Every reading connector feeds one of these, so meter resolution and record rules are
 * the same for every source.
 */
export class ReadingBatchBuilder {
  private meterId!: Int32Array;
  private channel!: Uint8Array;
  private ts!: Float64Array;
  private kwh!: Float64Array;
  private count = 0;
  private rejects: Reject[] = [];
  /** Records seen (accepted and rejected) in the file so far. */
  recordsRead = 0;

  constructor(private readonly options: ReadingBatchOptions) {
    this.allocate();
  }

  /** Adds one reading; returns false when it was rejected. */
  add(meterNo: string, channel: number, tsMs: number, kwh: number, ref: RecordRef, raw: string | (() => string)): boolean {
    this.recordsRead++;
    const { meters, rules } = this.options;
    const failure = checkReading(rules, channel, tsMs, kwh);
    if (failure) return this.rejectRecord(ref, raw, failure.code, failure.reason, meterNo, channel, tsMs, kwh);
    const id = meters.resolve(meterNo, this.options.registerMeters, tsMs, this.options.intervalMinutes);
    if (id === 0) return this.rejectRecord(ref, raw, 'unknown_meter', `unknown meter "${meterNo}" (not in the meters table)`, meterNo, channel, tsMs, kwh);
    if (this.count === this.meterId.length) this.grow();
    const i = this.count++;
    this.meterId[i] = id;
    this.channel[i] = channel;
    this.ts[i] = tsMs;
    this.kwh[i] = kwh;
    return true;
  }

  /** Rejects a record that could not be read at all. */
  reject(ref: RecordRef, raw: string | (() => string), code: RejectCode, reason: string): false {
    this.recordsRead++;
    this.rejects.push({ ...ref, raw: typeof raw === 'string' ? raw : raw(), code, reason });
    return false;
  }

  get full(): boolean {
    return this.count >= this.options.batchRows || this.rejects.length >= MAX_REJECTS_PER_BATCH;
  }

  /** Readings accepted into the current batch. */
  get rows(): number {
    return this.count;
  }

  get pending(): number {
    return this.count + this.rejects.length;
  }

  /** Hands over what was collected as a batch for `readings` and starts a new one. */
  take(bytesRead: number, encoding?: string): SourceBatch {
    const n = this.count;
    const batch: SourceBatch = {
      table: 'readings',
      batch: {
        rowCount: n,
        columns: {
          meter_id: this.meterId.subarray(0, n), channel: this.channel.subarray(0, n), ts: this.ts.subarray(0, n), kwh: this.kwh.subarray(0, n),
          quality: new Uint8Array(n), source_id: new Uint16Array(n).fill(this.options.sourceId),
        },
      },
      rejects: this.rejects,
      recordsRead: this.recordsRead,
      bytesRead,
      encoding,
    };
    this.allocate();
    return batch;
  }

  private rejectRecord(ref: RecordRef, raw: string | (() => string), code: RejectCode, reason: string, meterNo: string, channel: number, tsMs: number, kwh: number): false {
    this.rejects.push({ ...ref, raw: typeof raw === 'string' ? raw : raw(), code, reason, record: { meterNo, channel, ts: Number.isNaN(tsMs) ? null : new Date(tsMs).toISOString(), kwh, sourceId: this.options.sourceId } });
    return false;
  }

  /** A record may carry more readings than fit (a wide row of 96): the batch grows past `batchRows` until the caller takes it. */
  private grow(): void {
    const n = this.meterId.length * 2;
    const copy = <T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T => { to.set(from); return to; };
    this.meterId = copy(this.meterId, new Int32Array(n));
    this.channel = copy(this.channel, new Uint8Array(n));
    this.ts = copy(this.ts, new Float64Array(n));
    this.kwh = copy(this.kwh, new Float64Array(n));
  }

  private allocate(): void {
    const n = this.options.batchRows;
    this.meterId = new Int32Array(n);
    this.channel = new Uint8Array(n);
    this.ts = new Float64Array(n);
    this.kwh = new Float64Array(n);
    this.count = 0;
    this.rejects = [];
  }
}
