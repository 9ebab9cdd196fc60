import type { Warehouse } from '../../warehouse/warehouse.js';
import { checkReading, type ReadingRules } from '../readings/reading-rules.js';
import { emptyCounts, finishRun, nextFileId, recordFile, startRun } from './ingest-ledger.js';
import { loadMeters } from './meter-registry.js';
import { mergeStagedReadings, stageReadings } from './readings-merge.js';

export interface ReplaySummary {
  readonly runId: number;
  /** Open entries with a record that replay could re-validate. */
  readonly examined: number;
  readonly replayed: number;
  readonly stillFailing: number;
  /** Open entries that failed before being understood (malformed lines): fix the file and ingest it again. */
  readonly notReplayable: number;
  readonly failingByReason: Record<string, number>;
  readonly inserted: number;
  readonly duplicates: number;
}

interface StoredReading {
  readonly meterNo: string;
  readonly channel: number;
  readonly ts: string | null;
  readonly kwh: number;
  readonly sourceId?: number;
}

/**
 * Re-validates open quarantined readings (e.g. after the missing meter was added) and merges the
 * ones that now pass, exactly as an ingest would; all in one transaction with its own ledger row.
 */
export async function replayQuarantine(wh: Warehouse, rules: ReadingRules, ids?: readonly number[]): Promise<ReplaySummary> {
  const runId = await startRun(wh, 'replay', { ids: ids ?? 'all open' });
  const summary = await wh.transaction(async (tx) => {
    const entries = await openEntries(tx, ids);
    const meters = await loadMeters(tx);
    const accepted: number[] = [];
    const failing: Record<string, number> = {};
    const cols = { meter_id: [] as number[], channel: [] as number[], ts: [] as number[], kwh: [] as number[], source_id: [] as number[] };
    for (const entry of entries) {
      const r = JSON.parse(entry.record) as StoredReading;
      const ts = r.ts ? Date.parse(r.ts) : Number.NaN;
      const failure = checkReading(rules, r.channel, ts, r.kwh);
      const meterId = meters.resolve(r.meterNo);
      const code = failure?.code ?? (meterId === 0 ? 'unknown_meter' : Number.isNaN(ts) ? 'invalid_time' : undefined);
      if (code) { failing[code] = (failing[code] ?? 0) + 1; continue; }
      accepted.push(entry.quarantine_id);
      cols.meter_id.push(meterId); cols.channel.push(r.channel); cols.ts.push(ts); cols.kwh.push(r.kwh); cols.source_id.push(r.sourceId ?? 0);
    }
    const fileId = await nextFileId(tx);
    const n = accepted.length;
    const batch = {
      rowCount: n,
      columns: {
        meter_id: Int32Array.from(cols.meter_id), channel: Uint8Array.from(cols.channel), ts: Float64Array.from(cols.ts), kwh: Float64Array.from(cols.kwh),
        quality: new Uint8Array(n), source_id: Uint16Array.from(cols.source_id),
      },
    };
    if (n) await stageReadings(tx, batch, 0);
    const merged = n ? await mergeStagedReadings(tx, fileId) : { inserted: 0, duplicate: 0, superseded: 0 };
    await markReplayed(tx, accepted);
    const counts = { ...emptyCounts(), rowsRead: entries.length, rowsAccepted: n, rowsQuarantined: entries.length - n, rowsInserted: merged.inserted, rowsDuplicate: merged.duplicate, rowsSuperseded: merged.superseded };
    await recordFile(tx, { fileId, runId, source: 'replay', path: 'quarantine', sha256: `replay:${runId}`, bytes: 0, options: { ids: ids ?? null }, encoding: null, startedAt: new Date() }, 'done', counts);
    const [{ n: notReplayable }] = await tx.query<{ n: number }>("SELECT count(*) AS n FROM quarantine WHERE status = 'open' AND record IS NULL");
    return { runId, examined: entries.length, replayed: n, stillFailing: entries.length - n, notReplayable, failingByReason: failing, inserted: merged.inserted, duplicates: merged.duplicate };
  });
  await finishRun(wh, runId, { files: 1, read: summary.examined, accepted: summary.replayed, quarantined: summary.stillFailing });
  return summary;
}

async function openEntries(tx: Warehouse, ids?: readonly number[]): Promise<{ quarantine_id: number; record: string }[]> {
  const rows = await tx.query<{ quarantine_id: number; record: string }>(
    "SELECT quarantine_id, CAST(record AS VARCHAR) AS record FROM quarantine WHERE status = 'open' AND record IS NOT NULL ORDER BY quarantine_id");
  if (!ids) return rows;
  const wanted = new Set(ids);
  return rows.filter((r) => wanted.has(r.quarantine_id));
}

const ID_CHUNK = 500;

async function markReplayed(tx: Warehouse, ids: readonly number[]): Promise<void> {
  const now = new Date();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const chunk = ids.slice(i, i + ID_CHUNK);
    await tx.run(`UPDATE quarantine SET status = 'replayed', resolved_at = ? WHERE quarantine_id IN (${chunk.map(() => '?').join(', ')})`, [now, ...chunk]);
  }
}
