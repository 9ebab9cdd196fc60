/** A meter first seen in a file and registered because the mapping allows it. */
export interface NewMeter {
  readonly meterId: number;
  readonly meterNo: string;
  /** Earliest reading of the meter in the file (epoch ms). */
  firstTsMs: number;
  readonly intervalMinutes: number;
}

/**
 * meter_no → meter_id through the meters table (loaded once per file). Unknown meters are
 * quarantined, or registered with new ids when the source's mapping says so; the pipeline writes
 * the new meters in the same transaction as the readings.
 */
export class MeterResolver {
  private readonly ids: Map<string, number>;
  private readonly added: NewMeter[] = [];
  private nextId: number;
  private readonly firstNewId: number;
  private lastNo = '';
  private lastId = 0;

  constructor(known: Iterable<readonly [string, number]>) {
    this.ids = new Map(known);
    let max = 0;
    for (const id of this.ids.values()) if (id > max) max = id;
    this.nextId = max + 1;
    this.firstNewId = this.nextId;
  }

  /** meter_id of a meter number; 0 when unknown (and not registered). */
  resolve(meterNo: string, register = false, tsMs = Number.NaN, intervalMinutes = 15): number {
    if (meterNo === this.lastNo) return this.seen(this.lastId, tsMs);
    let id = this.ids.get(meterNo);
    if (id === undefined) {
      if (!register || meterNo === '') return 0;
      id = this.nextId++;
      this.ids.set(meterNo, id);
      this.added.push({ meterId: id, meterNo, firstTsMs: tsMs, intervalMinutes });
    }
    this.lastNo = meterNo;
    this.lastId = id;
    return this.seen(id, tsMs);
  }

  private seen(id: number, tsMs: number): number {
    if (id >= this.firstNewId) {
      const meter = this.added[id - this.firstNewId];
      if (tsMs < meter.firstTsMs || Number.isNaN(meter.firstTsMs)) meter.firstTsMs = tsMs;
    }
    return id;
  }

  /** Every meter number known so far (loaded and registered) with its id. */
  entries(): IterableIterator<[string, number]> {
    return this.ids.entries();
  }

  /** Meters registered since construction. */
  get newMeters(): readonly NewMeter[] {
    return this.added;
  }
}
