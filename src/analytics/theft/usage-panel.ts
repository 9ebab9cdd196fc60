import { ValidationError } from '../../core/errors.js';
import type { MeterInfo } from './roster-queries.js';
import type { MeterDayColumns, MeterDayRow, ProfileColumns, ProfileRow } from './usage-queries.js';

/** Daily signals of one meter kept by the panel, one value per day (NaN = not enough data). */
export const dailySignals = ['kwh', 'exportKwh', 'zeroShare', 'nightShare', 'cv', 'roughness'] as const;
export type DailySignal = (typeof dailySignals)[number];

export interface PanelShape {
  readonly firstDay: number;
  readonly nDays: number;
  readonly blockDays: number;
  readonly minDayCoverage: number;
}

/**
 * Every meter's daily usage signals on one calendar (meter-major Float32 arrays), and its mean
 * hourly profile per block of days. Built from warehouse aggregates; rejects rows outside the
 * calendar and duplicate meter-days, so feature code can trust it.
 */
export class UsagePanel {
  readonly nMeters: number;
  readonly nBlocks: number;
  readonly negatives: Int32Array;
  /** First and last panel day (position) with any import reading per meter; -1 when none. */
  readonly firstSeen: Int32Array;
  readonly lastSeen: Int32Array;
  /** Mean hourly profile per block of days counted from the meter's first day. */
  readonly profiles: Float32Array;
  private readonly signals: Record<DailySignal, Float32Array>;
  private readonly index: MeterPositions;

  constructor(readonly meters: readonly MeterInfo[], readonly shape: PanelShape) {
    if (!Number.isInteger(shape.nDays) || shape.nDays < 1) throw new ValidationError('a usage panel needs at least one day', { nDays: shape.nDays });
    this.index = new MeterPositions(meters.map((m) => m.meterId));
    this.nMeters = meters.length;
    this.nBlocks = Math.ceil(shape.nDays / shape.blockDays);
    const size = this.nMeters * shape.nDays;
    this.signals = Object.fromEntries(dailySignals.map((s) => [s, new Float32Array(size).fill(Number.NaN)])) as Record<DailySignal, Float32Array>;
    this.signals.exportKwh.fill(0);
    this.negatives = new Int32Array(this.nMeters);
    this.firstSeen = new Int32Array(this.nMeters).fill(-1);
    this.lastSeen = new Int32Array(this.nMeters).fill(-1);
    this.profiles = new Float32Array(this.nMeters * this.nBlocks * 24).fill(Number.NaN);
  }

  get nDays(): number {
    return this.shape.nDays;
  }

  /** Position of a meter, or -1 when the panel does not hold it. */
  meterIndex(meterId: number): number {
    return this.index.get(meterId);
  }

  /** One meter's daily values of a signal (a view, not a copy). */
  series(meter: number, signal: DailySignal): Float32Array {
    const n = this.shape.nDays;
    return this.signals[signal].subarray(meter * n, meter * n + n);
  }

  /** Days [start, end) from the meter's first to its last day with readings (empty when none). */
  span(meter: number): { start: number; end: number } {
    return this.firstSeen[meter] < 0 ? { start: 0, end: 0 } : { start: this.firstSeen[meter], end: this.lastSeen[meter] + 1 };
  }

  /** Mean kWh per interval by hour of one block of the meter's own calendar (a view of 24 values). */
  profile(meter: number, block: number): Float32Array {
    const at = (meter * this.nBlocks + block) * 24;
    return this.profiles.subarray(at, at + 24);
  }

  /** Adds one meter-day aggregate; import rows below the coverage floor stay missing. */
  addDay(row: MeterDayRow): void {
    this.addDayValues(row.meter_id, row.channel, row.day, row.n, row.kwh, row.negatives, row.zeros, row.night, row.sumsq, row.jumps);
  }

  /** Adds every meter-day of a columnar result (no object per row). */
  addDays(days: MeterDayColumns): void {
    const c = days.columns;
    for (let i = 0; i < days.rowCount; i++) {
      this.addDayValues(c.meter_id[i], c.channel[i], c.day[i], c.n[i], c.kwh[i], c.negatives[i], c.zeros[i], c.night[i], c.sumsq[i], c.jumps[i]);
    }
  }

  private addDayValues(
    meterId: number, channel: number, day: number, n: number, kwh: number, negatives: number, zeros: number, night: number, sumsq: number, jumps: number,
  ): void {
    const m = this.requireMeter(meterId);
    const d = day - this.shape.firstDay;
    if (d < 0 || d >= this.shape.nDays) throw new ValidationError(`day ${day} is outside the panel`, { day });
    this.negatives[m] += negatives;
    const at = m * this.shape.nDays + d;
    if (channel === 2) {
      this.signals.exportKwh[at] = kwh;
      return;
    }
    if (this.firstSeen[m] < 0 || d < this.firstSeen[m]) this.firstSeen[m] = d;
    this.lastSeen[m] = Math.max(this.lastSeen[m], d);
    if (!Number.isNaN(this.signals.kwh[at])) throw new ValidationError(`duplicate day ${day} of meter ${meterId}`, { meterId });
    const expected = (24 * 60) / this.meters[m].intervalMinutes;
    if (n < this.shape.minDayCoverage * expected) return;
    writeImportDay(this.signals, at, n, kwh, zeros, night, sumsq, jumps, expected);
  }

  addProfile(row: ProfileRow): void {
    this.addProfileValue(row.meter_id, row.block, row.hour, row.kwh);
  }

  /** Adds every profile value of a columnar result. */
  addProfiles(profiles: ProfileColumns): void {
    const c = profiles.columns;
    for (let i = 0; i < profiles.rowCount; i++) this.addProfileValue(c.meter_id[i], c.block[i], c.hour[i], c.kwh[i]);
  }

  private addProfileValue(meterId: number, block: number, hour: number, kwh: number): void {
    const m = this.requireMeter(meterId);
    if (block < 0 || block >= this.nBlocks || hour < 0 || hour > 23) return;
    this.profiles[(m * this.nBlocks + block) * 24 + hour] = kwh;
  }

  private requireMeter(meterId: number): number {
    const m = this.index.get(meterId);
    if (m < 0) throw new ValidationError(`meter ${meterId} has readings but no meter record`, { meterId });
    return m;
  }
}

/**
 * Meter id → panel position. The ids of a batch of areas are close to a dense range, so a table
 * indexed by id − lowest id replaces a hash lookup per meter-day row (millions per batch); sparse
 * ids keep a map.
 */
class MeterPositions {
  private readonly map = new Map<number, number>();
  private readonly low: number;
  private readonly table: Int32Array | null;

  constructor(ids: readonly number[]) {
    let low = Infinity;
    let high = -Infinity;
    ids.forEach((id, i) => {
      if (this.map.has(id)) throw new ValidationError(`duplicate meter ${id} in the usage panel`, { meterId: id });
      this.map.set(id, i);
      low = Math.min(low, id);
      high = Math.max(high, id);
    });
    this.low = low;
    this.table = ids.length > 0 && ids.every(Number.isInteger) && high - low < 4 * ids.length + 1024 ? positionTable(ids, low, high) : null;
  }

  /** Position of the meter, or −1. */
  get(id: number): number {
    const at = id - this.low;
    if (this.table && Number.isInteger(at)) return at >= 0 && at < this.table.length ? this.table[at] : -1;
    return this.map.get(id) ?? -1;
  }
}

function positionTable(ids: readonly number[], low: number, high: number): Int32Array {
  const table = new Int32Array(high - low + 1).fill(-1);
  ids.forEach((id, i) => (table[id - low] = i));
  return table;
}

function writeImportDay(
  signals: Record<DailySignal, Float32Array>, at: number, n: number, kwh: number, zeros: number, night: number, sumsq: number, jumps: number, expected: number,
): void {
  const meanKwh = kwh / n;
  signals.kwh[at] = meanKwh * expected;
  signals.zeroShare[at] = zeros / n;
  signals.nightShare[at] = kwh > 0 ? night / kwh : Number.NaN;
  signals.cv[at] = meanKwh > 0 ? Math.sqrt(Math.max(0, sumsq / n - meanKwh * meanKwh)) / meanKwh : Number.NaN;
  signals.roughness[at] = kwh > 0 ? jumps / kwh : Number.NaN;
}

/** Builds the panel over the days the rows span (rows as objects, or column by column as read from the warehouse). */
export function buildUsagePanel(
  meters: readonly MeterInfo[], days: readonly MeterDayRow[] | MeterDayColumns, profiles: readonly ProfileRow[] | ProfileColumns,
  blockDays: number, minDayCoverage: number,
): UsagePanel {
  let first = Infinity;
  let last = -Infinity;
  if (isColumns(days)) {
    const day = days.columns.day;
    for (let i = 0; i < days.rowCount; i++) {
      first = Math.min(first, day[i]);
      last = Math.max(last, day[i]);
    }
  } else {
    for (const r of days) {
      first = Math.min(first, r.day);
      last = Math.max(last, r.day);
    }
  }
  if (!Number.isFinite(first)) throw new ValidationError('no readings to analyse');
  const panel = new UsagePanel(meters, { firstDay: first, nDays: last - first + 1, blockDays, minDayCoverage });
  if (isColumns(days)) panel.addDays(days);
  else for (const r of days) panel.addDay(r);
  if (isColumns(profiles)) panel.addProfiles(profiles);
  else for (const r of profiles) panel.addProfile(r);
  return panel;
}

function isColumns<C extends MeterDayColumns | ProfileColumns>(rows: readonly object[] | C): rows is C {
  return !Array.isArray(rows);
}
