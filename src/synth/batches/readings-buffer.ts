import type { ColumnBatch } from '../../core/record-batch.js';

/**
 * Accumulates readings in preallocated typed columns and hands them out as batches of about
 * `target` rows. A batch is only valid until the next `take`: the generator's consumer appends it
 * before asking for more, so the same memory is reused and the footprint stays flat.
 */
export class ReadingsBuffer {
  private meterId: Int32Array;
  private channel: Uint8Array;
  private ts: Float64Array;
  private kwh: Float64Array;
  private quality: Uint8Array;
  private sourceId: Uint16Array;
  private size = 0;

  constructor(readonly target: number, private readonly source: number) {
    this.meterId = new Int32Array(target);
    this.channel = new Uint8Array(target);
    this.ts = new Float64Array(target);
    this.kwh = new Float64Array(target);
    this.quality = new Uint8Array(target);
    this.sourceId = new Uint16Array(target);
  }

  get length(): number {
    return this.size;
  }

  get full(): boolean {
    return this.size >= this.target;
  }

  /** Adds the non-NaN values of a series on a regular grid. */
  addSeries(meterId: number, channel: number, startMs: number, stepMs: number, values: Float64Array): void {
    this.reserve(values.length);
    let n = this.size;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) continue;
      this.meterId[n] = meterId;
      this.channel[n] = channel;
      this.ts[n] = startMs + i * stepMs;
      this.kwh[n] = v;
      this.quality[n] = 0;
      this.sourceId[n] = this.source;
      n++;
    }
    this.size = n;
  }

  take(): ColumnBatch {
    const n = this.size;
    this.size = 0;
    return {
      rowCount: n,
      columns: {
        meter_id: this.meterId.subarray(0, n), channel: this.channel.subarray(0, n), ts: this.ts.subarray(0, n),
        kwh: this.kwh.subarray(0, n), quality: this.quality.subarray(0, n), source_id: this.sourceId.subarray(0, n),
      },
    };
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.meterId.length) return;
    const capacity = Math.max(this.size + extra, this.meterId.length * 2);
    const grow = <T extends Int32Array | Uint8Array | Float64Array | Uint16Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a.subarray(0, this.size));
      return b;
    };
    this.meterId = grow(this.meterId, (n) => new Int32Array(n));
    this.channel = grow(this.channel, (n) => new Uint8Array(n));
    this.ts = grow(this.ts, (n) => new Float64Array(n));
    this.kwh = grow(this.kwh, (n) => new Float64Array(n));
    this.quality = grow(this.quality, (n) => new Uint8Array(n));
    this.sourceId = grow(this.sourceId, (n) => new Uint16Array(n));
  }
}
