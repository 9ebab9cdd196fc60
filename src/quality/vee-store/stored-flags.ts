import type { Warehouse } from '../../warehouse/warehouse.js';
import type { FlagRow } from './flag-rows.js';
import type { StoredSeries } from './stored-series.js';

type FlagRecord = {
  meter_id: number;
  channel: number;
  check: string;
  code: string;
  start_ms: number;
  end_ms: number;
  severity: string;
  reason: string;
  reason_zh: string;
  facts: string | null;
  run_id: number;
};

/** The stored findings of each series of a batch that start inside the series' window, by series. */
export async function readStoredFlags(wh: Warehouse, series: readonly StoredSeries[]): Promise<Map<StoredSeries, FlagRow[]>> {
  const out = new Map<StoredSeries, FlagRow[]>(series.map((s) => [s, []]));
  if (series.length === 0) return out;
  const ids = [...new Set(series.map((s) => s.meter.meterId))];
  const start = Math.min(...series.map((s) => s.window.startMs));
  const end = Math.max(...series.map((s) => s.window.endMs));
  const ms = wh.dialect.epochMs;
  const rows = await wh.query<FlagRecord>(
    `SELECT meter_id, channel, "check", code, ${ms('start_ts')} AS start_ms, ${ms('end_ts')} AS end_ms, severity, reason, reason_zh, facts, run_id
     FROM vee_flags WHERE meter_id IN (${ids.map(() => '?').join(', ')}) AND start_ts >= ? AND start_ts < ?`,
    [...ids, new Date(start), new Date(end)]);
  const byKey = new Map(series.map((s) => [`${s.meter.meterId}:${s.channel}`, s]));
  for (const r of rows) {
    const s = byKey.get(`${r.meter_id}:${r.channel}`);
    if (!s || r.start_ms < s.window.startMs || r.start_ms >= s.window.endMs) continue;
    out.get(s)!.push({
      meterId: r.meter_id, channel: r.channel, check: r.check, code: r.code, startMs: r.start_ms, endMs: r.end_ms, severity: r.severity,
      reason: r.reason, reasonZh: r.reason_zh, facts: r.facts, runId: r.run_id,
    });
  }
  return out;
}
