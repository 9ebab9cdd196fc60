import type { ChannelCode } from '../../core/schemas/meter.js';
import type { SqlParam, Warehouse } from '../../warehouse/warehouse.js';
import type { RegisterPoint } from '../vee/meter-series.js';
import type { VeeMeter } from './vee-meters.js';
import { seriesWindow, type SeriesWindow, type VeeRange } from './vee-window.js';

/** `currentQuality` of a slot without a row in `readings`. */
export const NO_ROW = 255;

/**
 * One meter channel as the store holds it over a window, and as it was delivered: slots VEE changed
 * before (quality other than actual, with edits in `reading_edits`) get back the value of their
 * edits' `original_kwh`, so a re-run validates the same input and reaches the same result.
 */
export interface StoredSeries {
  readonly meter: VeeMeter;
  readonly channel: ChannelCode;
  readonly window: SeriesWindow;
  /** Value in `readings` per slot; NaN where the row is missing or NULL. */
  readonly current: Float64Array;
  /** Quality code in `readings` per slot; `NO_ROW` where there is no row. */
  readonly currentQuality: Uint8Array;
  /** Value as delivered per slot (NaN: missing). */
  readonly delivered: Float64Array;
  /** Latest edit version of each slot VEE changed before. */
  readonly versions: Map<number, number>;
  readonly registerReads: RegisterPoint[];
  /**
   * Earlier deliveries of slots delivered more than once, oldest first: values a newer delivery
   * replaced (`superseded_readings`) and identical repeats (`repeated_readings`).
   */
  readonly earlierDeliveries: { slot: number; kwh: number }[];
  /** Rows off the meter's interval grid (left as they are). */
  misaligned: number;
}

const keyOf = (meterId: number, channel: number) => meterId * 4 + channel;

function emptySeries(meter: VeeMeter, channel: ChannelCode, range: VeeRange): StoredSeries {
  const window = seriesWindow(range, meter.timeZone, meter.intervalMinutes);
  const n = Math.max(0, window.length);
  return {
    meter, channel, window, current: new Float64Array(n).fill(Number.NaN), currentQuality: new Uint8Array(n).fill(NO_ROW),
    delivered: new Float64Array(n).fill(Number.NaN), versions: new Map(), registerReads: [], earlierDeliveries: [], misaligned: 0,
  };
}

/** Slot of a timestamp in the series, or -1 when outside or off the grid. */
function slotOf(s: StoredSeries, ms: number): number {
  const offset = ms - s.window.startMs;
  if (offset < 0 || ms >= s.window.endMs) return -1;
  if (offset % s.window.intervalMs !== 0) {
    s.misaligned++;
    return -1;
  }
  return offset / s.window.intervalMs;
}

/** Reads the readings, edit history, earlier deliveries and register reads of a batch of meters (four queries). */
export async function readStoredBatch(wh: Warehouse, meters: readonly VeeMeter[], range: VeeRange): Promise<StoredSeries[]> {
  const series = meters.flatMap((m) => m.channels.map((c) => emptySeries(m, c, range)));
  const byKey = new Map(series.map((s) => [keyOf(s.meter.meterId, s.channel), s]));
  const scope = batchScope(wh, meters, series);
  await readReadings(wh, scope, byKey);
  await readEditHistory(wh, scope, byKey);
  await readEarlierDeliveries(wh, scope, byKey);
  await readRegisters(wh, scope, byKey);
  return series;
}

interface BatchScope {
  readonly meterFilter: string;
  readonly params: SqlParam[];
  readonly ms: string;
}

function batchScope(wh: Warehouse, meters: readonly VeeMeter[], series: readonly StoredSeries[]): BatchScope {
  const start = Math.min(...series.map((s) => s.window.startMs));
  const end = Math.max(...series.map((s) => s.window.endMs));
  const ids = meters.map((m) => m.meterId);
  return {
    meterFilter: `meter_id IN (${ids.map(() => '?').join(', ')}) AND ts >= ? AND ts < ?`,
    params: [...ids, new Date(start), new Date(end)],
    ms: wh.dialect.epochMs('ts'),
  };
}

async function readReadings(wh: Warehouse, scope: BatchScope, byKey: Map<number, StoredSeries>): Promise<void> {
  const { rowCount, columns: c } = await wh.queryNumeric(
    `SELECT meter_id, channel, ${scope.ms} AS ms, kwh, quality FROM readings WHERE ${scope.meterFilter}`, scope.params);
  for (let r = 0; r < rowCount; r++) {
    const s = byKey.get(keyOf(c.meter_id[r], c.channel[r]));
    const i = s ? slotOf(s, c.ms[r]) : -1;
    if (!s || i < 0) continue;
    s.current[i] = c.kwh[r];
    s.currentQuality[i] = c.quality[r];
    s.delivered[i] = c.kwh[r];
  }
}

/** Slots VEE changed before and that still hold its value (not actual) are restored to their original. */
async function readEditHistory(wh: Warehouse, scope: BatchScope, byKey: Map<number, StoredSeries>): Promise<void> {
  const { rowCount, columns: c } = await wh.queryNumeric(
    `SELECT meter_id, channel, ${scope.ms} AS ms, original_kwh, version FROM reading_edits WHERE ${scope.meterFilter}`, scope.params);
  for (let r = 0; r < rowCount; r++) {
    const s = byKey.get(keyOf(c.meter_id[r], c.channel[r]));
    const i = s ? slotOf(s, c.ms[r]) : -1;
    if (!s || i < 0 || (s.versions.get(i) ?? 0) > c.version[r]) continue;
    s.versions.set(i, c.version[r]);
    if (s.currentQuality[i] !== 0) s.delivered[i] = c.original_kwh[r];
  }
}

/** Replaced values and identical repeats in arrival order (when replaced or repeated, then file). */
async function readEarlierDeliveries(wh: Warehouse, scope: BatchScope, byKey: Map<number, StoredSeries>): Promise<void> {
  const { rowCount, columns: c } = await wh.queryNumeric(
    `SELECT meter_id, channel, ms, kwh FROM (
       SELECT meter_id, channel, ${scope.ms} AS ms, kwh, superseded_at AS arrived, file_id FROM superseded_readings WHERE ${scope.meterFilter} AND kwh IS NOT NULL
       UNION ALL
       SELECT meter_id, channel, ${scope.ms} AS ms, kwh, recorded_at AS arrived, file_id FROM repeated_readings WHERE ${scope.meterFilter} AND kwh IS NOT NULL)
     ORDER BY arrived, file_id, meter_id, channel, ms`, [...scope.params, ...scope.params]);
  for (let r = 0; r < rowCount; r++) {
    const s = byKey.get(keyOf(c.meter_id[r], c.channel[r]));
    const i = s ? slotOf(s, c.ms[r]) : -1;
    if (s && i >= 0) s.earlierDeliveries.push({ slot: i, kwh: c.kwh[r] });
  }
}

async function readRegisters(wh: Warehouse, scope: BatchScope, byKey: Map<number, StoredSeries>): Promise<void> {
  // Register reads at the window's end bracket its last day: the upper bound is inclusive.
  const params = [...scope.params];
  params[params.length - 1] = new Date((params[params.length - 1] as Date).getTime() + 1);
  const rows = await wh.query<{ meter_id: number; channel: number; ms: number; register_kwh: number }>(
    `SELECT meter_id, channel, ${scope.ms} AS ms, register_kwh FROM register_reads WHERE ${scope.meterFilter} ORDER BY meter_id, channel, ts`, params);
  for (const r of rows) {
    const s = byKey.get(keyOf(r.meter_id, r.channel));
    if (!s || r.ms < s.window.startMs || r.ms > s.window.endMs || r.register_kwh < 0) continue;
    const last = s.registerReads[s.registerReads.length - 1];
    if (last && last.tsMs === r.ms) continue;
    s.registerReads.push({ tsMs: r.ms, kwh: r.register_kwh });
  }
}
